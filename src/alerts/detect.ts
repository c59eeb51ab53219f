import { detectFrameShifts } from './detect-frames.js';
import { detectStanceShifts } from './detect-shift.js';
import { detectSourceShifts } from './detect-sources.js';
import type { DetectOptions } from './sensitivity.js';
import type { AlertKind, Detection, SeriesPoint } from './types.js';

const DAY_MS = 86_400_000;

/** A polarity flip is a stance-level change too: they share one cooldown. */
function family(kind: AlertKind): string {
  return kind === 'polarity-flip' ? 'stance-level' : kind;
}

/** Keeps one detection per kind of change within `days`: a slow shift must not alert every week. */
export function applyCooldown(found: Detection[], days: number): Detection[] {
  const last = new Map<string, number>();
  const kept: Detection[] = [];
  const ordered = [...found].sort((a, b) => a.detectIndex - b.detectIndex || a.kind.localeCompare(b.kind));
  for (const d of ordered) {
    const prev = last.get(family(d.kind));
    if (prev !== undefined && d.detectedAt.getTime() < prev + days * DAY_MS) continue;
    last.set(family(d.kind), d.detectedAt.getTime());
    kept.push(d);
  }
  return kept;
}

/**
 * Every framing change of one (outlet, actor) series, oldest first: stance level and polarity
 * (CUSUM), frame shares (one CUSUM per frame) and quoted sources (windowed G-test), with a
 * cooldown per kind. Pure and deterministic, so re-running it over the same data finds the
 * same changes and the alert rows they key stay unique.
 */
export function detectChanges(series: SeriesPoint[], opts: DetectOptions): Detection[] {
  const found = [
    ...detectStanceShifts(series, opts),
    ...detectFrameShifts(series, opts),
    ...detectSourceShifts(series, opts),
  ];
  return applyCooldown(found, opts.cooldownDays);
}
