import type { CusumOptions } from './cusum.js';

/** The likelihood-ratio increment against one reference: inc(x) = theta·(x − c) − logM. */
export interface Tilt {
  theta: number;
  center: number;
  logM: number;
  /** The move of the mean the tilt was solved for: the shift asked, kept off the range's edge. */
  target: number;
  /** Threshold for an excursion against this reference. */
  h: number;
}

/**
 * The exponential tilt of the reference's empirical distribution (plus the prior's
 * pseudo-articles) whose mean is the reference mean moved by `shift` in direction `dir`.
 * Exponential tilting is the least-informative way to move a distribution's mean (the tilted
 * law is the closest to the reference in Kullback–Leibler divergence among all laws with that
 * mean), so the increment is the log-likelihood ratio of "the mean moved by shift" against
 * "nothing changed" without assuming normal noise: a tone mixture moves by re-weighting its
 * tones. Its expectation of e^inc under the reference is 1, which is what bounds false alarms.
 */
export function tiltFor(
  values: readonly number[],
  dir: 1 | -1,
  shift: number,
  o: Pick<CusumOptions, 'range' | 'prior' | 'priorSigma' | 'margin' | 'bandwidth'>,
  hint?: number,
): Omit<Tilt, 'h'> {
  const [lo, hi] = dir === 1 ? o.range : ([-o.range[1], -o.range[0]] as const);
  const n = values.length;
  const center = (dir * values.reduce((s, x) => s + x, 0)) / n;
  // Distinct values with their counts: scores are rounded and shares are mostly 0, so this
  // spares most of the exponentials.
  const counts = new Map<number, number>();
  for (const x of values) counts.set(dir * x - center, (counts.get(dir * x - center) ?? 0) + 1);
  const ds = [...counts.keys()];
  const ws = [...counts.values()];
  const sd = Math.sqrt(values.reduce((s, x) => s + (dir * x - center) ** 2, 0) / Math.max(1, n - 1));
  const b2 = Math.max(o.bandwidth, 0.9 * sd * n ** -0.2) ** 2;
  // Never ask for a tilted mean at the edge of the range: it would need an infinite tilt.
  const target = Math.min(shift, (hi - center) * 0.8);
  const s2 = o.priorSigma ** 2;
  const moments = (theta: number) => {
    // Exponents shifted by their largest, so a steep tilt cannot overflow. Each article is a
    // normal bump of variance b² (the kernel), the prior one bump of variance s² around 0; a
    // tilt by theta moves a bump of variance v by theta·v and weighs it by e^{theta²·v/2}.
    const kernel = (theta * theta * b2) / 2;
    const prior = (theta * theta * s2) / 2;
    let top = o.prior > 0 ? prior : -Infinity;
    for (const d of ds) top = Math.max(top, theta * d + kernel);
    let m0 = 0;
    let m1 = 0;
    let m2 = 0;
    for (let i = 0; i < ds.length; i++) {
      const mu = ds[i]! + theta * b2;
      const e = ws[i]! * Math.exp(theta * ds[i]! + kernel - top);
      m0 += e;
      m1 += mu * e;
      m2 += (mu * mu + b2) * e;
    }
    if (o.prior > 0) {
      const mu = theta * s2;
      const e = o.prior * Math.exp(prior - top);
      m0 += e;
      m1 += mu * e;
      m2 += (mu * mu + s2) * e;
    }
    return { logM0: top + Math.log(m0), mean: m1 / m0, variance: Math.max(1e-12, m2 / m0 - (m1 / m0) ** 2) };
  };
  // Newton on the tilted mean (increasing in theta), kept inside a bisection bracket.
  let a = 0;
  let b = 1e4;
  let theta = Math.min(b, hint ?? shift / moments(0).variance);
  let m = moments(theta);
  for (let i = 0; i < 60; i++) {
    const gap = m.mean - target;
    if (Math.abs(gap) < 1e-7) break;
    if (gap > 0) b = theta;
    else a = theta;
    const next = theta - gap / m.variance;
    theta = next > a && next < b ? next : (a + b) / 2;
    m = moments(theta);
  }
  let logM = m.logM0 - Math.log(n + o.prior);
  if (o.margin > 0) {
    // Raised by `margin` standard errors of its estimate from n articles (delta method:
    // se(log M) = sd(e^{theta·d}) / (sqrt(n)·M)).
    let sum = 0;
    let sq = 0;
    for (const x of values) {
      const e = Math.exp(theta * (dir * x - center));
      sum += e;
      sq += e * e;
    }
    const real = sum / n;
    logM += (o.margin * Math.sqrt(Math.max(0, sq / n - real * real))) / (Math.sqrt(n) * real);
  }
  return { theta, center, logM, target };
}
