import type { AttributionSource, SourceKind } from '../types.js';
import { type Ctx, norm, posOf, sentenceFrom, valueOf } from './context.js';
import { describeSource, type ActorIndex } from './describe.js';
import { phraseEndingAt, phraseStartingAt } from './phrases.js';
import { PRONOUNS } from './words.js';

/** How far back (in sentences) "they" and "it" look for what they stand for. */
const MAX_SENTENCES_BACK = 3;
/** How far back a person actor's mention may stand from "he" or "she". */
const MAX_TOKENS_BACK = 400;
const FOR_THEY: ReadonlySet<SourceKind> = new Set(['group', 'anonymous', 'organization']);
const FOR_IT: ReadonlySet<SourceKind> = new Set(['organization', 'media', 'document']);

export interface Located {
  source: AttributionSource;
  /** First token of the source phrase. */
  token: number;
}

const pronounOf = (ctx: Ctx, l: Located) =>
  l.source.end - l.source.start <= 4 ? PRONOUNS.get(norm(ctx, l.token)) : undefined;

function previousToken(ctx: Ctx, k: number): number {
  let j = k - 1;
  while (j >= 0 && (posOf(ctx, j) === 'SPACE' || valueOf(ctx, j) === ',')) j -= 1;
  return j;
}

// The subject of the sentence before token k's ("Tens of thousands of protesters gathered …").
function previousSubject(ctx: Ctx, k: number, index: ActorIndex): AttributionSource | undefined {
  const before = previousToken(ctx, sentenceFrom(ctx, k));
  if (before < 0) return undefined;
  const phrase = phraseStartingAt(ctx, sentenceFrom(ctx, before));
  if (phrase === undefined) return undefined;
  const next = posOf(ctx, phrase.to);
  return next === 'VERB' || next === 'AUX' ? describeSource(ctx, phrase, index) : undefined;
}

// "he", "she": the nearest person before, as a source or as a configured person actor.
function personBefore(ctx: Ctx, at: Located, earlier: readonly Located[], index: ActorIndex) {
  const nearest = earlier.find((l) => l.source.kind === 'person');
  const floor = Math.max(nearest?.token ?? -1, at.token - MAX_TOKENS_BACK);
  for (let k = at.token - 1; k > floor; k -= 1) {
    const match = index.matchAt(k);
    const actor = match === undefined ? undefined : index.actors[match.actor];
    if (actor?.kind === 'person') return describeSource(ctx, { from: k, to: k + 1 }, index);
  }
  return nearest?.source;
}

function nearby(
  ctx: Ctx,
  at: Located,
  kinds: ReadonlySet<SourceKind>,
  earlier: readonly Located[],
) {
  const s = ctx.table.sentenceOf[at.token] ?? 0;
  return earlier.find(
    (l) =>
      kinds.has(l.source.kind) && s - (ctx.table.sentenceOf[l.token] ?? 0) <= MAX_SENTENCES_BACK,
  )?.source;
}

function antecedent(ctx: Ctx, at: Located, earlier: readonly Located[], index: ActorIndex) {
  const pronoun = pronounOf(ctx, at);
  if (pronoun === 'who') {
    const phrase = phraseEndingAt(ctx, previousToken(ctx, at.token));
    return phrase === undefined ? undefined : describeSource(ctx, phrase, index);
  }
  if (pronoun === 'he' || pronoun === 'she') return personBefore(ctx, at, earlier, index);
  if (pronoun === 'they')
    return nearby(ctx, at, FOR_THEY, earlier) ?? previousSubject(ctx, at.token, index);
  if (pronoun === 'it')
    return nearby(ctx, at, FOR_IT, earlier) ?? previousSubject(ctx, at.token, index);
  return undefined;
}

/**
 * Resolves pronoun sources ("he said", "they say", "who said") to the nearest fitting named
 * source before them. The source keeps its text and offsets as written; name, key, affiliation
 * and (except for "he"/"she") kind come from the antecedent, whose span is kept as `antecedent`.
 */
export function resolvePronouns(
  ctx: Ctx,
  located: readonly Located[],
  index: ActorIndex,
): AttributionSource[] {
  const done: Located[] = [];
  for (const at of located) {
    const pronoun = pronounOf(ctx, at);
    const found =
      pronoun === undefined ? undefined : antecedent(ctx, at, [...done].reverse(), index);
    if (found === undefined) {
      done.push(at);
      continue;
    }
    const { name, key, actor, text, start, end } = found;
    const kind = pronoun === 'he' || pronoun === 'she' ? 'person' : found.kind;
    const span = found.antecedent ?? { text, start, end };
    const source: AttributionSource = { ...at.source, kind, antecedent: span };
    if (name !== undefined) source.name = name;
    if (key !== undefined) source.key = key;
    if (actor !== undefined) source.actor = actor;
    done.push({ ...at, source });
  }
  return done.map((l) => l.source);
}
