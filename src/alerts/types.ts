import type { ALERT_KINDS } from '../config/index.js';

export type AlertKind = (typeof ALERT_KINDS)[number];

/** How the analyzer labels an article's stance towards an actor. */
export type StanceLabelName = 'negative' | 'neutral' | 'positive';

/** Share of articles labelled negative, neutral and positive, each in [0, 1]. */
export type LabelMix = Record<StanceLabelName, number>;

/** One source quoted about the actor in an article: a stable key and how to show it. */
export interface QuotedSource {
  key: string;
  name: string;
  kind: string;
  /** What the source said, for the alert's evidence. */
  quote?: string;
}

/** One article's reading of one actor, in publication order. */
export interface SeriesPoint {
  articleId: string;
  url: string;
  title?: string;
  at: Date;
  /** Article-level stance towards the actor, in [-1, 1]. */
  score: number;
  /** The analyzer's label for the article (absent for rows stored without one). */
  label?: StanceLabelName;
  /** Share of the actor's mentions carrying each frame; empty when no frame cue was found. */
  frames?: Record<string, number>;
  /** Sources quoted about the actor in this article. */
  sources?: QuotedSource[];
}

/** Figures of one side of a change: how many articles, the mean and its 95% interval. */
export interface Side {
  articles: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
}

export interface ShareChange {
  name: string;
  before: number;
  after: number;
}

/** A change found in one (outlet, actor) series; indices point into that series. */
export interface Detection {
  kind: AlertKind;
  /** What before/after measure: `stance`, `frame:<name>` or `source:<key>`. */
  measure: string;
  /** +1 when the measure rose, -1 when it fell. */
  direction: 1 | -1;
  refStart: number;
  changeIndex: number;
  detectIndex: number;
  /** Publication time of the first article of the new regime (the estimated start of the change). */
  changeAt: Date;
  /** Publication time of the article at which the change became detectable. */
  detectedAt: Date;
  before: Side;
  after: Side;
  statistic: { method: 'cusum' | 'g-test'; value: number; threshold: number };
  /**
   * For stance changes: which track alarmed (`mean`, `share:negative`, `share:positive`) and the
   * share of articles of each label before and after, for wording an analyst reads first.
   */
  mix?: { track: string; before: LabelMix; after: LabelMix };
  /** Frame or source shares before and after, largest movers first (frame and source shifts). */
  shares: ShareChange[];
  /** The 3–5 articles of the new regime that moved the measure most, in publication order. */
  drivers: number[];
}
