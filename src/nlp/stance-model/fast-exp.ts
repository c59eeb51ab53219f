// The GRU reader spends most of its time in 48 sigmoids and tanhs per token. V8's Math.exp is a
// call that cannot be inlined and Math.tanh costs about twice as much; a table of 2^(i/64) and a
// degree-5 polynomial on the remainder (|r| ≤ ln 2 / 128) is inlined and stays within about one
// ulp of Math.exp (the unit test holds it to 2e-15 relative), which made the reader ~1.6× faster.

const STEPS = 64;
export const FRACTIONS = Float64Array.from({ length: STEPS }, (_, i) => 2 ** (i / STEPS));
/** 2^k for k in [-1050, 1049], index k + 1050: covers every exponent a finite result needs. */
export const POWERS = Float64Array.from({ length: 2100 }, (_, k) => 2 ** (k - 1050));
export const SCALE = STEPS * Math.LOG2E;
// ln 2 / 64 split in two (fdlibm's constants, the high part with 32 trailing zero bits) so that
// k·STEP_HI is exact and the remainder keeps its precision for large |x|.
export const STEP_HI = 6.93147180369123816490e-1 / STEPS;
export const STEP_LO = 1.90821492927058770002e-10 / STEPS;

/** e^x to within about one ulp of Math.exp. */
export function fastExp(x: number): number {
  if (!(x > -700)) return x !== x ? x : 0;
  if (x > 700) return Infinity;
  const kf = Math.floor(x * SCALE + 0.5);
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const k = kf | 0;
  const p = 1 + r * (1 + r * (0.5 + r * (1 / 6 + r * (1 / 24 + r * (1 / 120)))));
  return p * (FRACTIONS[k & (STEPS - 1)] as number) * (POWERS[(k >> 6) + 1050] as number);
}

/** The logistic function 1 / (1 + e^-x). */
export function sigmoid(x: number): number {
  return 1 / (1 + fastExp(-x));
}

/** tanh(x) as 2σ(2x) − 1: one exponential instead of Math.tanh's costlier call; absolute error below 1e-15. */
export function tanh(x: number): number {
  return 2 / (1 + fastExp(-2 * x)) - 1;
}
