import type { CusumOptions } from './cusum.js';
import type { StanceDetectorOptions } from './self-starting.js';

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
  stance: StanceDetectorOptions;
  frames: CusumOptions;
  sources: SourceTestOptions;
  /** One alert per kind of change per series within this many days. */
  cooldownDays: number;
}

// The stance detector works in the series' own units (see self-starting.ts): its mean track is
// matched to a shift of 0.6 of the series' spread (95% of its budget; 1.5 spreads takes the rest,
// so a large switch alarms within a few articles), its share tracks to a label's share moving 20
// and 40 points. Each article is standardised by the 120 articles before it (at least 30; 20 for
// the large-shift side, which a short reference's error hurts less). The
// design was compared on train fold 1 (scripts/alerts/compare-designs.ts); the thresholds follow
// from the false-alert target and each series' own article rate, and `calibration` was chosen by
// simulation on null series of train folds 2-5 (see docs/alerts.md), never on dev.
const stance: StanceDetectorOptions = {
  meanShifts: [
    { size: 0.6, share: 0.95 },
    { size: 1.5, share: 0.05, minBefore: 20 },
  ],
  shareShifts: [
    { size: 0.2, share: 0.8 },
    { size: 0.4, share: 0.2 },
  ],
  meanBudget: 0.7,
  falseAlertsPer100SeriesMonths: 0.3,
  // Chosen by scripts/alerts/choose-calibration.ts: the lowest threshold at which null series
  // (real-sentence worlds from train folds 2-5, analyzer's and gold scores) stay within the
  // medium target and the synthetic world's stable series within the bar (docs/alerts.md).
  calibration: 2.5,
  minBefore: 30,
  maxBefore: 120,
  minAfter: 4,
  minEffectSpreads: 0.5,
  minShareMove: 0.15,
  clip: 2.5,
  shrink: false,
  reference: 'rolling',
};

// The frame detector is matched to a shift of 0.3 in a frame's share (80% of the budget; 0.6
// and 1.2 share the rest so big shifts alarm at once); its threshold follows from the target and
// the series' article rate (see cusumThreshold and docs/alerts.md).
const cusumBase: CusumOptions = {
  shifts: [
    { size: 0.3, share: 0.8 },
    { size: 0.6, share: 0.1 },
    { size: 1.2, share: 0.1 },
  ],
  range: [-1, 1],
  prior: 2,
  priorSigma: 0.3,
  bandwidth: 0.05,
  margin: 0,
  falseAlertsPer100SeriesMonths: 0.3,
  tracks: 1,
  calibration: 2,
  minBefore: 20,
  maxBefore: 120,
  minAfter: 4,
  minEffect: 0.15,
};

const frames: CusumOptions = { ...cusumBase, range: [0, 1], priorSigma: 0.45, minAfter: 5 };

const sources: SourceTestOptions = { window: 10, minBefore: 10, maxBefore: 40, alpha: 1e-4, minDistance: 0.35 };

function level(c: CusumOptions, falseAlertsPer100SeriesMonths: number, minEffect: number): CusumOptions {
  return { ...c, falseAlertsPer100SeriesMonths, minEffect };
}

function stanceLevel(
  falseAlertsPer100SeriesMonths: number,
  minEffectSpreads: number,
  minShareMove: number,
  calibration: number,
): StanceDetectorOptions {
  return { ...stance, falseAlertsPer100SeriesMonths, minEffectSpreads, minShareMove, calibration };
}

/** Parameters per rule sensitivity; `medium` is the default and the one `eval:alerts` measures. */
export const SENSITIVITY: Record<'low' | 'medium' | 'high', DetectOptions> = {
  low: {
    // Each level's calibration is choose-calibration.ts's choice for that level's target.
    stance: stanceLevel(0.1, 0.75, 0.2, 1.5),
    frames: level(frames, 0.1, 0.25),
    sources: { ...sources, alpha: 1e-5, minDistance: 0.45 },
    cooldownDays: 14,
  },
  medium: { stance, frames, sources, cooldownDays: 7 },
  high: {
    stance: stanceLevel(1, 0.35, 0.1, 1.25),
    frames: level(frames, 1, 0.1),
    sources: { ...sources, alpha: 1e-3, minDistance: 0.3 },
    cooldownDays: 3,
  },
};

/** The targets above hold per series for a rule watching up to this many series at once. */
export const REFERENCE_SERIES = 100;

/**
 * Divides the per-series false-alert target of a rule that watches more than REFERENCE_SERIES
 * (outlet, actor) series by N/REFERENCE_SERIES, so the rule's expected false alerts per month
 * (the family-wise rate) stay where they are at that size (Bonferroni). Through
 * cusumThreshold this raises h by ln(N/REFERENCE_SERIES); the source test's alpha follows suit.
 */
export function forSeriesWatched(o: DetectOptions, watched: number): DetectOptions {
  const factor = Math.max(1, watched / REFERENCE_SERIES);
  const raise = <C extends { falseAlertsPer100SeriesMonths: number }>(c: C): C => ({
    ...c,
    falseAlertsPer100SeriesMonths: c.falseAlertsPer100SeriesMonths / factor,
  });
  return {
    ...o,
    stance: raise(o.stance),
    frames: raise(o.frames),
    sources: { ...o.sources, alpha: o.sources.alpha / factor },
  };
}
