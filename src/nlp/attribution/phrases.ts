import { cueWord } from './lexicon.js';
import {
  type Ctx,
  type Range,
  inHeadline,
  insideQuote,
  isSentenceEnd,
  norm,
  posOf,
  valueOf,
} from './context.js';
import {
  ANONYMOUS_MARKERS,
  CLAUSE_OPENERS,
  KNOWN_NOUNS,
  POSTMODIFIERS,
  PRONOUNS,
  SOURCE_PREPOSITIONS,
  TIME_WORDS,
} from './words.js';

const MAX_PHRASE = 16;
const MAX_APPOSITIVE = 22;
const MAX_PARENTHESIS = 12;
const NOMINAL = new Set(['PROPN', 'NOUN', 'ADJ', 'NUM', 'DET']);
const HEADS = new Set(['PROPN', 'NOUN', 'NUM']);
const POSSESSIVE = new Set(["'s", '’s', "'", '’']);
const DETERMINER_PRONOUNS = new Set('his her its their our my your'.split(' '));
const BOUNDARY_MARKS = new Set([',', ';', ':', '(', '—', '–', '“', '”', '"', '‘', '’', "'"]);

const CAPITALISED = /^\p{Lu}/u;
const CLOSED_CLASS = new Set(['PUNCT', 'SPACE', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'PART', 'SYM']);

/**
 * Whether token k can head a noun phrase; wink mistags some nouns ("chief/ADJ") and names
 * ("Josh/VERB").
 */
export function isHeadLike(ctx: Ctx, k: number): boolean {
  const p = posOf(ctx, k);
  if (HEADS.has(p)) return true;
  if (CLOSED_CLASS.has(p)) return false;
  const n = norm(ctx, k);
  if (KNOWN_NOUNS.has(n) || (n.endsWith('s') && KNOWN_NOUNS.has(n.slice(0, -1)))) {
    return p !== 'ADP' && (p !== 'VERB' || cueWord(n) === undefined);
  }
  // "Will Moy", "Josh Hawley": a capitalised word before a name is a given name ("While" is not).
  const closed =
    p === 'DET' || p === 'ADP' || p === 'SCONJ' || p === 'CCONJ' || CLAUSE_OPENERS.has(n);
  return posOf(ctx, k + 1) === 'PROPN' && CAPITALISED.test(valueOf(ctx, k)) && !closed;
}

const isNominal = (ctx: Ctx, k: number): boolean =>
  NOMINAL.has(posOf(ctx, k)) ||
  isHeadLike(ctx, k) ||
  DETERMINER_PRONOUNS.has(norm(ctx, k)) ||
  ANONYMOUS_MARKERS.has(norm(ctx, k));

// "Associated Press-GfK": a hyphen glued to both neighbours joins a compound.
function isGluedHyphen(ctx: Ctx, k: number): boolean {
  const v = valueOf(ctx, k);
  if (v !== '-' && v !== '–') return false;
  const { starts, ends } = ctx.table;
  return ends[k - 1] === starts[k] && ends[k] === starts[k + 1];
}

function matchingOpen(ctx: Ctx, close: number): number {
  for (let k = close - 1; k >= Math.max(0, close - MAX_PARENTHESIS); k -= 1) {
    if (valueOf(ctx, k) === '(') return k;
  }
  return -1;
}

// In a headline every word is capitalised, so a cue word there ends a name ("Agencies Report").
const headlineCue = (ctx: Ctx, k: number): boolean =>
  inHeadline(ctx, k) && cueWord(norm(ctx, k), true) !== undefined;

/** Whether token k may join a phrase growing leftwards whose leftmost token is k + 1. */
function joinsLeft(ctx: Ctx, k: number): boolean {
  if (headlineCue(ctx, k)) return false;
  if (isNominal(ctx, k)) return true;
  const v = norm(ctx, k);
  const left = k - 1;
  if (POSSESSIVE.has(v) || isGluedHyphen(ctx, k)) return left >= 0 && isNominal(ctx, left);
  if (v === 'and' || v === '&') return isNominal(ctx, left) && posOf(ctx, left) !== 'DET';
  if (SOURCE_PREPOSITIONS.has(v)) {
    return left >= 0 && (isHeadLike(ctx, left) || POSTMODIFIERS.has(norm(ctx, left)));
  }
  if (POSTMODIFIERS.has(v)) return left >= 0 && isHeadLike(ctx, left);
  return false;
}

/**
 * The noun phrase that ends at token `end`, read leftwards ("a former U.S. Secretary of State",
 * "analysts at Goldman Sachs", "A Pew Research Center survey released in April"). A personal
 * pronoun is a phrase of its own. Undefined when token `end` cannot head a phrase.
 */
export function phraseEndingAt(ctx: Ctx, end: number): Range | undefined {
  if (end < 0 || insideQuote(ctx, end)) return undefined;
  if (PRONOUNS.has(norm(ctx, end))) return { from: end, to: end + 1 };
  let k = end;
  if (valueOf(ctx, k) === ')') k = matchingOpen(ctx, k) - 1;
  if (k < 0 || !isHeadLike(ctx, k)) return undefined;
  let from = k;
  while (k - 1 >= 0 && end - (k - 1) < MAX_PHRASE && ctx.breakBefore[k] !== 1) {
    const prev = k - 1;
    if (valueOf(ctx, prev) === ')') {
      const open = matchingOpen(ctx, prev);
      if (open < 0) break;
      k = open;
      continue;
    }
    if (!joinsLeft(ctx, prev)) break;
    k = prev;
    if (isNominal(ctx, k)) from = k;
  }
  // "the idea that people feel …": "that" opens the clause, it is not part of the phrase.
  while (from < end && (norm(ctx, from) === 'that' || norm(ctx, from) === 'which')) from += 1;
  // "since mid-September, said …": a bare time word is no one's name.
  if (from === end && isTimeToken(ctx, end)) return undefined;
  return { from, to: end + 1 };
}

/** Whether a phrase starting at token `from` stands at the start of a clause. */
export function opensClause(ctx: Ctx, from: number): boolean {
  if (from <= (ctx.paraFrom[from] ?? 0) || ctx.breakBefore[from] === 1) return true;
  let b = from - 1;
  while (b >= 0 && posOf(ctx, b) === 'SPACE') b -= 1;
  if (b < 0 || isSentenceEnd(ctx, b) || BOUNDARY_MARKS.has(valueOf(ctx, b))) return true;
  const p = posOf(ctx, b);
  return p === 'SCONJ' || p === 'CCONJ' || CLAUSE_OPENERS.has(norm(ctx, b));
}

/** Whether token k is a time word ("Tuesday", "mid-September", "17"). */
export const isTimeToken = (ctx: Ctx, k: number): boolean => {
  const n = norm(ctx, k);
  if (TIME_WORDS.has(n)) return true;
  const dash = n.lastIndexOf('-');
  if (dash > 0 && TIME_WORDS.has(n.slice(dash + 1))) return true;
  return posOf(ctx, k) === 'NUM' && /^\d{1,2}$/.test(valueOf(ctx, k));
};

/**
 * Skips time expressions leftwards from token k ("on Monday", "late Tuesday"); returns the new k.
 */
export function skipTimeLeft(ctx: Ctx, k: number): number {
  let j = k;
  while (j >= 0 && isTimeToken(ctx, j)) {
    j -= 1;
    const v = norm(ctx, j);
    if (v === 'on' || v === 'last' || v === 'this' || v === 'late' || v === 'early') j -= 1;
  }
  // "a survey released in April found": the time belongs to the phrase, not to the verb.
  const inPhrase = j < k && posOf(ctx, j) === 'ADP' && POSTMODIFIERS.has(norm(ctx, j - 1));
  if (inPhrase) return k;
  return j < k && posOf(ctx, j) === 'ADP' ? j - 1 : j;
}

/** Whether token k may continue a phrase growing rightwards from `from`. */
function joinsRight(ctx: Ctx, k: number, from: number): boolean {
  if (headlineCue(ctx, k)) return false;
  const v = norm(ctx, k);
  const prev = k - 1;
  const next = k + 1;
  if (isNominal(ctx, k)) {
    // A determiner inside a phrase follows a preposition ("a spokesperson for the presidency").
    return posOf(ctx, k) !== 'DET' || k === from || SOURCE_PREPOSITIONS.has(norm(ctx, prev));
  }
  if (prev < from) return false;
  if (POSSESSIVE.has(v) || isGluedHyphen(ctx, k)) return isNominal(ctx, prev);
  if (v === 'and' || v === '&') return isHeadLike(ctx, prev) && isHeadLike(ctx, next);
  const headBefore = isHeadLike(ctx, prev) || POSTMODIFIERS.has(norm(ctx, prev));
  if (SOURCE_PREPOSITIONS.has(v)) {
    return headBefore && isNominal(ctx, next) && !isTimeToken(ctx, next);
  }
  return POSTMODIFIERS.has(v) && isHeadLike(ctx, prev);
}

/** The noun phrase that starts at token `from`, read rightwards ("said Sen. Josh Hawley, …"). */
export function phraseStartingAt(ctx: Ctx, from: number, limit = MAX_PHRASE): Range | undefined {
  if (from >= ctx.table.count || insideQuote(ctx, from)) return undefined;
  if (PRONOUNS.has(norm(ctx, from)) && norm(ctx, from) !== 'who') return { from, to: from + 1 };
  if (!isNominal(ctx, from)) return undefined;
  let last = -1;
  const stop = Math.min(ctx.table.count, from + limit, (ctx.paraTo[from] ?? from) + 1);
  for (let k = from; k < stop && joinsRight(ctx, k, from); k += 1) {
    if (isHeadLike(ctx, k)) last = k;
  }
  return last < from ? undefined : { from, to: last + 1 };
}

/** Comma-delimited insertion starting after the comma at `comma`; returns its closing comma. */
export function insertionEnd(ctx: Ctx, comma: number, stopAt: number): number {
  for (let k = comma + 1; k < Math.min(stopAt, comma + MAX_APPOSITIVE); k += 1) {
    const v = valueOf(ctx, k);
    if (v === ',' || v === '—' || v === '–') return k;
    if (isSentenceEnd(ctx, k) || ctx.breakBefore[k] === 1) return -1;
  }
  return -1;
}

/** The comma opening an insertion that ends at the comma `comma`, or -1. */
export function insertionStart(ctx: Ctx, comma: number, floor: number): number {
  for (let k = comma - 1; k > Math.max(floor, comma - MAX_APPOSITIVE); k -= 1) {
    const v = valueOf(ctx, k);
    if (v === ',' || v === '—' || v === '–') return k;
    if (isSentenceEnd(ctx, k) || ctx.breakBefore[k + 1] === 1) return -1;
  }
  return -1;
}

const INSERTION_OPENERS = new Set('who which whose citing quoting via including'.split(' '));
const RELATIVE = new Set(['who', 'which', 'whose', 'that']);
const MAX_ADVERBIAL_INSERTION = 10;
const MAX_PARTICIPIAL_INSERTION = 16;
const MAX_ASIDE = 6;
const IRREGULAR_PARTICIPLES = new Set(
  'sent made held led run built set put told said known seen brought kept left found'.split(' '),
);
const VERBAL = new Set(['VERB', 'AUX']);

// An apposition has no verb of its own, except inside a relative clause ("a Democrat who has led
// …").
function verbless(ctx: Ctx, from: number, to: number): boolean {
  for (let k = from; k < to; k += 1) {
    if (RELATIVE.has(norm(ctx, k))) return true;
    if (VERBAL.has(posOf(ctx, k)) && !POSTMODIFIERS.has(norm(ctx, k))) return false;
  }
  return true;
}

/**
 * Whether tokens (open, close) form an insertion that may follow a subject: an apposition, a
 * relative or participial clause ("speaking on condition of anonymity"), an aside ("however").
 */
export function isInsertion(ctx: Ctx, open: number, close: number): boolean {
  const first = open + 1;
  if (first >= close) return false;
  const v = norm(ctx, first);
  const p = posOf(ctx, first);
  if (INSERTION_OPENERS.has(v)) return true;
  const short = close - first <= MAX_ADVERBIAL_INSERTION;
  if (p === 'ADV' || p === 'ADP') return short && verbless(ctx, first + 1, close);
  // "(Trump, it's also worth noting, repeatedly sought …)": a short aside.
  if (p === 'PRON') return close - first <= MAX_ASIDE;
  const participle = /(?:ing|ed|en)$/.test(v) || IRREGULAR_PARTICIPLES.has(v);
  if (p === 'VERB' && participle) return close - first <= MAX_PARTICIPIAL_INSERTION;
  return isNominal(ctx, first) && verbless(ctx, first, close);
}
