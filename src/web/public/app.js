// The trends page: reads the filters, fetches the JSON API, draws charts and tables. Filters
// change the URL (so a view can be shared) and redraw without reloading the page.
import { PALETTE, renderFrameChart, renderTrendChart } from '/assets/charts.js';
import { alertRows, articleRows, renderTable, sourceRows } from '/assets/tables.js';

const form = document.getElementById('filters');
const outletBoxes = [...form.querySelectorAll('input[name="outlet"]')];
const outletIds = outletBoxes.map((b) => b.value);
const outletNames = new Map(outletBoxes.map((b) => [b.value, b.parentElement.textContent.trim()]));
const colorOf = (id) => PALETTE[Math.max(0, outletIds.indexOf(id)) % PALETTE.length];
const charts = [];
let generation = 0;

/** The filters as a query string; all outlets checked means no outlet filter. */
function query() {
  const q = new URLSearchParams();
  const actor = form.elements.actor.value;
  if (actor) q.set('actor', actor);
  const checked = outletBoxes.filter((b) => b.checked).map((b) => b.value);
  if (checked.length < outletBoxes.length) for (const o of checked) q.append('outlet', o);
  for (const k of ['from', 'to']) if (form.elements[k].value) q.set(k, form.elements[k].value);
  q.set('interval', form.elements.interval.value);
  return { q, none: checked.length === 0 };
}

async function getJson(path, q) {
  const res = await fetch(`/api/${path}?${q}`);
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

function showError(err) {
  const box = document.getElementById('trend-chart');
  box.textContent = `Could not load the data: ${err.message}`;
  box.classList.add('error');
}

async function load() {
  const mine = ++generation;
  const { q, none } = query();
  history.replaceState(null, '', `?${q}`);
  document.body.dataset.loaded = 'false';
  // No outlet ticked: nothing to ask the server for.
  const [trends, frames, sources, articles] = none
    ? [{ x: [], series: [], alerts: [] }, { x: [], frames: [] }, [], []]
    : await Promise.all([getJson('trends', q), getJson('frames', q), getJson('sources', q), getJson('articles', q)]);
  // A later change of the filters won: drop this older answer.
  if (mine !== generation) return;
  while (charts.length) charts.pop().destroy();
  charts.push(renderTrendChart(document.getElementById('trend-chart'), trends, colorOf));
  charts.push(renderFrameChart(document.getElementById('frame-chart'), frames));
  const name = (id) => outletNames.get(id) ?? id;
  renderTable(document.getElementById('alerts-table'), 'alerts', ['change from', 'outlet', 'kind', 'mean before → after'], alertRows(trends.alerts, name), 'No framing change detected for this selection.');
  renderTable(document.getElementById('sources-table'), 'sources', ['source', 'kind', 'quotes', 'articles', 'mean stance'], sourceRows(sources), 'No attributed quotes about this actor yet.');
  renderTable(document.getElementById('articles-table'), 'articles', ['published', 'outlet', 'title', 'stance', 'mentions'], articleRows(articles), 'No article for this selection.');
  performance.mark('trends-rendered');
  document.body.dataset.loaded = 'true';
}

form.addEventListener('change', () => load().catch(showError));
form.addEventListener('submit', (e) => {
  e.preventDefault();
  load().catch(showError);
});
let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => load().catch(showError), 200);
});
load().catch(showError);
