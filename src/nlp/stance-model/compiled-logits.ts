import type { CompiledLinear } from './compiled-linear.js';
import { distanceTo, OTHER_WORD, POOL_COUNT, ROLE_REACH, roleOf, type TokenRange } from './features.js';
import { projection } from './linear.js';
import { SLOT_T, SLOT_TP, SLOT_W, SLOT_D, SLOT_C, SLOT_M, SLOT_P, SLOT_K, FIX_BIAS, FIX_RANGE, FIX_CLAUSE_OWNER, FIX_SIGN, FIX_ROLE, FIX_ROLE_SIGN, bucketIndex } from './linear-slots.js';
import type { StanceModel } from './model.js';
import type { SentenceFacts } from './sentence-facts.js';
import type { StanceToken } from './types.js';

/** Adds feature `row` × value to the logits and credits `token` (-1: the mention as a whole). */
function addRow(w: Float32Array, logits: Float64Array, credit: Float64Array, row: number, value: number, token: number): void {
  if (row < 0) return;
  const neg = (w[row * 3] as number) * value;
  const pos = (w[row * 3 + 2] as number) * value;
  logits[0] = (logits[0] as number) + neg;
  logits[1] = (logits[1] as number) + (w[row * 3 + 1] as number) * value;
  logits[2] = (logits[2] as number) + pos;
  if (token >= 0) credit[token] = (credit[token] as number) + pos - neg;
}

/** Logits and each token's signed share of logit(positive) − logit(negative), as `linearLogits`. */
export function compiledLogits(
  model: StanceModel,
  c: CompiledLinear,
  s: SentenceFacts,
  target: TokenRange,
  others: readonly TokenRange[],
): { logits: [number, number, number]; tokenWeights: Float64Array } {
  const { tokens } = s;
  const n = tokens.length;
  const w = model.sparse;
  const V = c.vocab.size;
  const R = c.rows;
  const at = (slot: number, id: number): number => (id < 0 ? -1 : (R[slot * V + id] as number));
  const logits = new Float64Array(3);
  [logits[0], logits[1], logits[2]] = model.classBias;
  const credit = new Float64Array(n);
  // The mention as a whole (mentionFeatures in features.ts).
  addRow(w, logits, credit, c.fixed[FIX_BIAS] as number, 1, -1);
  for (let i = target.from; i < target.to; i += 1) {
    addRow(w, logits, credit, at(SLOT_T, s.lemmaId[i] as number), 1, -1);
    addRow(w, logits, credit, at(SLOT_TP, s.posId[i] as number), 1, -1);
  }
  if (target.from === 0) addRow(w, logits, credit, at(SLOT_T, c.vocab.get('<first>') ?? -1), 1, -1);
  let quotes = 0;
  for (let i = 0; i < target.from; i += 1) quotes += s.isQuote[i] as number;
  if (quotes % 2 === 1) addRow(w, logits, credit, at(SLOT_T, c.vocab.get('<inquote>') ?? -1), 1, -1);
  addRow(w, logits, credit, at(SLOT_T, c.vocab.get(`<others${Math.min(others.length, 3)}>`) ?? -1), 1, -1);

  const inOther = new Uint8Array(n);
  for (const r of others) inOther.fill(1, r.from, r.to);
  const otherId = c.vocab.get(OTHER_WORD) ?? -1;
  const poolTotal = new Float64Array(POOL_COUNT);
  const pooled: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const other = inOther[i] === 1;
    if ((!other && s.words[i] === null) || (i >= target.from && i < target.to)) continue;
    const t = tokens[i] as StanceToken;
    const wid = other ? otherId : (s.wordId[i] as number);
    const d = distanceTo(i, target);
    const b = bucketIndex(d);
    const near = d < 0 ? -d : d;
    const lo = i < target.from ? i + 1 : target.to;
    const hi = i < target.from ? target.from : i;
    const clause = hi > lo && (s.breaks[hi] as number) - (s.breaks[lo] as number) > 0 ? 1 : 0;
    let nearestOther = Infinity;
    for (const r of others) nearestOther = Math.min(nearestOther, Math.abs(distanceTo(i, r)));
    const owner = nearestOther < near ? 0 : 1;
    const negated = t.negated && !other ? 1 : 0;
    const side = d < 0 ? 0 : 1;
    addRow(w, logits, credit, at(SLOT_W, wid), 1, i);
    addRow(w, logits, credit, at(SLOT_D + b * 2 + negated, wid), 1, i);
    addRow(w, logits, credit, at(SLOT_C + clause * 4 + side * 2 + negated, wid), 1, i);
    addRow(w, logits, credit, at(SLOT_M + owner * 2 + negated, wid), 1, i);
    if (near <= 2) addRow(w, logits, credit, at(SLOT_P + b, s.posId[i] as number), 1, i);
    if (near <= 8 && i > 0 && !(i - 1 >= target.from && i - 1 < target.to)) {
      const prevOther = inOther[i - 1] === 1;
      const prev = prevOther ? otherId : s.words[i - 1] === null ? -2 : (s.wordId[i - 1] as number);
      if (prev !== -2 && prev >= 0 && wid >= 0) {
        const row = (side === 0 ? c.bigrams[0] : c.bigrams[1]).get(prev * V + wid);
        if (row !== undefined) addRow(w, logits, credit, row, 1, i);
      }
    }
    if (s.isBreak[i] === 1) addRow(w, logits, credit, at(SLOT_K + side, s.lowerId[i] as number), 1, i);
    const polarity = s.polarity[i] as number;
    if (polarity !== 0 && !other) {
      const signed = t.negated ? -polarity : polarity;
      const range = near <= 3 ? 0 : near <= 8 ? 1 : 2;
      addRow(w, logits, credit, c.fixed[FIX_RANGE + range] as number, signed, i);
      addRow(w, logits, credit, c.fixed[FIX_CLAUSE_OWNER + clause * 2 + (1 - owner)] as number, signed, i);
      addRow(w, logits, credit, c.fixed[FIX_SIGN + (signed > 0 ? 0 : 1) * 6 + range * 2 + clause] as number, 1, i);
      if (c.hasRoles && t.pos === 'VERB' && clause === 0 && near <= ROLE_REACH) {
        const role = roleOf(tokens, i, target) === 'A' ? 0 : 1;
        addRow(w, logits, credit, c.fixed[FIX_ROLE + role] as number, signed, i);
        addRow(w, logits, credit, c.fixed[FIX_ROLE_SIGN + role * 2 + (signed > 0 ? 0 : 1)] as number, 1, i);
      }
    }
    if (other || t.pos === 'PUNCT') continue;
    // Totals count every pooled word, vector or not, as normalisePools does.
    if (near <= 3) poolTotal[0] = (poolTotal[0] as number) + 1;
    if (clause === 0 && near <= 10) poolTotal[1] = (poolTotal[1] as number) + 1;
    poolTotal[2] = (poolTotal[2] as number) + 1 / (1 + near / 5);
    if ((s.rows[i] as number) >= 0) pooled.push(i, near, clause);
  }
  for (let k = 0; k < pooled.length; k += 3) {
    const i = pooled[k] as number;
    const near = pooled[k + 1] as number;
    const clause = pooled[k + 2] as number;
    const proj = projection(model, s.rows[i] as number);
    for (let pool = 0; pool < POOL_COUNT; pool += 1) {
      const weight = pool === 0 ? (near <= 3 ? 1 : 0) : pool === 1 ? (clause === 0 && near <= 10 ? 1 : 0) : 1 / (1 + near / 5);
      if (weight === 0) continue;
      const share = weight / (poolTotal[pool] as number);
      const neg = (proj[pool * 3] as number) * share;
      const pos = (proj[pool * 3 + 2] as number) * share;
      logits[0] = (logits[0] as number) + neg;
      logits[1] = (logits[1] as number) + (proj[pool * 3 + 1] as number) * share;
      logits[2] = (logits[2] as number) + pos;
      credit[i] = (credit[i] as number) + pos - neg;
    }
  }
  return { logits: [logits[0] as number, logits[1] as number, logits[2] as number], tokenWeights: credit };
}
