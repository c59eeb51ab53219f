import type { TokenTable } from './tokens.js';
import { WORD, wordInfo, type CueRole, type WordInfo } from './lexicon.js';

/** A sentence of a token table: tokens [from, to). */
export interface SentenceView {
  table: TokenTable;
  from: number;
  to: number;
}

/** A mention inside a sentence as token indices of the table (inclusive). */
export interface MentionSlot {
  first: number;
  last: number;
}

/** Per-sentence facts the cue assignment needs, computed once per sentence. */
export interface SentenceContext extends SentenceView {
  mentions: readonly MentionSlot[];
  /** content[k - from]: content-bearing tokens in [from, k); distances count only these. */
  content: number[];
  /** clause[k - from]: index of the contrast-delimited clause of token k. */
  clause: number[];
  /** info[k - from]: the lexicon entry of token k, looked up once per sentence. */
  info: Array<WordInfo | undefined>;
  /** flags[k - from]: WORD bits of token k. */
  flags: number[];
  /** covered[k - from]: token k is part of a mention, so it is never a cue. */
  covered: boolean[];
  /** Per mention: coordinated mentions ("Russia and China") share a group and their cues. */
  group: number[];
  /** Per mention: the preposition governing it ('' when none), e.g. "with" in "with Russia". */
  prep: string[];
  /** Per mention: its clause. */
  mentionClause: number[];
  /** 0 .. mentions.length - 1, the fallback candidate list. */
  all: number[];
}

const FUNCTION_POS = new Set(['DET', 'PUNCT', 'SPACE', 'PART', 'ADP', 'AUX', 'CCONJ', 'SYM']);
const NOT_CONTENT = WORD.intensifier | WORD.diminisher;
// "the influence with Russia to help" is Beijing's help, not Russia's: an actor governed by one of
// these prepositions is not the doer of the next verb.
const OBLIQUE = new Set(
  'with of in on at into against from toward towards about over under through between among upon onto to'
    .split(' '),
);

/** Builds the per-sentence context; `mentions` must be in text order and inside the sentence. */
export function sentenceContext(
  view: SentenceView,
  mentions: readonly MentionSlot[],
): SentenceContext {
  const { table, from, to } = view;
  // Plain arrays: sentences are short and typed arrays cost more to allocate than they save.
  const content: number[] = [0];
  const clause: number[] = [];
  const covered: boolean[] = [];
  const info: Array<WordInfo | undefined> = [];
  const flags: number[] = [];
  let c = 0;
  for (let k = from; k < to; k += 1) {
    const entry = wordInfo(table.normals[k] ?? '');
    const f = entry?.flags ?? 0;
    if (k > from && (f & WORD.contrast) !== 0) c += 1;
    info.push(entry);
    flags.push(f);
    clause.push(c);
    covered.push(false);
    const isContent =
      (f & WORD.clausePunct) !== 0 ||
      ((f & NOT_CONTENT) === 0 && !FUNCTION_POS.has(table.pos[k] ?? ''));
    content.push((content[k - from] ?? 0) + (isContent ? 1 : 0));
  }
  for (const m of mentions) covered.fill(true, m.first - from, m.last - from + 1);
  const prep = mentions.map((m) => governingPrep(table, from, m.first));
  const mentionClause = mentions.map((m) => clause[m.first - from] ?? 0);
  const all = mentions.map((_, j) => j);
  const group = groupCoordinated(table, from, flags, mentions);
  const perMention = { group, prep, mentionClause, all };
  return { ...view, ...perMention, mentions, info, flags, content, clause, covered };
}

function groupCoordinated(
  table: TokenTable,
  from: number,
  flags: readonly number[],
  mentions: readonly MentionSlot[],
): number[] {
  const group = mentions.map((_, j) => j);
  for (let j = 1; j < mentions.length; j += 1) {
    const a = mentions[j - 1];
    const b = mentions[j];
    let linked = a !== undefined && b !== undefined;
    for (let k = (a?.last ?? 0) + 1; linked && k < (b?.first ?? 0); k += 1) {
      linked = ((flags[k - from] ?? 0) & WORD.coordinator) !== 0 || table.pos[k] === 'DET';
    }
    group[j] = linked ? (group[j - 1] ?? j) : j;
  }
  return group;
}

function governingPrep(table: TokenTable, from: number, first: number): string {
  let k = first - 1;
  while (k >= from && (table.pos[k] === 'DET' || table.pos[k] === 'ADJ')) k -= 1;
  return k >= from && table.pos[k] === 'ADP' ? (table.normals[k] ?? '') : '';
}

/** Content tokens strictly between token i and mention m (0 when i is inside or next to it). */
export function distance(ctx: SentenceContext, i: number, m: MentionSlot): number {
  const at = (k: number) => ctx.content[k - ctx.from] ?? 0;
  if (i < m.first) return at(m.first) - at(i + 1);
  if (i > m.last) return at(i) - at(m.last + 1);
  return 0;
}

/** "was condemned", "were attacked by": a be-form up to two tokens before a verb. */
export function isPassive(ctx: SentenceContext, i: number): boolean {
  const { table, from } = ctx;
  if (table.pos[i] !== 'VERB' || !(table.normals[i] ?? '').endsWith('ed')) return false;
  for (let k = i - 1; k >= Math.max(from, i - 2); k -= 1) {
    if (((ctx.flags[k - from] ?? 0) & WORD.be) !== 0) return true;
    if (table.pos[k] !== 'ADV') return false;
  }
  return false;
}

function candidates(ctx: SentenceContext, i: number, role: CueRole): number[] {
  const clause = ctx.clause[i - ctx.from];
  const same: number[] = [];
  ctx.mentionClause.forEach((c, j) => {
    if (c === clause) same.push(j);
  });
  if (role === 'near') return same.length > 0 ? same : ctx.all;
  const before = (j: number) => (ctx.mentions[j]?.last ?? 0) < i;
  const after = (j: number) => (ctx.mentions[j]?.first ?? 0) > i;
  const isVerb = ctx.table.pos[i] === 'VERB';
  const passive = isVerb && isPassive(ctx, i);
  const byAgent = same.filter((j) => after(j) && ctx.prep[j] === 'by');
  if (role === 'agent') {
    if (passive) return byAgent;
    return [...same.filter((j) => before(j) && !OBLIQUE.has(ctx.prep[j] ?? '')), ...byAgent];
  }
  if (passive) {
    // "Russia's invasion of Ukraine was condemned": the subject is judged, not its complement.
    const subjects = same.filter((j) => before(j) && !OBLIQUE.has(ctx.prep[j] ?? ''));
    return subjects.length > 0 ? subjects : same.filter(before);
  }
  const objects = same.filter(after);
  if (isVerb || objects.length > 0) return objects;
  return same.length > 0 ? same : ctx.all;
}

/**
 * The mentions a cue at token i with `role` bears on, with their distance: the nearest
 * candidates (all of them on a tie) and every mention coordinated with one of those.
 */
export function cueTargets(
  ctx: SentenceContext,
  i: number,
  role: CueRole,
): Array<readonly [mention: number, distance: number]> {
  const pool = candidates(ctx, i, role);
  const targets: Array<readonly [number, number]> = [];
  if (pool.length === 0) return targets;
  const dist = pool.map((j) => distance(ctx, i, ctx.mentions[j] ?? { first: i, last: i }));
  const best = Math.min(...dist);
  const nearestGroups = pool.filter((_, p) => dist[p] === best).map((j) => ctx.group[j] ?? j);
  ctx.group.forEach((g, j) => {
    if (nearestGroups.includes(g)) targets.push([j, best]);
  });
  return targets;
}
