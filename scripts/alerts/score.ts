import type { Detection } from '../../src/alerts/index.js';
import { delayLowerBound } from './bound.js';
import type { SyntheticSeries } from './series.js';

const DAY_MS = 86_400_000;
/** Mean Gregorian month, for series-months. */
const MONTH_DAYS = 365.2425 / 12;

export interface ShiftOutcome {
  id: string;
  kind: 'stance' | 'frame';
  /** Expected shift of the planted measure's mean (see PlantedShift). */
  size: number;
  /** The shift asked for, before clipping or the frame readings' limits. */
  planted: number;
  /** Measured change of the planted measure (stance mean or the new frame's share), after minus before. */
  realized: number;
  /** Standard deviation of the planted measure before the shift: the noise the shift must beat. */
  noise: number;
  /**
   * Articles after the shift that any detector held to the bar's false-alert rate needs on
   * average, at least, for a shift of this size and unknown form in this series (see
   * delayLowerBound).
   */
  delayBound: number;
  found: boolean;
  delayArticles: number | undefined;
  delayDays: number | undefined;
}

export interface SeriesOutcome {
  falseAlerts: number;
  months: number;
  shift?: ShiftOutcome;
}

function months(s: SyntheticSeries): number {
  const first = s.points[0]!.at.getTime();
  const last = s.points[s.points.length - 1]!.at.getTime();
  return (last - first) / DAY_MS / MONTH_DAYS;
}

function family(d: Detection): 'stance' | 'frame' | 'source' {
  return d.kind === 'frame-shift' ? 'frame' : d.kind === 'source-shift' ? 'source' : 'stance';
}

function plantedMeasure(s: SyntheticSeries): number[] {
  const shift = s.shift!;
  return s.points.map((p) => (shift.kind === 'stance' ? p.score : (p.frames?.[shift.to] ?? 0)));
}

function meanOf(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((a, x) => a + x, 0) / xs.length : 0;
}

function sdOf(xs: readonly number[]): number {
  const m = meanOf(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / Math.max(1, xs.length - 1));
}

/**
 * Whether a detection is the planted shift: a stance alert moving the planted way, or a frame
 * alert on the new frame rising or the old one falling.
 */
function matches(d: Detection, shift: NonNullable<SyntheticSeries['shift']>): boolean {
  if (family(d) !== shift.kind) return false;
  if (shift.kind === 'stance') return d.direction === Math.sign(shift.size);
  return (d.measure === `frame:${shift.to}` && d.direction === 1) || (d.measure === `frame:${shift.from}` && d.direction === -1);
}

/**
 * Scores one series' detections. A stable series has only false alerts. In a shifted one, the
 * first detection at or after the shift that matches it (kind, and direction or frame) finds
 * it; anything before the shift, of another kind or direction, or a second alert for it is a
 * false alert.
 */
export function scoreSeries(s: SyntheticSeries, found: Detection[]): SeriesOutcome {
  const m = months(s);
  if (!s.shift) return { falseAlerts: found.length, months: m };
  const shift = s.shift;
  const values = plantedMeasure(s);
  const hit = found.find((d) => d.detectIndex >= shift.index && matches(d, shift));
  const outcome: ShiftOutcome = {
    id: s.id,
    kind: shift.kind,
    size: shift.size,
    planted: shift.planted,
    realized: meanOf(values.slice(shift.index)) - meanOf(values.slice(0, shift.index)),
    noise: sdOf(values.slice(0, shift.index)),
    delayBound: delayLowerBound(
      values.slice(0, shift.index),
      shift.size,
      s.points.length / m,
      shift.kind === 'stance' ? [-1, 1] : [0, 1],
    ),
    found: hit !== undefined,
    delayArticles: hit ? hit.detectIndex - shift.index + 1 : undefined,
    delayDays: hit ? (hit.detectedAt.getTime() - shift.at.getTime()) / DAY_MS : undefined,
  };
  return { falseAlerts: found.length - (hit ? 1 : 0), months: m, shift: outcome };
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
