import { tiltFor } from '../../src/alerts/index.js';

/** The bar's false-alert rate: one false alert per 100 series-months. */
const BAR_FALSE_ALERTS_PER_100_SERIES_MONTHS = 1;

/**
 * A lower bound on the expected delay, in articles, of any detector that keeps a series' false
 * alerts at the bar's rate, for a shift of the mean by `shift` whose form is not known in
 * advance. Lorden (1971): a detector whose in-control average run length is at least γ articles
 * needs about ln γ / KL articles after the change on average (worst case over change times),
 * where KL is the Kullback–Leibler divergence of the after-distribution from the before one.
 * Among all after-distributions with the mean moved by `shift`, the closest to the before one in
 * KL is its exponential tilt; it is the hardest such shift to see, and the one the alert
 * detector is matched to (see tiltFor; the before-distribution is the articles before the shift,
 * each smoothed by the detector's kernel, without its prior). γ is the series' articles a month
 * times 100 months, one false alert per 100 series-months.
 */
export function delayLowerBound(
  before: readonly number[],
  shift: number,
  articlesPerMonth: number,
  range: readonly [number, number],
): number {
  if (before.length < 2 || shift === 0) return Infinity;
  const dir = shift > 0 ? 1 : -1;
  const tilt = tiltFor(before, dir, Math.abs(shift), { range, prior: 0, priorSigma: 0.3, margin: 0, bandwidth: 0.05 });
  const kl = tilt.theta * tilt.target - tilt.logM;
  const arl0 = (articlesPerMonth * 100) / BAR_FALSE_ALERTS_PER_100_SERIES_MONTHS;
  return kl > 0 ? Math.log(arl0) / kl : Infinity;
}
