import {
  type Ctx,
  type Range,
  closesQuote,
  insideQuote,
  inHeadline,
  isSentenceEnd,
  norm,
  opensQuote,
  posOf,
  sentenceTo,
  quoteAt,
  remember,
  valueOf,
} from './context.js';
import { CUE, STRONG, cueWord, type CueWord } from './lexicon.js';
import { phraseStartingAt } from './phrases.js';
import { CUE_PREFIX, PRONOUNS, TIME_WORDS } from './words.js';

/** What follows a cue: where its content starts and what shape it has. */
export interface Complement {
  kind: 'quote' | 'that' | 'clause' | 'np' | 'to' | 'none';
  at: number;
  verbSoon: boolean;
  toSoon: boolean;
  asSoon: boolean;
  forSoon?: boolean;
  /** ", citing Y," after the cue: Y is the source and the subject only the channel. */
  cited?: Range;
  /** ", via USA Today,": the channel the words came through. */
  channel?: Range;
}

const LOOKAHEAD = 8;
const WH = new Set('whether if how why what where when who which'.split(' '));
const ADVERBIAL_PREPS = new Set(
  'in on at during after before via over through from to with outside inside near amid for'.split(
    ' ',
  ),
);
const OBJECT_PRONOUNS = new Set('him her them us me it you'.split(' '));
const VERBAL = new Set(['VERB', 'AUX']);
const FOLLOWS_ADVERBIAL = new Set(['that', ',', ':', 'to']);

export function nextToken(ctx: Ctx, k: number, crossBreak = false): number {
  let j = k;
  while (j < ctx.table.count && posOf(ctx, j) === 'SPACE') j += 1;
  if (!crossBreak && j < ctx.table.count && ctx.breakBefore[j] === 1 && j > k)
    return ctx.table.count;
  return j;
}

const ends = (ctx: Ctx, k: number): boolean =>
  k >= ctx.table.count || isSentenceEnd(ctx, k) || valueOf(ctx, k) === ')' || closesQuote(ctx, k);

// A prepositional phrase after a cue is an adverbial ("said in a statement that", "told CNN in
// an interview.") when what follows it is not the content itself.
function skipAdverbials(ctx: Ctx, from: number): number {
  let k = from;
  for (let round = 0; round < 4; round += 1) {
    if (TIME_WORDS.has(norm(ctx, k))) {
      k = nextToken(ctx, k + 1);
      continue;
    }
    if (!ADVERBIAL_PREPS.has(norm(ctx, k)) || posOf(ctx, k) !== 'ADP') break;
    const phrase = phraseStartingAt(ctx, k + 1);
    if (phrase === undefined) break;
    const after = nextToken(ctx, phrase.to);
    const skippable =
      ends(ctx, after) || FOLLOWS_ADVERBIAL.has(norm(ctx, after)) || opensQuote(ctx, after);
    if (!skippable && !TIME_WORDS.has(norm(ctx, phrase.to - 1))) break;
    k = after;
  }
  return k;
}

function lookahead(
  ctx: Ctx,
  at: number,
): Pick<Complement, 'verbSoon' | 'toSoon' | 'asSoon' | 'forSoon'> {
  const seen = { verbSoon: false, toSoon: false, asSoon: false, forSoon: false };
  const stop = Math.min(ctx.table.count, at + LOOKAHEAD);
  for (let k = at; k < stop && !ends(ctx, k); k += 1) {
    const v = norm(ctx, k);
    if (VERBAL.has(posOf(ctx, k)) && k > at) seen.verbSoon = true;
    if (v === 'to') seen.toSoon = true;
    if (v === 'as') seen.asSoon = true;
    if (v === 'for') seen.forSoon = true;
  }
  return seen;
}

// ", citing satellite images," / ", quoting unnamed officials.": the phrase and what follows it.
function citing(ctx: Ctx, comma: number): { cited: Range; via: boolean; next: number } | undefined {
  const c = nextToken(ctx, comma + 1);
  const word = norm(ctx, c);
  if (word !== 'citing' && word !== 'quoting' && word !== 'via') return undefined;
  const cited = phraseStartingAt(ctx, nextToken(ctx, c + 1));
  return cited === undefined
    ? undefined
    : { cited, via: word === 'via', next: nextToken(ctx, cited.to) };
}

function afterComma(ctx: Ctx, comma: number): Complement {
  const cite = citing(ctx, comma);
  if (cite !== undefined) {
    const rest =
      valueOf(ctx, cite.next) === ',' ? afterComma(ctx, cite.next) : classify(ctx, cite.next);
    return cite.via ? { ...rest, channel: cite.cited } : { ...rest, cited: cite.cited };
  }
  let j = nextToken(ctx, comma + 1);
  while (posOf(ctx, j) === 'ADV' || valueOf(ctx, j) === ',') j = nextToken(ctx, j + 1);
  const none = { verbSoon: false, toSoon: false, asSoon: false };
  if (opensQuote(ctx, j)) return { kind: 'quote', at: j, ...none };
  if (norm(ctx, j) === 'that') return { kind: 'that', at: j, ...none };
  return { kind: 'none', at: comma, ...none };
}

function classify(ctx: Ctx, k: number): Complement {
  const none = { verbSoon: false, toSoon: false, asSoon: false };
  if (ends(ctx, k)) return { kind: 'none', at: k, ...none };
  const v = valueOf(ctx, k);
  if (v === ':') {
    const j = nextToken(ctx, k + 1, true);
    if (opensQuote(ctx, j)) return { kind: 'quote', at: j, ...none };
    return { kind: 'clause', at: j, ...none };
  }
  if (v === ',' || v === '—' || v === '–') return afterComma(ctx, k);
  if (opensQuote(ctx, k)) return { kind: 'quote', at: k, ...none };
  const n = norm(ctx, k);
  if (n === 'that' && !ends(ctx, k + 1) && valueOf(ctx, k + 1) !== ',') {
    return { kind: 'that', at: k, ...none };
  }
  if (WH.has(n)) return { kind: 'clause', at: k, ...none };
  if (n === 'to') return { kind: 'to', at: k, ...none };
  return { kind: 'np', at: k, ...lookahead(ctx, k) };
}

/**
 * The complement of the cue ending at token `cueEnd` (inclusive): the hearer of "told", then
 * adverbials ("on Tuesday", "in a statement") are skipped.
 */
export function complementAfter(ctx: Ctx, cueEnd: number, word: CueWord): Complement {
  let k = nextToken(ctx, cueEnd + 1);
  if ((word.flags & CUE.recipient) !== 0 && !ends(ctx, k)) {
    if (OBJECT_PRONOUNS.has(norm(ctx, k))) k = nextToken(ctx, k + 1);
    else if (norm(ctx, k) !== 'that' && !opensQuote(ctx, k)) {
      // "told visiting leaders": wink tags a participle before the noun as a verb.
      const modified = posOf(ctx, k) === 'VERB' && /(?:ing|ed)$/.test(norm(ctx, k));
      const hearer =
        phraseStartingAt(ctx, k) ?? (modified ? phraseStartingAt(ctx, k + 1) : undefined);
      if (hearer !== undefined) k = nextToken(ctx, hearer.to);
    }
  }
  return classify(ctx, skipAdverbials(ctx, k));
}

/** Whether a cue with `word` takes this complement (and a document subject where it needs one). */
export function accepts(word: CueWord, comp: Complement, docSubject: boolean): boolean {
  if (comp.kind === 'none') return false;
  if ((word.flags & CUE.doc) !== 0 && !docSubject && comp.kind !== 'that') return false;
  if (comp.kind === 'quote' || comp.kind === 'that') return true;
  const required = word.flags & (CUE.clause | CUE.to | CUE.as | CUE.for);
  if (required === 0) return true;
  if ((required & CUE.for) !== 0 && comp.forSoon === true) return true;
  if ((required & CUE.clause) !== 0 && (comp.kind === 'clause' || comp.verbSoon)) return true;
  if ((required & CUE.to) !== 0 && (comp.kind === 'to' || comp.toSoon)) return true;
  return (required & CUE.as) !== 0 && comp.asSoon;
}

// "…, diplomats said." / "…, said Smith.": a frame closing the sentence reports what precedes it.
function trailingFrame(ctx: Ctx, comma: number): boolean {
  const phrase = phraseStartingAt(ctx, nextToken(ctx, comma + 1));
  let k = phrase === undefined ? nextToken(ctx, comma + 1) : nextToken(ctx, phrase.to);
  while (CUE_PREFIX.has(norm(ctx, k))) k = nextToken(ctx, k + 1);
  const word = cueWord(norm(ctx, k), inHeadline(ctx, k));
  if (word === undefined || word.prior < STRONG || word.cls !== 'speech') return false;
  if (phrase === undefined) {
    const source = phraseStartingAt(ctx, nextToken(ctx, k + 1));
    if (source === undefined) return false;
    k = source.to - 1;
  }
  const after = nextToken(ctx, k + 1);
  return (
    ends(ctx, after) ||
    valueOf(ctx, after) === ',' ||
    posOf(ctx, after) === 'ADP' ||
    TIME_WORDS.has(norm(ctx, after))
  );
}

// Another frame starts here: ", according to", ", citing", ", adding that", "and said", ";".
function isCut(ctx: Ctx, k: number): boolean {
  const v = valueOf(ctx, k);
  if (v !== ';' && v !== ',' && v !== '—' && v !== '–' && posOf(ctx, k) !== 'CCONJ') return false;
  const known = ctx.memo.cut[k] ?? 0;
  return known === 0 ? remember(ctx.memo.cut, k, startsFrame(ctx, k)) : known === 2;
}

function startsFrame(ctx: Ctx, k: number): boolean {
  const v = valueOf(ctx, k);
  if (v === ';') return true;
  const isComma = v === ',' || v === '—' || v === '–';
  if (!isComma && posOf(ctx, k) !== 'CCONJ') return false;
  let j = nextToken(ctx, k + 1);
  if (isComma && posOf(ctx, j) === 'CCONJ') j = nextToken(ctx, j + 1);
  const n = norm(ctx, j);
  if (isComma && (n === 'according' || n === 'citing' || n === 'quoting')) return true;
  if (isComma && trailingFrame(ctx, k)) return true;
  while (CUE_PREFIX.has(norm(ctx, j)) && j < k + 4) j = nextToken(ctx, j + 1);
  const word = cueWord(norm(ctx, j));
  if (word === undefined || PRONOUNS.has(n)) return false;
  const participle = norm(ctx, j).endsWith('ing');
  return (isComma && participle) || (!isComma && word.prior >= STRONG && posOf(ctx, j) === 'VERB');
}

/** Last token of content that starts at `from` and runs to the end of its clause or quote. */
export function contentEnd(ctx: Ctx, from: number, stopAtComma: boolean): number {
  let end = sentenceTo(ctx, from);
  // Wink sometimes ends a sentence at "voters, “Look …”": the quote still belongs to it.
  const after = nextToken(ctx, end + 1);
  if (/^[,:]$/.test(valueOf(ctx, end)) && opensQuote(ctx, after)) end = after;
  for (let k = from + 1; k <= end; k += 1) {
    if (insideQuote(ctx, k) || opensQuote(ctx, k)) {
      const q = quoteAt(ctx, k);
      if (q !== undefined && q.close > end) end = q.close;
      if (q !== undefined) k = Math.max(k, q.close);
      continue;
    }
    const clauseEnd =
      stopAtComma && /^[,—–]$/.test(valueOf(ctx, k)) && !opensQuote(ctx, nextToken(ctx, k + 1));
    if (isCut(ctx, k) || clauseEnd) return trimEnd(ctx, from, k - 1);
  }
  return trimEnd(ctx, from, end);
}

function trimEnd(ctx: Ctx, from: number, end: number): number {
  let e = end;
  while (
    e > from &&
    (isSentenceEnd(ctx, e) || /^[,;:—–]$/.test(valueOf(ctx, e)) || posOf(ctx, e) === 'SPACE')
  ) {
    e -= 1;
  }
  return e;
}

/** The quotation that token k opens, as a content range. */
export function quoteRange(ctx: Ctx, k: number): Range | undefined {
  const q = quoteAt(ctx, k);
  return q === undefined ? undefined : { from: q.open, to: q.close + 1 };
}
