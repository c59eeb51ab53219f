import type { AlertView } from './details.js';
import { capitalize, day, figure, headline, measureLabel, mixLine, otherOutletsSentence, sideLine } from './describe.js';
import { escapeHtml as h, safeUrl } from './sanitize.js';

const CELL = 'padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:left;vertical-align:top';
const TABLE = 'border-collapse:collapse;margin:8px 0';
const H3 = 'font-size:15px;margin:16px 0 4px';
const NOTE = 'margin:4px 0;color:#6b7280;font-size:12px';
const pct = (x: number) => `${Math.round(x * 100)}%`;

/** An element with inline style; `inner` must already be escaped. */
function tag(name: string, style: string, inner: string): string {
  return `<${name} style="${style}">${inner}</${name}>`;
}

function figuresTable(v: AlertView): string {
  const m = v.details.measure;
  const row = (label: string, s: AlertView['before'], color: string) =>
    `<tr>${tag('th', CELL, label)}${tag('td', `${CELL};color:${color};font-weight:bold`, h(sideLine(m, s)))}</tr>`;
  const mix = mixLine(v, '→');
  const shares = mix ? tag('p', 'margin:0', h(`Share of articles by stance: ${mix}`)) : '';
  return tag('table', TABLE, row('Before', v.before, '#374151') + row('After', v.after, '#dc2626')) + shares;
}

function sharesTable(v: AlertView): string {
  if (v.details.shares.length === 0) return '';
  const label = v.kind === 'source-shift' ? 'Source' : 'Frame';
  const head = [label, 'Before', 'After'].map((x) => tag('th', CELL, x));
  const rows = v.details.shares
    .slice(0, 6)
    .map((s) => `<tr>${[h(s.name), pct(s.before), pct(s.after)].map((x) => tag('td', CELL, x)).join('')}</tr>`);
  return tag('table', TABLE, `<tr>${head.join('')}</tr>${rows.join('')}`);
}

function evidenceList(v: AlertView): string {
  if (v.details.evidence.length === 0) return '';
  const items = v.details.evidence.map((e) => {
    const url = safeUrl(e.url);
    const title = url ? `<a href="${h(url)}" style="color:#2563eb">${h(e.title)}</a>` : h(e.title);
    const quote = e.sentence ? `<br>${tag('span', 'color:#4b5563', `&ldquo;${h(e.sentence)}&rdquo;`)}` : '';
    const value = `<b>${h(figure(v.details.measure, e.value))}</b>`;
    return tag('li', 'margin-bottom:8px', `${h(day(e.publishedAt))} &middot; ${title} ${value}${quote}`);
  });
  return tag('h3', H3, 'Articles that drove it') + tag('ol', 'padding-left:20px;margin:0', items.join(''));
}

function sourcesBlock(v: AlertView): string {
  const s = v.details.sources;
  const list = (xs: typeof s.before) =>
    xs.length ? xs.map((x) => `${h(x.name)} (${x.quotes})`).join(', ') : '<i>none recorded</i>';
  return (
    tag('h3', H3, `Top sources quoted about ${h(v.actorName)}`) +
    tag('p', 'margin:0', `Before: ${list(s.before)}<br>After: ${list(s.after)}`)
  );
}

function contextBlock(v: AlertView): string {
  const c = v.details.context;
  const part = (label: string, s: AlertView['before'] | null) =>
    s ? `${label} ${h(figure(v.details.measure, s.mean))} (${s.articles})` : `${label} no articles`;
  const history = [
    part('previous week', c.history.previousWeek),
    part('previous month', c.history.previousMonth),
    part('since the change', c.history.since),
  ];
  const { beforePerWeek, afterPerWeek } = c.volume;
  const volume = `${beforePerWeek.toFixed(1)} articles a week before, ${afterPerWeek.toFixed(1)} after`;
  const color = c.otherOutlets.newsDriven ? '#b45309' : '#374151';
  return (
    tag('h3', H3, 'Context') +
    tag('p', `margin:0;color:${color}`, h(otherOutletsSentence(v))) +
    tag('p', 'margin:4px 0 0', `This outlet: ${history.join('; ')}.<br>Volume: ${volume}.`)
  );
}

function chartBlock(v: AlertView, chartCid: string): string {
  const alt = `${measureLabel(v)}: each article a dot, running mean in blue, change on ${day(v.changeAt)} in red`;
  const scale =
    v.details.measure === 'stance'
      ? 'stance from −1 at the bottom to +1 at the top'
      : 'share from 0% at the bottom to 100% at the top';
  const legend =
    `Each dot is an article (${scale}); blue: running mean of 5 articles; dashed: mean before ` +
    '(grey) and after (red); red line: estimated change; shaded: until detection.';
  const stat = v.details.statistic;
  const evidence =
    `Evidence: ${h(stat.method)} statistic ${stat.value.toFixed(1)}, threshold ` +
    `${stat.threshold.toFixed(1)} (${h(v.details.sensitivity)} sensitivity).`;
  const img = `<img src="cid:${h(chartCid)}" width="600" height="220" alt="${h(alt)}"`;
  return `${img} style="display:block;border:1px solid #e5e7eb">${tag('p', NOTE, legend)}${tag('p', NOTE, evidence)}`;
}

/**
 * The HTML part: inline styles and tables only (what Gmail and Outlook keep), the chart as an
 * inline image referenced by `cid:` so it shows without loading anything remote.
 */
export function renderAlertHtml(v: AlertView, chartCid: string): string {
  const lead =
    `${h(capitalize(measureLabel(v)))} in ${h(v.outletName)} (mean article score below). Change estimated to start ` +
    `<b>${h(day(v.changeAt))}</b>, detected ${h(day(v.detectedAt))}.`;
  const footer =
    `Rule ${h(v.ruleId)} &middot; alert ${h(v.id)} &middot; ` +
    `<code>stancewatch alerts show ${h(v.id)}</code>`;
  const body = [
    tag('h2', 'font-size:18px;margin:0 0 8px', h(headline(v))),
    tag('p', 'margin:0', lead),
    figuresTable(v),
    chartBlock(v, chartCid),
    contextBlock(v),
    sharesTable(v),
    evidenceList(v),
    sourcesBlock(v),
    tag('p', 'margin:16px 0 0;color:#6b7280;font-size:12px', footer),
  ];
  const style = 'font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#111827;max-width:640px';
  return `<!doctype html><html><body style="${style}">\n${body.join('\n')}\n</body></html>`;
}
