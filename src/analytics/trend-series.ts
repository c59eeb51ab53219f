/** One period of one actor in one outlet (structurally the store's trend row). */
export interface TrendInput {
  outletId: string;
  outletName: string;
  period: string;
  articles: number;
  meanStance: number;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface OutletSeries {
  outletId: string;
  outletName: string;
  /** One value per x, null where the outlet had no article about the actor that period. */
  mean: (number | null)[];
  low: (number | null)[];
  high: (number | null)[];
  articles: (number | null)[];
}

/**
 * Trend lines aligned on one time axis, the shape chart libraries take (uPlot: columns). `x` is
 * the start of each period in Unix seconds (UTC), ascending.
 */
export interface AlignedTrends {
  periods: string[];
  x: number[];
  series: OutletSeries[];
}

/** Unix seconds of a day like 2026-08-03 at 00:00 UTC. */
export function dayToUnix(day: string): number {
  return Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 1000;
}

/** Aligns per-outlet trend rows on the union of their periods; outlets in name order. */
export function alignTrends(rows: TrendInput[]): AlignedTrends {
  const periods = [...new Set(rows.map((r) => r.period))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const byOutlet = new Map<string, OutletSeries>();
  const empty = () => periods.map((): number | null => null);
  for (const r of rows) {
    let s = byOutlet.get(r.outletId);
    if (!s) {
      s = { outletId: r.outletId, outletName: r.outletName, mean: empty(), low: empty(), high: empty(), articles: empty() };
      byOutlet.set(r.outletId, s);
    }
    const i = index.get(r.period)!;
    s.mean[i] = r.meanStance;
    s.low[i] = r.ciLow;
    s.high[i] = r.ciHigh;
    s.articles[i] = r.articles;
  }
  const series = [...byOutlet.values()].sort((a, b) => a.outletName.localeCompare(b.outletName));
  return { periods, x: periods.map(dayToUnix), series };
}

/** One frame's share per period (frame rows of several outlets pooled by their mentions). */
export interface FrameInput {
  period: string;
  frame: string;
  outletId: string;
  mentions: number;
  share: number | null;
}

export interface AlignedFrames {
  periods: string[];
  x: number[];
  frames: { frame: string; share: (number | null)[] }[];
}

/**
 * Frame shares over time across the given outlets: per period, the mentions in each frame over
 * all mentions of the actor in those outlets (`totals`: the trend rows, which count mentions
 * with and without a frame). A period with mentions but none in a frame gets 0 for that frame.
 */
export function alignFrames(rows: FrameInput[], totals: { period: string; mentions: number }[]): AlignedFrames {
  const periods = [...new Set([...rows, ...totals].map((r) => r.period))].sort();
  const index = new Map(periods.map((p, i) => [p, i]));
  const mentions = periods.map(() => 0);
  for (const t of totals) mentions[index.get(t.period)!]! += t.mentions;
  const inFrame = new Map<string, number[]>();
  for (const r of rows) {
    const counts = inFrame.get(r.frame) ?? periods.map(() => 0);
    counts[index.get(r.period)!]! += (r.share ?? 0) * r.mentions;
    inFrame.set(r.frame, counts);
  }
  const frames = [...inFrame.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([frame, counts]) => ({
      frame,
      share: counts.map((c, i) => (mentions[i]! > 0 ? Math.round((c / mentions[i]!) * 10_000) / 10_000 : null)),
    }));
  return { periods, x: periods.map(dayToUnix), frames };
}
