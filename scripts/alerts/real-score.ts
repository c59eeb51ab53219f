import { detectChanges, type DetectOptions, type Detection, type SeriesPoint } from '../../src/alerts/index.js';
import { median } from './score.js';
import type { RealSeries } from './real-world.js';

const DAY_MS = 86_400_000;
const MONTH_DAYS = 365.2425 / 12;
/** The bar's window: a shift counts as found when an alert comes within six weeks of it. */
export const WINDOW_DAYS = 42;

export interface RealOutcome {
  months: number;
  falseAlerts: number;
  shift?: { found: boolean; within: boolean; delayDays?: number; delayArticles?: number; from: string; to: string };
}

const isStance = (d: Detection) => d.kind === 'stance-level' || d.kind === 'polarity-flip';

/**
 * One series' alerts scored against its plan. The first stance alert detected at or after the
 * switch that moves the planted way finds it (within the window if it comes within six weeks);
 * every other alert, of any kind, is false.
 */
export function scoreReal(s: RealSeries, points: SeriesPoint[], found: Detection[]): RealOutcome {
  const first = points[0]?.at.getTime() ?? 0;
  const last = points[points.length - 1]?.at.getTime() ?? first;
  const months = (last - first) / DAY_MS / MONTH_DAYS;
  if (!s.shift) return { months, falseAlerts: found.length };
  const shift = s.shift;
  const hit = found.find((d) => isStance(d) && d.detectedAt >= shift.at && d.direction === shift.direction);
  const delayDays = hit ? (hit.detectedAt.getTime() - shift.at.getTime()) / DAY_MS : undefined;
  return {
    months,
    falseAlerts: found.length - (hit ? 1 : 0),
    shift: {
      found: hit !== undefined,
      within: delayDays !== undefined && delayDays <= WINDOW_DAYS,
      ...(hit ? { delayDays, delayArticles: hit.detectIndex - shift.index + 1 } : {}),
      from: shift.from,
      to: shift.to,
    },
  };
}

export interface RealFigures {
  shifts: number;
  foundWithin6Weeks: number;
  foundWithin6WeeksRate: number;
  foundAtAll: number;
  medianDelayDays: number | null;
  medianDelayArticles: number | null;
  falseAlerts: number;
  seriesMonths: number;
  falseAlertsPer100SeriesMonths: number;
  /** Found within six weeks, per kind of switch ("neutral -> mostly negative": [found, planted]). */
  bySwitch: Record<string, [number, number]>;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Figures over many series' outcomes; delays are of the shifts found within the window. */
export function realFigures(outcomes: readonly RealOutcome[]): RealFigures {
  const shifts = outcomes.flatMap((o) => (o.shift ? [o.shift] : []));
  const within = shifts.filter((s) => s.within);
  const months = outcomes.reduce((a, o) => a + o.months, 0);
  const falseAlerts = outcomes.reduce((a, o) => a + o.falseAlerts, 0);
  const bySwitch: Record<string, [number, number]> = {};
  for (const s of shifts) {
    const key = `${s.from} -> ${s.to}`;
    const [f, n] = bySwitch[key] ?? [0, 0];
    bySwitch[key] = [f + (s.within ? 1 : 0), n + 1];
  }
  return {
    shifts: shifts.length,
    foundWithin6Weeks: within.length,
    foundWithin6WeeksRate: round(within.length / Math.max(1, shifts.length)),
    foundAtAll: shifts.filter((s) => s.found).length,
    medianDelayDays: median(within.map((s) => s.delayDays!)),
    medianDelayArticles: median(within.map((s) => s.delayArticles!)),
    falseAlerts,
    seriesMonths: round(months, 1),
    falseAlertsPer100SeriesMonths: round((100 * falseAlerts) / Math.max(1e-9, months), 2),
    bySwitch,
  };
}

/** Runs the detector over every series of the worlds, on the analyzer's scores or the gold ones. */
export function runReal(series: readonly RealSeries[], opts: DetectOptions, which: 'analyzer' | 'perfect'): RealFigures {
  return realFigures(series.map((s) => scoreReal(s, s[which], detectChanges(s[which], opts))));
}
