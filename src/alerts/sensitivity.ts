import type { CusumOptions } from './cusum.js';

/** Windowed test of who is quoted: the last `window` quotes against the ones before them. */
export interface SourceTestOptions {
  window: number;
  minBefore: number;
  maxBefore: number;
  /** p-value needed per test; small because it is tested again at every article. */
  alpha: number;
  /** Smallest total-variation distance between the two source mixes worth an alert. */
  minDistance: number;
}

export interface DetectOptions {
  stance: CusumOptions;
  frames: CusumOptions;
  sources: SourceTestOptions;
  /** One alert per kind of change per series within this many days. */
  cooldownDays: number;
}

// Calibrated with `npm run eval:alerts` (see docs/alerts.md): at `medium`, under one false alert
// per 100 series-months over series drawn from the demo world's labelled articles.
const stance: CusumOptions = {
  k: 0.5,
  h: 12,
  minBefore: 12,
  maxBefore: 120,
  minAfter: 4,
  priorSigma: 0.3,
  priorWeight: 6,
  sigmaFloor: 0.12,
  minEffect: 0.15,
  confirmT: 5,
};

const frames: CusumOptions = { ...stance, minAfter: 5, priorSigma: 0.35, sigmaFloor: 0.2, confirmT: 5.25 };

const sources: SourceTestOptions = { window: 10, minBefore: 10, maxBefore: 40, alpha: 1e-4, minDistance: 0.35 };

function shifted(c: CusumOptions, h: number, t: number, minEffect: number): CusumOptions {
  return { ...c, h: c.h + h, confirmT: c.confirmT + t, minEffect };
}

/** Parameters per rule sensitivity; `medium` is the default and the one `eval:alerts` measures. */
export const SENSITIVITY: Record<'low' | 'medium' | 'high', DetectOptions> = {
  low: {
    stance: shifted(stance, 3, 0.5, 0.25),
    frames: shifted(frames, 3, 0.5, 0.25),
    sources: { ...sources, alpha: 1e-5, minDistance: 0.45 },
    cooldownDays: 14,
  },
  medium: { stance, frames, sources, cooldownDays: 7 },
  high: {
    stance: shifted(stance, -3, -0.5, 0.1),
    frames: shifted(frames, -3, -0.5, 0.1),
    sources: { ...sources, alpha: 1e-3, minDistance: 0.3 },
    cooldownDays: 3,
  },
};

/** The thresholds above hold for a rule watching this many series at once. */
export const REFERENCE_SERIES = 100;

/**
 * Raises thresholds for a rule that watches more than REFERENCE_SERIES (outlet, actor) series, so
 * its expected false alerts per month stay where they are at that size (a Bonferroni-style
 * correction). For a CUSUM the in-control run length grows about as exp(2·k·h), so multiplying
 * it by N costs ln(N)/(2k) on h; the confirming t and the source test's alpha follow suit.
 */
export function forSeriesWatched(o: DetectOptions, watched: number): DetectOptions {
  const factor = Math.max(1, watched / REFERENCE_SERIES);
  const raise = (c: CusumOptions): CusumOptions => ({
    ...c,
    h: c.h + Math.log(factor) / (2 * c.k),
    // A normal tail falls as exp(-z²/2): N times the tests costs 2·ln(N) on z².
    confirmT: Math.sqrt(c.confirmT ** 2 + 2 * Math.log(factor)),
  });
  return {
    ...o,
    stance: raise(o.stance),
    frames: raise(o.frames),
    sources: { ...o.sources, alpha: o.sources.alpha / factor },
  };
}
