import type { ArticleEvidence } from '../store/index.js';
import { escapeHtml, html, raw, safeUrl, type SafeHtml } from './html.js';
import { segment, signed, stanceClass, type Mark, type Piece } from './highlight.js';
import { renderPage } from './layout.js';

function marksOf(a: ArticleEvidence, names: Map<string, string>): Mark[] {
  const sentences = new Map<string, Mark>();
  for (const m of a.mentions) {
    const key = `${m.sentenceStart}:${m.sentenceEnd}`;
    if (!sentences.has(key)) sentences.set(key, { start: m.sentenceStart, end: m.sentenceEnd, classes: ['ev-sentence'] });
  }
  const quotes = a.attributions.flatMap((t): Mark[] => [
    { start: t.contentStart, end: t.contentEnd, classes: ['quote'], title: `quoted: ${t.source ?? t.sourceKind ?? 'unnamed source'}` },
    ...(t.sourceStart !== null && t.sourceEnd !== null ? [{ start: t.sourceStart, end: t.sourceEnd, classes: ['quote-source'] }] : []),
    { start: t.cueStart, end: t.cueEnd, classes: ['quote-cue'] },
  ]);
  const mentions = a.mentions.map((m, i): Mark => ({
    start: m.start,
    end: m.end,
    classes: ['mention', stanceClass(m.label)],
    data: { m: String(i), actor: m.actorId },
    title: `${names.get(m.actorId) ?? m.actorId}: ${signed(m.score)} ${m.label}, confidence ${m.confidence.toFixed(2)}${m.frames.length ? `, frames: ${m.frames.join(', ')}` : ''}`,
  }));
  const cues = a.mentions.flatMap((m) =>
    m.cues.map((c): Mark => ({ start: c.start, end: c.end, classes: ['cue', c.weight >= 0 ? 'cue-pos' : 'cue-neg'], title: `cue ${signed(c.weight)}` })),
  );
  return [...sentences.values(), ...quotes, ...cues, ...mentions];
}

function renderPiece(p: Piece): string {
  if (p.marks.length === 0) return escapeHtml(p.text);
  const classes = [...new Set(p.marks.flatMap((m) => m.classes))].join(' ');
  const mention = p.marks.find((m) => m.data !== undefined);
  const data = Object.entries(mention?.data ?? {}).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
  const id = mention && mention.start === p.start ? ` id="m-${escapeHtml(mention.data!.m!)}"` : '';
  const titles = p.marks.map((m) => m.title).filter((t): t is string => t !== undefined);
  const title = titles.length ? ` title="${escapeHtml(titles.join(' | '))}"` : '';
  return `<span class="${classes}"${id}${data}${title}>${escapeHtml(p.text)}</span>`;
}

function actorTable(a: ArticleEvidence): SafeHtml {
  if (a.actors.length === 0) return html`<p class="empty">No actor found in this article by its current analysis.</p>`;
  const frames = (f: Record<string, number>) =>
    Object.entries(f).sort((x, y) => y[1] - x[1]).map(([k, v]) => `${k} ${Math.round(v * 100)}%`).join(', ');
  return html`<table class="data" id="article-actors">
<thead><tr><th>actor</th><th>stance</th><th>confidence</th><th>mentions</th><th>frames</th></tr></thead>
<tbody>${a.actors.map((r) => html`<tr><td>${r.name}</td><td class="${stanceClass(r.label)}">${signed(r.score)} ${r.label}</td><td>${r.confidence.toFixed(2)}</td><td>${r.mentions}</td><td>${frames(r.frames)}</td></tr>`)}</tbody>
</table>`;
}

function mentionList(a: ArticleEvidence, names: Map<string, string>): SafeHtml {
  if (a.mentions.length === 0) return html``;
  return html`<h2>Mentions</h2><ol class="mentions" id="mention-list">${a.mentions.map(
    (m, i) => html`<li><a href="#m-${i}">${m.text}</a> → ${names.get(m.actorId) ?? m.actorId}:
<span class="${stanceClass(m.label)}">${signed(m.score)} ${m.label}</span> (confidence ${m.confidence.toFixed(2)})${m.frames.length ? html`, ${m.frames.join(', ')}` : ''}${m.cues.length ? html`; cues: ${m.cues.map((c) => `${c.text} (${signed(c.weight)})`).join(', ')}` : ''}</li>`,
  )}</ol>`;
}

function quoteList(a: ArticleEvidence, names: Map<string, string>): SafeHtml {
  if (a.attributions.length === 0) return html`<h2>Attributed quotes</h2><p class="empty">No reported speech or citation found.</p>`;
  return html`<h2>Attributed quotes</h2><ul class="quotes" id="quote-list">${a.attributions.map(
    (t) => html`<li><strong>${t.source ?? `(${t.sourceKind ?? 'unnamed'})`}</strong>${t.sourceKind ? html` <span class="kind">${t.sourceKind}</span>` : ''}
${t.cue}: <q>${t.content}</q>${t.targets.length ? html` about ${t.targets.map((g, i) => html`${i ? ', ' : ''}${names.get(g.actor) ?? g.actor} <span class="${stanceClass(g.label)}">${signed(g.score)}</span>`)}` : ''}</li>`,
  )}</ul>`;
}

/**
 * The evidence view of one article: its text with every mention marked by its stance (hover for
 * score, confidence, frames), the sentences that carry them, the cue words, and attributed
 * quotes; then the article-level figures and the lists behind them.
 */
export function renderArticlePage(a: ArticleEvidence): string {
  const names = new Map(a.actors.map((r) => [r.id, r.name]));
  // A pruned text has no words left to mark: the figures below still stand.
  const text = a.textPruned
    ? html`<em class="text-pruned">text pruned: this article's text was dropped by retention; its stance figures are kept</em>`
    : raw(segment(a.analyzedText, marksOf(a, names)).map(renderPiece).join(''));
  const published = a.publishedAt ? a.publishedAt.toISOString().slice(0, 16).replace('T', ' ') + ' UTC' : 'no date';
  const body = html`<article class="evidence">
<p class="meta">${a.outletName} · ${published} · <a href="${safeUrl(a.url)}" rel="noreferrer noopener">original</a> · analyzer ${a.analyzerVersion ?? 'none yet'}</p>
<h1>${a.title}</h1>
${actorTable(a)}
<p class="legend"><span class="ev-sentence">sentence with a mention</span> <span class="mention stance-positive">positive</span> <span class="mention stance-neutral">neutral</span> <span class="mention stance-negative">negative</span> <span class="cue cue-pos">cue</span> <span class="quote">attributed quote</span></p>
<div class="article-text" id="article-text">${text}</div>
${mentionList(a, names)}
${quoteList(a, names)}
</article>`;
  return renderPage({ title: a.title, nav: 'article', body });
}
