import type { SeriesPoint } from './types.js';

/**
 * How to read a detection's measure off one article: the stance score, the share of one frame
 * (articles without frames say nothing), or the share of one source among the article's quotes.
 */
export function measureOf(measure: string): (p: SeriesPoint) => number | undefined {
  if (measure.startsWith('frame:')) {
    const frame = measure.slice('frame:'.length);
    return (p) => (p.frames && Object.keys(p.frames).length > 0 ? (p.frames[frame] ?? 0) : undefined);
  }
  if (measure.startsWith('source:')) {
    const key = measure.slice('source:'.length);
    return (p) =>
      p.sources && p.sources.length > 0 ? p.sources.filter((s) => s.key === key).length / p.sources.length : undefined;
  }
  return (p) => p.score;
}

/** The range a measure lives in: stance in [-1, 1], shares in [0, 1]. */
export function measureRange(measure: string): [number, number] {
  return measure === 'stance' ? [-1, 1] : [0, 1];
}

/** Values of the measure for points published in [from, to) (`to` inclusive when asked). */
export function valuesBetween(
  points: readonly SeriesPoint[],
  read: (p: SeriesPoint) => number | undefined,
  from: number,
  to: number,
  inclusive = false,
): number[] {
  return points.flatMap((p) => {
    const t = p.at.getTime();
    if (t < from || t > to || (!inclusive && t === to)) return [];
    const v = read(p);
    return v === undefined ? [] : [v];
  });
}
