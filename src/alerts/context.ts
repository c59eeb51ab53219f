import type { AlertContext } from './details.js';
import { measureOf, measureRange, valuesBetween } from './measure.js';
import { summarize, welchT } from './stats.js';
import type { Detection, SeriesPoint, Side } from './types.js';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
// Fewer articles than this on either side of another outlet's window is not a comparison.
const MIN_COMPARED = 3;
// |t| another outlet's change needs to count as a shift there too.
const OTHER_T = 2;

export interface OutletSeries {
  outletId: string;
  points: SeriesPoint[];
}

function sideOf(xs: number[], lo: number, hi: number): Side | null {
  if (xs.length === 0) return null;
  const s = summarize(xs, lo, hi);
  return { articles: s.articles, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh };
}

function compareOthers(d: Detection, own: SeriesPoint[], others: OutletSeries[]): AlertContext['otherOutlets'] {
  const read = measureOf(d.measure);
  const [lo, hi] = measureRange(d.measure);
  const from = own[d.refStart]!.at.getTime();
  const change = d.changeAt.getTime();
  const until = d.detectedAt.getTime();
  const ownShift = d.after.mean - d.before.mean;
  const result = { compared: 0, sameShift: [] as string[], opposite: [] as string[], newsDriven: false };
  for (const o of others) {
    const before = valuesBetween(o.points, read, from, change);
    const after = valuesBetween(o.points, read, change, until, true);
    if (before.length < MIN_COMPARED || after.length < MIN_COMPARED) continue;
    result.compared++;
    const b = summarize(before, lo, hi);
    const a = summarize(after, lo, hi);
    const t = welchT(b, a);
    const shift = a.mean - b.mean;
    if (Math.sign(shift) === d.direction && Math.abs(shift) >= Math.abs(ownShift) / 2 && Math.abs(t) >= OTHER_T) {
      result.sameShift.push(o.outletId);
    } else if (Math.sign(shift) === -d.direction && Math.abs(t) >= OTHER_T) {
      result.opposite.push(o.outletId);
    }
  }
  // Most outlets moving together is the news moving, not one outlet's framing.
  result.newsDriven = result.sameShift.length > 0 && result.sameShift.length * 2 >= result.compared;
  return result;
}

/**
 * Articles a week published in [from, to): gaps between the first and last article, so a window
 * that ends at the detecting article is not read as a drop in volume.
 */
function perWeek(points: readonly SeriesPoint[], from: number, to: number): number {
  const times = points.map((p) => p.at.getTime()).filter((t) => t >= from && t < to);
  const span = times.length > 1 ? times[times.length - 1]! - times[0]! : 0;
  return span > 0 ? ((times.length - 1) / span) * WEEK_MS : times.length;
}

/**
 * What an analyst needs to judge an alert: whether other outlets moved the same way over the
 * same weeks (then it is news-driven), this series' previous week and month before the change,
 * and the volume either side (a collapse of volume is not a change of framing).
 */
export function buildContext(d: Detection, own: SeriesPoint[], others: OutletSeries[]): AlertContext {
  const read = measureOf(d.measure);
  const [lo, hi] = measureRange(d.measure);
  const change = d.changeAt.getTime();
  const until = d.detectedAt.getTime();
  const from = own[d.refStart]!.at.getTime();
  return {
    otherOutlets: compareOthers(d, own, others),
    history: {
      previousWeek: sideOf(valuesBetween(own, read, change - WEEK_MS, change), lo, hi),
      previousMonth: sideOf(valuesBetween(own, read, change - 30 * DAY_MS, change), lo, hi),
      since: sideOf(valuesBetween(own, read, change, until, true), lo, hi) ?? d.after,
    },
    volume: { beforePerWeek: perWeek(own, from, change), afterPerWeek: perWeek(own, change, until + 1) },
  };
}
