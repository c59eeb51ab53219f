/**
 * Where each feature template of the softmax regression lives in the compiled tables (see
 * compiled-linear.ts): small-integer slots per template, side, distance bucket and negation.
 */

// Distance buckets of `bucket()` in features.ts: side L/R × 0,1,2,3,4(4-6),7(7-12),13(13+).
export const BUCKET_NAMES = ['0', '1', '2', '3', '4', '7', '13'];
export const BUCKETS = 14;

export const SLOT_T = 0;
export const SLOT_TP = 1;
export const SLOT_W = 2;
export const SLOT_D = 3; // + bucket * 2 + negated
export const SLOT_C = SLOT_D + BUCKETS * 2; // + clause(S=0, X=1) * 4 + side * 2 + negated
export const SLOT_M = SLOT_C + 8; // + owner(O=0, M=1) * 2 + negated
export const SLOT_P = SLOT_M + 4; // + bucket
export const SLOT_K = SLOT_P + BUCKETS; // + side
export const SLOTS = SLOT_K + 2;

// Fixed-name features: BIAS and the lexicon sums.
export const RANGES = ['n', 'm', 'f'] as const;
export const FIXED_NAMES = [
  'BIAS',
  ...RANGES.map((r) => `L|${r}`),
  ...['SM', 'SO', 'XM', 'XO'].map((c) => `L|${c}`),
  ...['pos', 'neg'].flatMap((s) => RANGES.flatMap((r) => ['S', 'X'].map((c) => `L|${s}|${r}${c}`))),
  // Role towards an evaluative verb (features.ts roleOf): signed polarity, then the sign.
  'R|A', 'R|P',
  ...['A', 'P'].flatMap((r) => ['pos', 'neg'].map((s) => `R|${r}|${s}`)),
];
export const FIX_BIAS = 0;
export const FIX_RANGE = 1; // + range
export const FIX_CLAUSE_OWNER = 4; // + clause * 2 + owner(M=0, O=1), as 'SM','SO','XM','XO'
export const FIX_SIGN = 8; // + sign(pos=0, neg=1) * 6 + range * 2 + clause
export const FIX_ROLE = 20; // + role(A=0, P=1)
export const FIX_ROLE_SIGN = 22; // + role * 2 + sign(pos=0, neg=1)

/** Distance bucket index of `bucket()` in features.ts, by side. */
export function bucketIndex(distance: number): number {
  const d = Math.abs(distance);
  const k = d <= 3 ? d : d <= 6 ? 4 : d <= 12 ? 5 : 6;
  return (distance < 0 ? 0 : 7) + k;
}

/** "!word" (a negated word in a feature name) as the word and 1; a plain word and 0. */
export function negatedWord(nw: string): [word: string, negated: number] {
  return nw.length > 1 && nw.startsWith('!') ? [nw.slice(1), 1] : [nw, 0];
}
