import type { NameToken, SentenceTokens } from './read.js';
import { kindVotes, type KindVotes } from './kind.js';
import {
  NAME_PARTICLES,
  NOT_NAMES,
  OF_JOINS,
  ORG_WORDS,
  PLACE_WORDS,
  TENURE,
  TITLE_MODIFIERS,
  TITLES,
} from './words.js';

/** One proper-noun phrase as it occurs in a sentence. */
export interface PhraseOccurrence {
  /** The phrase as written ("Ursula von der Leyen", "Bank of England"). */
  text: string;
  start: number;
  end: number;
  /** The tokens of the phrase, so callers can test them against other spans. */
  tokens: readonly NameToken[];
  /** Its first word is the sentence's first word, whose capital says nothing. */
  initial: boolean;
  /** One word modifying a noun or title: a demonym as often as a name. */
  weak: boolean;
  votes: KindVotes;
}

const FUNCTION_POS = new Set(['DET', 'ADP', 'CCONJ', 'SCONJ', 'PRON', 'AUX', 'PART', 'PUNCT', 'SYM']);
const CAPITAL = /^\p{Lu}/u;
const HAS_LETTER = /\p{L}/u;

function firstWordIndex(tokens: readonly NameToken[]): number {
  const i = tokens.findIndex((t) => HAS_LETTER.test(t.value));
  return i === -1 ? tokens.length : i;
}

function isNamey(tokens: readonly NameToken[], i: number, first: number): boolean {
  const t = tokens[i];
  if (t === undefined || !CAPITAL.test(t.value) || FUNCTION_POS.has(t.pos)) return false;
  // At the head of a sentence every word is capitalised; only wink's PROPN tag counts there.
  return i !== first || t.pos === 'PROPN';
}

const isTitleLike = (t: NameToken) => TITLES.has(t.lower) || TITLE_MODIFIERS.has(t.lower);
const isInstitutional = (t: NameToken) =>
  TITLES.has(t.lower) || ORG_WORDS.has(t.lower) || PLACE_WORDS.has(t.lower);

/** The end (inclusive) of the connector-joined name starting at a namey token `i`. */
function runEnd(tokens: readonly NameToken[], i: number, first: number): number {
  let j = i;
  const namey = (k: number) => isNamey(tokens, k, first);
  for (;;) {
    const next = tokens[j + 1];
    if (next === undefined) return j;
    if (namey(j + 1)) {
      j += 1;
      continue;
    }
    const after = tokens[j + 2];
    // "Jean-Claude", "Al-Assad": a hyphen with no space on either side.
    if (/^[-–]$/.test(next.value) && !next.spaceBefore && after && !after.spaceBefore && namey(j + 2)) {
      j += 2;
      continue;
    }
    if (next.value === '&' && namey(j + 2)) {
      j += 2;
      continue;
    }
    // "Ursula von der Leyen", "Charles de Gaulle": one or two lowercase particles.
    const particles = NAME_PARTICLES.has(next.value) ? (NAME_PARTICLES.has(after?.value ?? '') ? 2 : 1) : 0;
    if (particles > 0 && namey(j + 1 + particles)) {
      j += 1 + particles;
      continue;
    }
    // "Bank of England", "Ministry of Foreign Affairs": only after an institution's or title's head.
    if (OF_JOINS.has(next.value) && tokens.slice(i, j + 1).some(isInstitutional)) {
      const skip = after?.value === 'the' ? 3 : 2;
      if (namey(j + skip)) {
        j += skip;
        continue;
      }
    }
    return j;
  }
}

function dropLeading(tokens: NameToken[], drop: (t: NameToken) => boolean): NameToken[] {
  let k = 0;
  while (k < tokens.length && drop(tokens[k]!)) k += 1;
  return tokens.slice(k);
}

function dropTrailing(tokens: NameToken[], drop: (t: NameToken) => boolean): NameToken[] {
  let k = tokens.length;
  while (k > 0 && drop(tokens[k - 1]!)) k -= 1;
  return tokens.slice(0, k);
}

/**
 * Where the name after a title starts: "Secretary of State Antony Blinken" -> "Antony", or -1
 * when the run holds no title followed by a name ("General Assembly" is no person).
 */
function personAfterTitle(run: readonly NameToken[]): { title: number; name: number } | undefined {
  for (let t = run.length - 2; t >= 0; t -= 1) {
    if (!TITLES.has(run[t]!.lower)) continue;
    let name = t + 1;
    // "Secretary of State X Y": the "of State" belongs to the title when a two-word name follows.
    if (OF_JOINS.has(run[name]!.lower) && run.length - (name + 2) >= 2) name += 2;
    const rest = run.slice(name);
    const plain = rest.every((tok) => !isInstitutional(tok) && !TITLE_MODIFIERS.has(tok.lower));
    if (rest.length > 0 && plain && CAPITAL.test(rest[0]!.value)) return { title: t, name };
  }
  return undefined;
}

interface Context {
  sentence: SentenceTokens;
  first: number;
  /** Index in the sentence of the token before the run, or -1. */
  before: number;
  /** Index in the sentence of the token after the run. */
  after: number;
}

/**
 * Drops sentence adverbs and tenure words at the head ("Yesterday", "Former") and a title at the
 * end ("European Commission President" -> "European Commission") with its modifiers ("Chinese
 * Foreign Minister" -> "Chinese"). Titles at the head stay ("General Assembly" is no title).
 */
function trimName(tokens: NameToken[], beforeTitle: boolean): NameToken[] {
  const lead = dropLeading(tokens, (t) => NOT_NAMES.has(t.lower) || TENURE.has(t.lower) || !HAS_LETTER.test(t.value));
  let trimmed = dropTrailing(lead, (t) => TITLES.has(t.lower) || !HAS_LETTER.test(t.value));
  if (beforeTitle || trimmed.length < lead.length) trimmed = dropTrailing(trimmed, isTitleLike);
  const wordy = trimmed.filter((t) => HAS_LETTER.test(t.value) && !OF_JOINS.has(t.lower));
  return wordy.every(isTitleLike) ? [] : trimmed;
}

function occurrence(
  tokens: NameToken[],
  ctx: Context,
  titled: boolean,
  beforeTitle = false,
): PhraseOccurrence | undefined {
  const trimmed = trimName(tokens, beforeTitle);
  const head = trimmed[0];
  const last = trimmed.at(-1);
  if (head === undefined || last === undefined) return undefined;
  const next = ctx.sentence.tokens[ctx.sentence.tokens.indexOf(last) + 1];
  if (trimmed.length === 1 && (NOT_NAMES.has(head.lower) || head.value.length < 2)) return undefined;
  // "Kazakh officials", "the Kazakhstan pipeline", "Kazakh Foreign Minister": one word used as a
  // modifier may be a demonym, which is no name; it counts only if the word also stands alone.
  const modifier = next !== undefined && ((next.pos === 'NOUN' && /^\p{Ll}/u.test(next.value)) || isTitleLike(next));
  const text = ctx.sentence.tokens
    .slice(ctx.sentence.tokens.indexOf(head), ctx.sentence.tokens.indexOf(last) + 1)
    .map((t, k) => (k > 0 && t.spaceBefore ? ` ${t.value}` : t.value))
    .join('');
  return {
    text,
    start: head.start,
    end: last.end,
    tokens: trimmed,
    initial: ctx.sentence.tokens.indexOf(head) === ctx.first,
    weak: trimmed.length === 1 && modifier,
    votes: kindVotes(trimmed, ctx.sentence.tokens, ctx.before, ctx.after, titled),
  };
}

/** The phrases of one connector-joined run: a title splits it into affiliation and person. */
function phrasesOfRun(run: NameToken[], ctx: Context): PhraseOccurrence[] {
  const split = personAfterTitle(run);
  if (split === undefined) {
    const titled = ctx.before >= 0 && TITLES.has(ctx.sentence.tokens[ctx.before]!.lower);
    const one = occurrence(run, ctx, titled);
    return one ? [one] : [];
  }
  const prefix = run.slice(0, split.title);
  const afterPrefix = ctx.sentence.tokens.indexOf(run[split.title]!);
  const person = occurrence(run.slice(split.name), { ...ctx, before: afterPrefix }, true);
  const affiliation = occurrence(prefix, { ...ctx, after: afterPrefix }, false, true);
  return [affiliation, person].filter((p): p is PhraseOccurrence => p !== undefined);
}

/** Every proper-noun phrase of one sentence, in text order. */
export function phrasesOfSentence(sentence: SentenceTokens): PhraseOccurrence[] {
  const { tokens } = sentence;
  const first = firstWordIndex(tokens);
  const found: PhraseOccurrence[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNamey(tokens, i, first)) {
      i += 1;
      continue;
    }
    const j = runEnd(tokens, i, first);
    found.push(...phrasesOfRun(tokens.slice(i, j + 1), { sentence, first, before: i - 1, after: j + 1 }));
    i = j + 1;
  }
  return found;
}
