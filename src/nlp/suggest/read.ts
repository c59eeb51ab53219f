import { getNlp } from '../wink.js';

/** One wink token with its place in the text. */
export interface NameToken {
  value: string;
  lower: string;
  pos: string;
  start: number;
  end: number;
  /** Whitespace stands before it ("Jean-Claude" is three tokens with none between them). */
  spaceBefore: boolean;
}

export interface SentenceTokens {
  start: number;
  end: number;
  tokens: NameToken[];
}

/**
 * Tokenises and tags `text` with the shared wink instance and groups the tokens by sentence.
 * Offsets are JavaScript string indices, end-exclusive; wink reports only the spaces before a
 * token, so a token that is not where the count puts it is searched for from the previous end.
 */
export function readSentences(text: string): SentenceTokens[] {
  const nlp = getNlp();
  const { its } = nlp;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: NameToken[] = [];
  let end = 0;
  values.forEach((value, i) => {
    let start = end + (spaces[i]?.length ?? 0);
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, end);
      start = found === -1 ? Math.min(start, text.length) : found;
    }
    const spaceBefore = start > end || i === 0;
    end = Math.min(start + value.length, text.length);
    tokens.push({ value, lower: value.toLowerCase(), pos: pos[i] ?? 'X', start, end, spaceBefore });
  });
  const spans = doc.sentences().out(its.span) as number[][];
  return spans.flatMap(([from = 0, to = from]) => {
    const own = tokens.slice(from, to + 1);
    const first = own[0];
    const last = own.at(-1);
    return first && last ? [{ start: first.start, end: last.end, tokens: own }] : [];
  });
}
