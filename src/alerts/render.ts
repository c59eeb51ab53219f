import { chartDataSchema, type AlertView } from './details.js';
import { renderChartPng } from './chart.js';
import { changePhrase, figure, headline, mainShareMove } from './describe.js';
import { renderAlertHtml } from './render-html.js';
import { renderAlertText } from './render-text.js';
import { headerText } from './sanitize.js';

export interface InlineImage {
  filename: string;
  content: Buffer;
  cid: string;
  contentType: 'image/png';
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
  attachments: InlineImage[];
}

/**
 * One line, header-safe: "Negative coverage of China in The Harbour Times rose from 12% to 55% of
 * articles (since 14 Sep)"; changes without label shares keep "The Harbour Times frames China as
 * security rather than economy (12% → 48%)".
 */
export function alertSubject(v: AlertView): string {
  const m = v.details.measure;
  const news = v.details.context.otherOutlets.newsDriven ? ' [news-driven]' : '';
  if (mainShareMove(v)) return headerText(`[stancewatch] ${headline(v)}${news}`, 200);
  const figures = `(${figure(m, v.before.mean)} → ${figure(m, v.after.mean)})`;
  return headerText(`[stancewatch] ${v.outletName} ${changePhrase(v)} ${figures}${news}`, 200);
}

function chartImage(v: AlertView): InlineImage {
  const cid = `chart-${v.id}@stancewatch`;
  const content = renderChartPng(chartDataSchema.parse(v.details.chart));
  return { filename: `chart-${v.id}.png`, content, cid, contentType: 'image/png' };
}

/** One alert as an e-mail: subject, plain text, HTML and its chart as an inline PNG. */
export function renderAlertEmail(v: AlertView): RenderedEmail {
  const chart = chartImage(v);
  return {
    subject: alertSubject(v),
    text: renderAlertText(v),
    html: renderAlertHtml(v, chart.cid),
    attachments: [chart],
  };
}

/** Several alerts of one rule in one message, each with its own chart, for `delivery: digest`. */
export function renderDigestEmail(ruleId: string, views: AlertView[]): RenderedEmail {
  const charts = views.map(chartImage);
  // Each alert's own HTML, without its document wrapper, one after the other.
  const inner = /^[\s\S]*?<body[^>]*>|<\/body>[\s\S]*$/g;
  const bodies = views.map((v, i) => renderAlertHtml(v, charts[i]!.cid).replace(inner, ''));
  const rule = '<hr style="border:0;border-top:2px solid #e5e7eb;margin:24px 0">';
  const count = `${views.length} framing change${views.length === 1 ? '' : 's'}`;
  return {
    subject: headerText(`[stancewatch] ${count} (rule ${ruleId})`, 200),
    text: views.map(renderAlertText).join('\n\n----------------------------------------\n\n'),
    html: `<!doctype html><html><body style="font-family:Arial,sans-serif">${bodies.join(rule)}</body></html>`,
    attachments: charts,
  };
}
