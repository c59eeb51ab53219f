import { PNG } from 'pngjs';
import type { ChartData } from './details.js';
import { measureOf, measureRange } from './measure.js';
import type { Detection, SeriesPoint } from './types.js';

const WEEK_MS = 7 * 86_400_000;
const MAX_POINTS = 400;

/** The series around a change, frozen into the alert so its e-mail never depends on later data. */
export function chartData(d: Detection, series: SeriesPoint[]): ChartData {
  const read = measureOf(d.measure);
  const [lo, hi] = measureRange(d.measure);
  const beforeFrom = series[d.refStart]!.at.getTime();
  const from = Math.min(beforeFrom, d.changeAt.getTime() - 8 * WEEK_MS);
  const to = d.detectedAt.getTime();
  const points = series.flatMap((p): [number, number][] => {
    const t = p.at.getTime();
    const v = read(p);
    return t >= from && t <= to && v !== undefined ? [[t, v]] : [];
  });
  return {
    lo,
    hi,
    points: points.slice(-MAX_POINTS),
    changeAt: d.changeAt.getTime(),
    detectedAt: to,
    beforeFrom,
    beforeMean: d.before.mean,
    afterMean: d.after.mean,
  };
}

type Rgb = readonly [number, number, number];
const COLOR = {
  shade: [253, 236, 234] as Rgb,
  grid: [229, 231, 235] as Rgb,
  axis: [156, 163, 175] as Rgb,
  dot: [148, 163, 184] as Rgb,
  trend: [37, 99, 235] as Rgb,
  before: [55, 65, 81] as Rgb,
  change: [220, 38, 38] as Rgb,
};

class Canvas {
  readonly png: PNG;
  constructor(
    readonly width: number,
    readonly height: number,
  ) {
    this.png = new PNG({ width, height });
    this.png.data.fill(255);
  }

  blend(x: number, y: number, c: Rgb, alpha = 1): void {
    const xi = Math.round(x);
    const yi = Math.round(y);
    if (xi < 0 || yi < 0 || xi >= this.width || yi >= this.height) return;
    const i = (yi * this.width + xi) * 4;
    for (let k = 0; k < 3; k++) this.png.data[i + k] = Math.round(this.png.data[i + k]! * (1 - alpha) + c[k]! * alpha);
  }

  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    for (let y = Math.floor(y0); y <= y1; y++) for (let x = Math.floor(x0); x <= x1; x++) this.blend(x, y, c);
  }

  disc(cx: number, cy: number, r: number, c: Rgb, alpha = 1): void {
    for (let y = -r; y <= r; y++) {
      for (let x = -r; x <= r; x++) if (x * x + y * y <= r * r + 0.5) this.blend(cx + x, cy + y, c, alpha);
    }
  }

  /** A line `width` pixels wide; `dash` > 0 draws dashes of that many pixels. */
  line(x0: number, y0: number, x1: number, y1: number, c: Rgb, width = 1, dash = 0): void {
    const steps = Math.max(1, Math.ceil(Math.hypot(x1 - x0, y1 - y0)));
    for (let s = 0; s <= steps; s++) {
      if (dash > 0 && Math.floor(s / dash) % 2 === 1) continue;
      const x = x0 + ((x1 - x0) * s) / steps;
      const y = y0 + ((y1 - y0) * s) / steps;
      if (width <= 1) this.blend(x, y, c);
      else this.disc(x, y, Math.floor(width / 2), c);
    }
  }
}

/** Mean of the last `n` values at each point: the line an eye follows through the dots. */
function trailingMean(values: readonly number[], n: number): number[] {
  return values.map((_v, i) => {
    const from = Math.max(0, i - n + 1);
    return values.slice(from, i + 1).reduce((s, x) => s + x, 0) / (i + 1 - from);
  });
}

/**
 * A small PNG of the series: one grey dot per article, a blue running mean, the before and after
 * levels, the estimated change (red line) and the detection window (shaded). PNG, not SVG, since
 * Gmail and Outlook do not show SVG in mail.
 */
export function renderChartPng(c: ChartData, width = 600, height = 220): Buffer {
  const cv = new Canvas(width, height);
  const pad = 12;
  const t0 = c.points[0]?.[0] ?? c.beforeFrom;
  const t1 = Math.max(c.detectedAt, t0 + 1);
  const x = (t: number) => pad + ((t - t0) / (t1 - t0)) * (width - 2 * pad);
  const y = (v: number) => height - pad - ((v - c.lo) / (c.hi - c.lo)) * (height - 2 * pad);
  cv.rect(x(c.changeAt), pad, x(c.detectedAt), height - pad, COLOR.shade);
  for (const v of [c.lo, (c.lo + c.hi) / 2, c.hi]) {
    cv.line(pad, y(v), width - pad, y(v), v === 0 ? COLOR.axis : COLOR.grid);
  }
  for (const [t, v] of c.points) cv.disc(x(t), y(v), 2, COLOR.dot, 0.8);
  const trend = trailingMean(c.points.map((p) => p[1]), 5);
  for (let i = 1; i < c.points.length; i++) {
    cv.line(x(c.points[i - 1]![0]), y(trend[i - 1]!), x(c.points[i]![0]), y(trend[i]!), COLOR.trend, 2);
  }
  cv.line(x(Math.max(t0, c.beforeFrom)), y(c.beforeMean), x(c.changeAt), y(c.beforeMean), COLOR.before, 3, 6);
  cv.line(x(c.changeAt), y(c.afterMean), x(c.detectedAt), y(c.afterMean), COLOR.change, 3, 6);
  cv.line(x(c.changeAt), pad, x(c.changeAt), height - pad, COLOR.change, 2);
  return PNG.sync.write(cv.png);
}
