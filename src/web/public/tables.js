// Tables of the trends page, built with DOM calls (textContent), never from HTML strings.
import { fmtSigned } from '/assets/charts.js';

function el(tag, attrs = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

function stanceCell(score, label) {
  const cls = label === 'positive' || label === 'negative' ? `stance-${label}` : 'stance-neutral';
  return el('td', { class: cls, text: label ? `${fmtSigned(score)} ${label}` : fmtSigned(score) });
}

/** A table with a header row, or a short note when there are no rows. */
export function renderTable(container, id, headers, rows, empty) {
  container.textContent = '';
  if (rows.length === 0) {
    container.append(el('p', { class: 'empty', text: empty }));
    return;
  }
  const head = el('thead', {}, [el('tr', {}, headers.map((h) => el('th', { text: h })))]);
  const body = el('tbody', {}, rows.map((cells) => el('tr', {}, cells)));
  container.append(el('table', { class: 'data', id }, [head, body]));
}

export function alertRows(alerts, outletName) {
  return alerts.map((a) => [
    el('td', { text: a.changeAt.slice(0, 10) }),
    el('td', { text: outletName(a.outletId) }),
    el('td', { text: a.kind }),
    el('td', { text: `${fmtSigned(a.before)} → ${fmtSigned(a.after)}` }),
  ]);
}

export function sourceRows(sources) {
  return sources.map((s) => [
    el('td', { text: s.source }),
    el('td', { text: s.sourceKind ?? '' }),
    el('td', { text: String(s.quotes) }),
    el('td', { text: String(s.articles) }),
    stanceCell(s.meanStance, ''),
  ]);
}

export function articleRows(articles) {
  return articles.map((a) => [
    el('td', { text: a.publishedAt.slice(0, 10) }),
    el('td', { text: a.outletName }),
    el('td', {}, [el('a', { href: `/article/${encodeURIComponent(a.articleId)}`, text: a.title })]),
    stanceCell(a.score, a.label),
    el('td', { text: String(a.mentions) }),
  ]);
}
