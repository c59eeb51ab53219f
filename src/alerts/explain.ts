import { chartData } from './chart.js';
import { buildContext, type OutletSeries } from './context.js';
import type { AlertDetails, AlertView } from './details.js';
import { buildEvidence, topSources, type MentionLine } from './evidence.js';
import { headerText } from './sanitize.js';
import type { Detection, LabelMix, SeriesPoint, Side } from './types.js';

export interface ExplainInput {
  detection: Detection;
  /** The (outlet, actor) series the change was found in. */
  series: SeriesPoint[];
  /** Mentions of the actor in the driving articles. */
  mentions: MentionLine[];
  /** The same actor in the other outlets, over at least the weeks of the change. */
  others: OutletSeries[];
  sensitivity: string;
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
const roundSide = (s: Side): Side => ({
  articles: s.articles,
  mean: round(s.mean),
  ciLow: round(s.ciLow),
  ciHigh: round(s.ciHigh),
});

const roundMix = (m: LabelMix): LabelMix => ({
  negative: round(m.negative),
  neutral: round(m.neutral),
  positive: round(m.positive),
});

/**
 * Everything an alert row stores about a change, frozen at detection: figures, context,
 * evidence, top sources and the chart's data. The e-mail is rendered from this alone, so a
 * re-send shows what was sent the first time.
 */
export function explainDetection(x: ExplainInput): {
  before: Side;
  after: Side;
  articles: string[];
  details: AlertDetails;
} {
  const d = x.detection;
  const evidence = buildEvidence(d, x.series, x.mentions);
  const details: AlertDetails = {
    measure: d.measure,
    direction: d.direction,
    sensitivity: x.sensitivity,
    statistic: {
      method: d.statistic.method,
      value: round(d.statistic.value, 2),
      threshold: round(d.statistic.threshold, 2),
    },
    shares: d.shares.map((s) => ({ name: s.name, before: round(s.before), after: round(s.after) })),
    evidence,
    sources: topSources(d, x.series),
    context: buildContext(d, x.series, x.others),
    chart: chartData(d, x.series),
    ...(d.mix ? { mix: { track: d.mix.track, before: roundMix(d.mix.before), after: roundMix(d.mix.after) } } : {}),
  };
  return { before: roundSide(d.before), after: roundSide(d.after), articles: evidence.map((e) => e.url), details };
}

/** Display names of outlets and actors, from the config. */
export interface Names {
  outlet(id: string): string;
  actor(id: string): string;
}

/** A stored alert as the renderer wants it; `details` is parsed by the caller's schema. */
export function toAlertView(
  row: Omit<AlertView, 'outletName' | 'actorName'>,
  names: Names,
): AlertView {
  // Names end up in the subject and in one-line body text: flatten them once, here.
  return {
    ...row,
    outletName: headerText(names.outlet(row.outletId), 100),
    actorName: headerText(names.actor(row.actorId), 100),
  };
}
