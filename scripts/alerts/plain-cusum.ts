import { PrefixMoments } from '../../src/alerts/stats.js';

/**
 * The issue's comparison detector: a plain self-starting CUSUM on article scores standardised by
 * the series' own recent spread. Each article is standardised by the mean and standard deviation
 * of the `window` articles before it (at least `warmup` of them, since the start or the last
 * alarm), and two one-sided CUSUMs with reference value `k` (in spreads) alarm when either sum
 * passes `h`. Nothing else: no labels, no checks after the alarm, no budget split. After an alarm
 * it restarts at the estimated change point (the last zero of the sum that alarmed). Used by
 * `eval:alerts` and `compare-designs.ts` as a yardstick for the project's detector.
 */
export interface PlainCusumOptions {
  k: number;
  h: number;
  warmup: number;
  window: number;
}

export interface PlainAlarm {
  direction: 1 | -1;
  start: number;
  at: number;
}

function firstPlainAlarm(xs: readonly number[], m: PrefixMoments, o: PlainCusumOptions, origin: number): PlainAlarm | undefined {
  let up = 0;
  let down = 0;
  let upStart = origin;
  let downStart = origin;
  for (let t = origin + o.warmup; t < xs.length; t++) {
    const ref = m.slice(Math.max(origin, t - o.window), t);
    const z = (xs[t]! - ref.mean) / Math.max(Math.sqrt(ref.variance), 1e-6);
    up = Math.max(0, up + z - o.k);
    down = Math.max(0, down - z - o.k);
    if (up === 0) upStart = t + 1;
    if (down === 0) downStart = t + 1;
    if (up > o.h) return { direction: 1, start: upStart, at: t };
    if (down > o.h) return { direction: -1, start: downStart, at: t };
  }
  return undefined;
}

/** Every alarm of a series, restarting at each alarm's change point. */
export function plainCusumAlarms(xs: readonly number[], o: PlainCusumOptions): PlainAlarm[] {
  const m = new PrefixMoments(xs);
  const out: PlainAlarm[] = [];
  let origin = 0;
  for (;;) {
    const a = firstPlainAlarm(xs, m, o, origin);
    if (!a) return out;
    out.push(a);
    // Never restart before the alarm's own start, and always move forward.
    origin = Math.max(a.start, origin + 1);
  }
}
