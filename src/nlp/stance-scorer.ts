import type { Cue, MentionProbabilities, Stance, StanceLabel } from './types.js';
import {
  cueTargets,
  sentenceContext,
  type MentionSlot,
  type SentenceContext,
  type SentenceView,
} from './cue-targets.js';
import { WORD, polarityOf } from './lexicon.js';

export type { MentionSlot, SentenceView } from './cue-targets.js';

/** The stance of one mention and the cue words it came from. */
export interface MentionScore extends Stance {
  probabilities: MentionProbabilities;
  cues: Cue[];
}

/**
 * What every stance scorer implements: given one sentence and the mentions in it (text order),
 * one score per mention. The lexicon scorer below is the first; a learned model replaces it.
 */
export type MentionScorer = (
  sentence: SentenceView,
  mentions: readonly MentionSlot[],
) => MentionScore[];

/** |score| below this is neutral (0.1 gave the best macro-F1 on NewsMTSC's train split). */
export const NEUTRAL_BAND = 0.1;
// "did not criticise" is milder praise than "praised": negation flips and halves.
const NEGATION_FACTOR = -0.5;
const INTENSIFY = 1.5;
const DIMINISH = 0.5;
const MODIFIER_WINDOW = 3;
const NEGATION_WINDOW = 4;
// A mention with no polar word near it is probably neutral, but that is weak evidence.
const NO_EVIDENCE_CONFIDENCE = 0.2;

/** The label of a score in [-1, 1]: neutral inside ±NEUTRAL_BAND. */
export function labelOf(score: number): StanceLabel {
  if (score >= NEUTRAL_BAND) return 'positive';
  if (score <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

/** Four decimals keep stored scores and JSON output short; more would be false precision. */
export function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** Weight of a cue `d` content tokens away from its mention. */
function decay(d: number): number {
  return 1 / (1 + d / 3);
}

// Capitalised words inside a sentence are names ("Security Council", "Peace Prize"), not cues,
// unless they open a quote or follow a colon or dash.
function isNamePart(ctx: SentenceContext, i: number, firstWord: number): boolean {
  const first = ctx.table.values[i]?.charAt(0) ?? '';
  return i > firstWord && first !== first.toLowerCase() && ctx.table.pos[i - 1] !== 'PUNCT';
}

/** Looks back over the clause, at most `window` tokens, for a word with a WORD bit of `mask`. */
function hasBefore(ctx: SentenceContext, i: number, mask: number, window: number): boolean {
  const clause = ctx.clause[i - ctx.from];
  for (let k = i - 1; k >= Math.max(ctx.from, i - window); k -= 1) {
    if (ctx.clause[k - ctx.from] !== clause) return false;
    if (((ctx.flags[k - ctx.from] ?? 0) & mask) !== 0) return true;
  }
  return false;
}

function modifierAt(ctx: SentenceContext, i: number): number {
  let factor = 1;
  if (hasBefore(ctx, i, WORD.intensifier, MODIFIER_WINDOW)) factor *= INTENSIFY;
  if (hasBefore(ctx, i, WORD.diminisher, MODIFIER_WINDOW)) factor *= DIMINISH;
  // wink's scope runs to the next punctuation; only a nearby negator really reaches the word.
  const negated =
    (ctx.table.negated[i] === true && hasBefore(ctx, i, WORD.negator, NEGATION_WINDOW)) ||
    hasBefore(ctx, i, WORD.shifter, MODIFIER_WINDOW);
  return negated ? factor * NEGATION_FACTOR : factor;
}

// "resolve the conflict", "risk reduction": a problem being fixed is not held against anyone.
function isRemedied(ctx: SentenceContext, i: number): boolean {
  const nextIsRemedy = i + 1 < ctx.to && ((ctx.flags[i + 1 - ctx.from] ?? 0) & WORD.remedy) !== 0;
  const nounAfter = nextIsRemedy && ctx.table.pos[i + 1] === 'NOUN';
  return nounAfter || hasBefore(ctx, i, WORD.remedy, MODIFIER_WINDOW);
}

function firstWordOf(ctx: SentenceContext): number {
  let k = ctx.from;
  while (k < ctx.to && (ctx.table.pos[k] === 'PUNCT' || ctx.table.pos[k] === 'SPACE')) k += 1;
  return k;
}

function collectCues(ctx: SentenceContext): Cue[][] {
  const { table } = ctx;
  const cues: Cue[][] = ctx.mentions.map(() => []);
  const firstWord = firstWordOf(ctx);
  for (let i = ctx.from; i < ctx.to; i += 1) {
    if (ctx.covered[i - ctx.from] === true || isNamePart(ctx, i, firstWord)) continue;
    const entry = polarityOf(ctx.info[i - ctx.from], table.normals[i] ?? '', table.pos[i] ?? '');
    if (entry === undefined || (entry.weight < 0 && isRemedied(ctx, i))) continue;
    const weight = entry.weight * modifierAt(ctx, i);
    const text = table.values[i] ?? '';
    const start = table.starts[i] ?? 0;
    const end = table.ends[i] ?? 0;
    for (const [j, d] of cueTargets(ctx, i, entry.role)) {
      cues[j]?.push({ text, start, end, weight: round(weight * decay(d)) });
    }
  }
  return cues;
}

/** Squashes the cue sum into [-1, 1]; confidence grows with evidence mass and its agreement. */
export function stanceFromCues(cues: readonly Cue[]): MentionScore {
  let sum = 0;
  let mass = 0;
  for (const cue of cues) {
    sum += cue.weight;
    mass += Math.abs(cue.weight);
  }
  const score = round(Math.tanh(sum));
  const confidence =
    mass === 0 ? NO_EVIDENCE_CONFIDENCE : (Math.abs(sum) / mass) * (1 - Math.exp(-2 * mass));
  // The rule scorer has no classes: its score read as the positive or negative share of the mass.
  const probabilities = {
    negative: round(Math.max(0, -score)),
    neutral: round(1 - Math.abs(score)),
    positive: round(Math.max(0, score)),
  };
  return { score, label: labelOf(score), confidence: round(confidence), probabilities, cues: [...cues] };
}

/**
 * Lexicon stance scorer: each polar word of the sentence goes to the mention(s) it bears on
 * (nearest by content-token distance, within its clause, by its role), weighted by distance,
 * intensifiers, hedges and negation.
 */
export const scoreMentions: MentionScorer = (sentence, mentions) => {
  if (mentions.length === 0) return [];
  const ctx = sentenceContext(sentence, mentions);
  return collectCues(ctx).map(stanceFromCues);
};
