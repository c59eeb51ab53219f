import { getNlp, readColumns } from './wink.js';

/**
 * One wink document as parallel columns, so the scorers index arrays instead of allocating an
 * object per token. Token i is `values[i]` at text offsets [starts[i], ends[i]).
 */
export interface TokenTable {
  readonly text: string;
  readonly count: number;
  readonly values: readonly string[];
  /** Lowercased, with contractions expanded by wink ("n't" -> "not"). */
  readonly normals: readonly string[];
  readonly pos: readonly string[];
  /** Lowercased lemma ("said" -> "say"; contractions give their expansion's lemma). */
  readonly lemmas: readonly string[];
  /** Wink's negation scope: true from a negator up to the next punctuation. */
  readonly negated: readonly boolean[];
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Sentence s covers tokens [sentFrom[s], sentTo[s]). */
  readonly sentFrom: Int32Array;
  readonly sentTo: Int32Array;
  readonly sentenceOf: Int32Array;
}

/** Tokenises, splits sentences and tags `text` with wink, and locates every token in `text`. */
export function readTokens(text: string): TokenTable {
  const nlp = getNlp();
  const doc = nlp.readDoc(text);
  const columns = readColumns(doc);
  const { values } = columns;
  const { starts, ends } = locateTokens(text, values, columns.spaces);
  const spans = doc.sentences().out(nlp.its.span) as number[][];
  const { sentFrom, sentTo, sentenceOf } = sentenceIndex(spans, values.length);
  return {
    text,
    count: values.length,
    values,
    normals: columns.normals,
    lemmas: columns.lemmas,
    pos: columns.pos,
    negated: columns.negated,
    starts,
    ends,
    sentFrom,
    sentTo,
    sentenceOf,
  };
}

/**
 * Wink reports only the count of spaces before a token and silently drops some characters
 * (byte-order mark, ideographic space), so the count is trusted only when the token really
 * stands there; otherwise we search forward from the previous token's end, which re-aligns.
 */
function locateTokens(text: string, values: readonly string[], spaces: Int32Array) {
  const starts = new Int32Array(values.length);
  const ends = new Int32Array(values.length);
  let end = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? '';
    let start = end + (spaces[i] ?? 0);
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, end);
      start = found === -1 ? Math.min(start, text.length) : found;
    }
    starts[i] = start;
    end = Math.min(start + value.length, text.length);
    ends[i] = end;
  }
  return { starts, ends };
}

function sentenceIndex(spans: readonly number[][], count: number) {
  const sentFrom = new Int32Array(spans.length);
  const sentTo = new Int32Array(spans.length);
  const sentenceOf = new Int32Array(count);
  spans.forEach((span, s) => {
    const from = span[0] ?? 0;
    const to = Math.min((span[1] ?? from) + 1, count);
    sentFrom[s] = from;
    sentTo[s] = to;
    sentenceOf.fill(s, from, to);
  });
  return { sentFrom, sentTo, sentenceOf };
}

/** Index of the token that contains `offset`, or the last token starting before it. */
export function tokenAt(table: TokenTable, offset: number): number {
  let lo = 0;
  let hi = table.count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((table.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The character span of sentence `s`, without the line breaks wink keeps at its edges. */
export function sentenceSpan(table: TokenTable, s: number): { start: number; end: number } {
  let from = table.sentFrom[s] ?? 0;
  let to = (table.sentTo[s] ?? 1) - 1;
  while (from < to && table.pos[from] === 'SPACE') from += 1;
  while (to > from && table.pos[to] === 'SPACE') to -= 1;
  return { start: table.starts[from] ?? 0, end: table.ends[to] ?? 0 };
}
