export type { AlertKind, Detection, LabelMix, QuotedSource, SeriesPoint, ShareChange, Side, StanceLabelName } from './types.js';
export {
  firstStanceAlarm,
  robustCenterSpread,
  stanceAlarms,
  stanceThreshold,
  type StanceAlarm,
  type StanceDetectorOptions,
  type TrackName,
} from './self-starting.js';
export {
  SENSITIVITY,
  REFERENCE_SERIES,
  forSeriesWatched,
  type DetectOptions,
  type SourceTestOptions,
} from './sensitivity.js';
export { cusumAlarms, cusumThreshold, firstCusumAlarm, type CusumAlarm, type CusumOptions } from './cusum.js';
export { tiltFor, type Tilt } from './tilt.js';
export { detectStanceShifts, labelMix } from './detect-shift.js';
export { detectFrameShifts } from './detect-frames.js';
export { detectSourceShifts, gTest } from './detect-sources.js';
export { detectChanges, applyCooldown } from './detect.js';
export { summarize, welchT, chiSquareSurvival, type Summary } from './stats.js';
export { rulesFor, ruleWantsKind, seriesWatched } from './match-rules.js';
export { buildContext, type OutletSeries } from './context.js';
export { buildEvidence, topSources, type MentionLine } from './evidence.js';
export { chartData, renderChartPng } from './chart.js';
export { explainDetection, toAlertView, type ExplainInput, type Names } from './explain.js';
export { sampleAlertView } from './sample.js';
export {
  alertDetailsSchema,
  type AlertDetails,
  type AlertView,
  type AlertContext,
  type EvidenceItem,
  type ChartData,
} from './details.js';
export { renderAlertEmail, renderDigestEmail, alertSubject, type RenderedEmail, type InlineImage } from './render.js';
export { headerText, escapeHtml, safeUrl, safeAddress } from './sanitize.js';
export {
  createMailer,
  composeEml,
  alertMessageId,
  outboxFile,
  DEFAULT_FROM,
  type Mailer,
  type MailerOptions,
  type OutgoingMail,
  type SendResult,
} from './mailer.js';
