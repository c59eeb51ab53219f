import type { AlertView } from './details.js';
import { capitalize, day, figure, headline, measureLabel, mixLine, otherOutletsSentence, sideLine } from './describe.js';
import { headerText as oneLine } from './sanitize.js';

function historyLine(v: AlertView): string {
  const h = v.details.context.history;
  const m = v.details.measure;
  const part = (label: string, s: AlertView['before'] | null) =>
    s ? `${label} ${figure(m, s.mean)} (${s.articles} article${s.articles === 1 ? '' : 's'})` : `${label} no articles`;
  return [
    part('previous week', h.previousWeek),
    part('previous month', h.previousMonth),
    part('since the change', h.since),
  ].join('; ');
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function sharesLines(v: AlertView): string[] {
  if (v.details.shares.length === 0) return [];
  const label = v.kind === 'source-shift' ? 'Share of quotes by source' : 'Frame shares';
  return [
    '',
    `${label} (before -> after):`,
    ...v.details.shares.slice(0, 6).map((s) => `  ${s.name}: ${pct(s.before)} -> ${pct(s.after)}`),
  ];
}

function evidenceLines(v: AlertView): string[] {
  if (v.details.evidence.length === 0) return [];
  return [
    '',
    'Articles that drove it:',
    ...v.details.evidence.flatMap((e, i) => [
      `  ${i + 1}. ${day(e.publishedAt)}  ${oneLine(e.title, 200)}  [${figure(v.details.measure, e.value)}]`,
      ...(e.sentence ? [`     “${oneLine(e.sentence, 400)}”`] : []),
      `     ${oneLine(e.url, 500)}`,
    ]),
  ];
}

function sourcesLines(v: AlertView): string[] {
  const s = v.details.sources;
  const list = (xs: typeof s.before) =>
    xs.length ? xs.map((x) => `${oneLine(x.name, 80)} (${x.quotes})`).join(', ') : 'none recorded';
  return ['', 'Top sources quoted about the actor:', `  before: ${list(s.before)}`, `  after:  ${list(s.after)}`];
}

/** The plain-text part: the same content as the HTML part, for clients that show only text. */
export function renderAlertText(v: AlertView): string {
  const d = v.details;
  const stat = d.statistic;
  const ctx = d.context;
  return [
    `${headline(v)}.`,
    '',
    `${capitalize(measureLabel(v))} in ${v.outletName} (mean article score):`,
    `  before: ${sideLine(d.measure, v.before)}`,
    `  after:  ${sideLine(d.measure, v.after)}`,
    ...(mixLine(v) ? [`Share of articles by stance (before -> after): ${mixLine(v)}`] : []),
    `Change estimated to start ${day(v.changeAt)}; detected ${day(v.detectedAt)} ` +
      '(publication of the article that made it clear).',
    `Evidence: ${stat.method} statistic ${stat.value.toFixed(1)} against a threshold of ` +
      `${stat.threshold.toFixed(1)} (${d.sensitivity} sensitivity).`,
    '',
    'Context:',
    `  ${otherOutletsSentence(v)}`,
    `  This outlet: ${historyLine(v)}.`,
    `  Volume: ${ctx.volume.beforePerWeek.toFixed(1)} articles a week before, ` +
      `${ctx.volume.afterPerWeek.toFixed(1)} after.`,
    ...sharesLines(v),
    ...evidenceLines(v),
    ...sourcesLines(v),
    '',
    'The chart (HTML part) shows each article as a dot, the running mean in blue, the change in red.',
    `Rule ${v.ruleId} · alert ${v.id} · stancewatch alerts show ${v.id}`,
  ].join('\n');
}
