import type { StanceToken } from './types.js';

/** Token index range [from, to) of a mention inside the sentence's token list. */
export interface TokenRange {
  from: number;
  to: number;
}

/** A named sparse feature; `token` is the sentence token that produced it (-1: the mention as a whole). */
export interface SparseFeature {
  name: string;
  value: number;
  token: number;
}

/** A token's share in one of the averaged-word-vector pools (weights of a pool sum to 1). */
export interface PoolShare {
  pool: number;
  token: number;
  weight: number;
}

export interface TargetFeatures {
  sparse: SparseFeature[];
  pools: PoolShare[];
}

/** Pools of averaged word vectors: words near the target, in its clause, in the whole sentence. */
export const POOL_COUNT = 3;

/** Words after which the speaker's judgement can turn: a word across one belongs to another clause. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  'but', 'however', 'although', 'though', 'while', 'whereas', 'yet', 'despite', ';', '—', '–',
]);
export const QUOTES: ReadonlySet<string> = new Set(['"', '“', '”', '‘', '’', "'", '«', '»']);
const KEPT_PUNCT = new Set(['?', '!', ':', '(', ')']);
const OTHER = '<other>';
/** The word that stands for any token of another mention. */
export const OTHER_WORD = OTHER;

/** Maps a character span to the tokens it overlaps; falls back to the nearest token. */
export function tokenRange(tokens: readonly StanceToken[], start: number, end: number): TokenRange {
  let from = -1;
  let to = -1;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    if (t && t.end > start && t.start < end) {
      if (from < 0) from = i;
      to = i + 1;
    }
  }
  if (from >= 0) return { from, to };
  let best = 0;
  let bestGap = Infinity;
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    const gap = t ? Math.min(Math.abs(t.start - start), Math.abs(t.end - end)) : Infinity;
    if (gap < bestGap) [best, bestGap] = [i, gap];
  }
  return { from: best, to: Math.min(best + 1, tokens.length) };
}

function bucket(distance: number): string {
  const d = Math.abs(distance);
  const side = distance < 0 ? 'L' : 'R';
  if (d <= 3) return `${side}${d}`;
  if (d <= 6) return `${side}4`;
  if (d <= 12) return `${side}7`;
  return `${side}13`;
}

/** Signed token distance from token i to a range: negative on the left, positive on the right. */
export function distanceTo(i: number, r: TokenRange): number {
  if (i < r.from) return i - r.from;
  if (i >= r.to) return i - (r.to - 1);
  return 0;
}

function inRange(i: number, ranges: readonly TokenRange[]): boolean {
  return ranges.some((r) => i >= r.from && i < r.to);
}

/** How a token is spelled in feature names: lemma, punctuation kept only where it carries meaning. */
export function featureWord(t: StanceToken): string | null {
  if (t.pos === 'PUNCT' || t.pos === 'SYM') {
    if (QUOTES.has(t.lower)) return '<q>';
    return KEPT_PUNCT.has(t.lower) || CLAUSE_BREAKS.has(t.lower) ? t.lower : null;
  }
  if (t.pos === 'NUM') return '<num>';
  return t.lemma;
}

/** Number of clause breaks strictly between token i and the target range. */
function breaksBetween(tokens: readonly StanceToken[], i: number, r: TokenRange): number {
  const [lo, hi] = i < r.from ? [i + 1, r.from] : [r.to, i];
  let n = 0;
  for (let k = lo; k < hi; k += 1) if (CLAUSE_BREAKS.has(tokens[k]?.lower ?? '')) n += 1;
  return n;
}

function mentionFeatures(tokens: readonly StanceToken[], target: TokenRange, others: readonly TokenRange[]): SparseFeature[] {
  const out: SparseFeature[] = [{ name: 'BIAS', value: 1, token: -1 }];
  for (let i = target.from; i < target.to; i += 1) {
    const t = tokens[i];
    if (t) out.push({ name: `T|${t.lemma}`, value: 1, token: -1 }, { name: `TP|${t.pos}`, value: 1, token: -1 });
  }
  if (target.from === 0) out.push({ name: 'T|<first>', value: 1, token: -1 });
  let quotes = 0;
  for (let i = 0; i < target.from; i += 1) if (QUOTES.has(tokens[i]?.lower ?? '')) quotes += 1;
  if (quotes % 2 === 1) out.push({ name: 'T|<inquote>', value: 1, token: -1 });
  out.push({ name: `T|<others${Math.min(others.length, 3)}>`, value: 1, token: -1 });
  return out;
}

/**
 * Target-dependent features of one mention: each context word keyed by its distance bucket, side,
 * clause, negation and whether it stands closer to another mention; bigrams near the target; signed
 * lexicon sums; the mention's role (agent or patient) towards evaluative verbs of its clause; and
 * the shares of averaged-word-vector pools. The same code builds training
 * examples and scores mentions at run time, so the two cannot drift apart.
 */
export function extractFeatures(
  tokens: readonly StanceToken[],
  target: TokenRange,
  others: readonly TokenRange[],
  lexicon: ReadonlyMap<string, number>,
): TargetFeatures {
  const sparse = mentionFeatures(tokens, target, others);
  const pools: PoolShare[] = [];
  const words: (string | null)[] = tokens.map((t, i) =>
    inRange(i, others) ? OTHER : featureWord(t),
  );
  for (let i = 0; i < tokens.length; i += 1) {
    const t = tokens[i];
    const w = words[i];
    if (!t || !w || (i >= target.from && i < target.to)) continue;
    const d = distanceTo(i, target);
    const b = bucket(d);
    const near = Math.abs(d);
    const clause = breaksBetween(tokens, i, target) === 0 ? 'S' : 'X';
    const nearestOther = others.reduce((m, r) => Math.min(m, Math.abs(distanceTo(i, r))), Infinity);
    const owner = nearestOther < near ? 'O' : 'M';
    const nw = t.negated && w !== OTHER ? `!${w}` : w;
    sparse.push(
      { name: `W|${w}`, value: 1, token: i },
      { name: `D|${b}|${nw}`, value: 1, token: i },
      { name: `C|${clause}${d < 0 ? 'L' : 'R'}|${nw}`, value: 1, token: i },
      { name: `M|${owner}|${nw}`, value: 1, token: i },
    );
    if (near <= 2) sparse.push({ name: `P|${b}|${t.pos}`, value: 1, token: i });
    const prev = words[i - 1];
    if (near <= 8 && i > 0 && prev && !(i - 1 >= target.from && i - 1 < target.to)) {
      sparse.push({ name: `B|${d < 0 ? 'L' : 'R'}|${prev}_${w}`, value: 1, token: i });
    }
    if (CLAUSE_BREAKS.has(t.lower)) sparse.push({ name: `K|${d < 0 ? 'L' : 'R'}|${t.lower}`, value: 1, token: i });
    const polarity = composedPolarity(tokens, i, lexicon);
    if (polarity !== 0 && w !== OTHER) {
      const signed = t.negated ? -polarity : polarity;
      const range = near <= 3 ? 'n' : near <= 8 ? 'm' : 'f';
      sparse.push(
        { name: `L|${range}`, value: signed, token: i },
        { name: `L|${clause}${owner}`, value: signed, token: i },
        { name: `L|${signed > 0 ? 'pos' : 'neg'}|${range}${clause}`, value: 1, token: i },
      );
      // Role towards an evaluative verb of its clause: "X attacked …" against "… attacked X".
      if (t.pos === 'VERB' && clause === 'S' && near <= ROLE_REACH) {
        const role = roleOf(tokens, i, target);
        sparse.push(
          { name: `R|${role}`, value: signed, token: i },
          { name: `R|${role}|${signed > 0 ? 'pos' : 'neg'}`, value: 1, token: i },
        );
      }
    }
    if (w === OTHER || t.pos === 'PUNCT') continue;
    if (near <= 3) pools.push({ pool: 0, token: i, weight: 1 });
    if (clause === 'S' && near <= 10) pools.push({ pool: 1, token: i, weight: 1 });
    pools.push({ pool: 2, token: i, weight: 1 / (1 + near / 5) });
  }
  return { sparse, pools: normalisePools(pools) };
}

function polarityOf(t: StanceToken, lexicon: ReadonlyMap<string, number>): number {
  return lexicon.get(t.lower) ?? lexicon.get(t.lemma) ?? 0;
}

/**
 * A positive modifier of a negative noun takes the noun's sign: "the most significant challenges",
 * "a great danger" intensify the noun rather than praise anyone.
 */
export function composedPolarity(tokens: readonly StanceToken[], i: number, lexicon: ReadonlyMap<string, number>): number {
  return composePolarity(tokens, i, (k) => {
    const t = tokens[k];
    return t ? polarityOf(t, lexicon) : 0;
  });
}

/** `composedPolarity` given each token's own lexicon polarity, for callers that looked them up already. */
export function composePolarity(tokens: readonly StanceToken[], i: number, own: (k: number) => number): number {
  const t = tokens[i];
  if (!t) return 0;
  const p = own(i);
  if (p <= 0 || (t.pos !== 'ADJ' && t.pos !== 'ADV')) return p;
  for (let k = i + 1; k < Math.min(tokens.length, i + 4); k += 1) {
    const next = tokens[k];
    if (!next || (next.pos !== 'ADJ' && next.pos !== 'ADV' && next.pos !== 'NOUN')) break;
    if (next.pos === 'NOUN') return own(k) < 0 ? -p : p;
  }
  return p;
}

function normalisePools(pools: PoolShare[]): PoolShare[] {
  const totals = new Float64Array(POOL_COUNT);
  for (const p of pools) totals[p.pool] = (totals[p.pool] ?? 0) + p.weight;
  return pools.map((p) => ({ ...p, weight: p.weight / (totals[p.pool] ?? 1) }));
}

/**
 * The mention's role towards an evaluative verb at token i in its clause: agent ('A', it does
 * what the verb says: "X attacked", "praised by X") or patient ('P', it undergoes it: "attacked X",
 * "X was praised"). A verb after the mention has it as subject unless a form of "be" or "get"
 * stands between them and the verb is not an -ing form (the passive); a verb before it has it as
 * object unless "by" stands right before the mention.
 */
export function roleOf(tokens: readonly StanceToken[], i: number, target: TokenRange): 'A' | 'P' {
  if (i >= target.to) {
    if ((tokens[i]?.lower ?? '').endsWith('ing')) return 'A';
    for (let k = target.to; k < i; k += 1) {
      const lemma = tokens[k]?.lemma;
      if (lemma === 'be' || lemma === 'get') return 'P';
    }
    return 'A';
  }
  return tokens[target.from - 1]?.lower === 'by' ? 'A' : 'P';
}

/** Largest distance at which an evaluative verb of the mention's clause gives a role feature. */
export const ROLE_REACH = 8;
