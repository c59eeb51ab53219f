/** Mean with a 95% interval over a sample; the interval is clipped to [lo, hi]. */
export interface Summary {
  articles: number;
  mean: number;
  variance: number;
  ciLow: number;
  ciHigh: number;
}

/** Mean, sample variance and a normal-approximation 95% interval, clipped to [lo, hi]. */
export function summarize(xs: readonly number[], lo = -1, hi = 1): Summary {
  const n = xs.length;
  if (n === 0) return { articles: 0, mean: 0, variance: 0, ciLow: lo, ciHigh: hi };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  const half = n > 1 ? 1.96 * Math.sqrt(variance / n) : hi - lo;
  return { articles: n, mean, variance, ciLow: Math.max(lo, mean - half), ciHigh: Math.min(hi, mean + half) };
}

/** Prefix sums of x and x², so the mean and variance of any slice cost O(1). */
export class PrefixMoments {
  private readonly s1: Float64Array;
  private readonly s2: Float64Array;

  constructor(xs: readonly number[]) {
    this.s1 = new Float64Array(xs.length + 1);
    this.s2 = new Float64Array(xs.length + 1);
    xs.forEach((x, i) => {
      this.s1[i + 1] = this.s1[i]! + x;
      this.s2[i + 1] = this.s2[i]! + x * x;
    });
  }

  /** Mean and sample variance of xs[from, to). */
  slice(from: number, to: number): { n: number; mean: number; variance: number } {
    const n = to - from;
    if (n <= 0) return { n: 0, mean: 0, variance: 0 };
    const sum = this.s1[to]! - this.s1[from]!;
    const mean = sum / n;
    const ss = this.s2[to]! - this.s2[from]! - sum * mean;
    return { n, mean, variance: n > 1 ? Math.max(0, ss / (n - 1)) : 0 };
  }
}

/** Welch's t of b's mean against a's, with variances floored so constant runs stay finite. */
export function welchT(a: Summary, b: Summary, varianceFloor = 0.01): number {
  const se = Math.sqrt(
    Math.max(a.variance, varianceFloor) / Math.max(1, a.articles) +
      Math.max(b.variance, varianceFloor) / Math.max(1, b.articles),
  );
  return (b.mean - a.mean) / se;
}

/** Natural log of the gamma function (Lanczos, g = 7). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Upper tail of the chi-square distribution with `df` degrees of freedom at `x`. */
export function chiSquareSurvival(x: number, df: number): number {
  if (x <= 0) return 1;
  const a = df / 2;
  const z = x / 2;
  const lead = Math.exp(-z + a * Math.log(z) - logGamma(a));
  if (z < a + 1) {
    // Series for the lower regularised gamma P(a, z); the tail is its complement.
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500 && Math.abs(term) > 1e-15 * Math.abs(sum); n++) {
      term *= z / (a + n);
      sum += term;
    }
    return Math.max(0, 1 - sum * lead);
  }
  // Continued fraction (modified Lentz) for the upper regularised gamma Q(a, z).
  let b = z + 1 - a;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < 1e-300 ? 1e-300 : d;
    c = b + an / c;
    c = Math.abs(c) < 1e-300 ? 1e-300 : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.min(1, lead * h);
}
