import type { NamedId } from '../store/index.js';
import { html } from './html.js';
import { renderPage } from './layout.js';
import type { DashboardFilter } from './filters.js';

export interface TrendsPageData {
  actors: (NamedId & { articles: number })[];
  outlets: NamedId[];
  filter: DashboardFilter;
  queues: boolean;
}

function filterForm(d: TrendsPageData) {
  const f = d.filter;
  const checked = (id: string) => f.outletIds === undefined || f.outletIds.includes(id);
  return html`<form class="filters" id="filters" method="get" action="/">
<label>Actor <select name="actor" id="f-actor">${d.actors.map(
    (a) => html`<option value="${a.id}"${a.id === f.actorId ? html` selected` : ''}>${a.name} (${a.articles})</option>`,
  )}</select></label>
<fieldset class="outlets" id="f-outlets"><legend>Outlets</legend>${d.outlets.map(
    (o) => html`<label><input type="checkbox" name="outlet" value="${o.id}"${checked(o.id) ? html` checked` : ''}> ${o.name}</label>`,
  )}</fieldset>
<label>From <input type="date" name="from" id="f-from" value="${f.from ?? ''}"></label>
<label>To <input type="date" name="to" id="f-to" value="${f.to ?? ''}"></label>
<label>Interval <select name="interval" id="f-interval">${(['day', 'week', 'month'] as const).map(
    (i) => html`<option value="${i}"${i === f.interval ? html` selected` : ''}>${i}</option>`,
  )}</select></label>
<noscript><button type="submit">Apply</button></noscript>
</form>`;
}

/**
 * The trends page: filters rendered on the server (so they paint at once), charts and tables
 * filled in the browser from the JSON API by /assets/app.js.
 */
export function renderTrendsPage(d: TrendsPageData): string {
  const body = html`${filterForm(d)}
${d.actors.length === 0 ? html`<p class="empty">No analysed articles yet: run <code>npm start</code> (the demo) or a crawl first.</p>` : ''}
<section class="panel wide">
  <h2>Mean stance per outlet <small>95% interval shaded; dashed lines mark framing-change alerts</small></h2>
  <div id="trend-chart" class="chart" aria-busy="true"></div>
</section>
<section class="panel wide">
  <h2>Frame shares <small>share of the actor's mentions in each frame, selected outlets pooled</small></h2>
  <div id="frame-chart" class="chart" aria-busy="true"></div>
</section>
<div class="columns">
<section class="panel"><h2>Framing-change alerts</h2><div id="alerts-table"></div></section>
<section class="panel"><h2>Top sources quoted about the actor</h2><div id="sources-table"></div></section>
</div>
<section class="panel wide"><h2>Articles <small>open one for its evidence</small></h2><div id="articles-table"></div></section>
<p class="foot">Data from the analysts' views (<code>v_stance_*</code>, <code>v_frame_shares_*</code>, <code>v_sources</code>, <code>v_alerts</code>).
${d.queues ? html`Jobs: <a href="/queues">queue dashboard</a>.` : html`Queue dashboard: set <code>REDIS_URL</code>.`}</p>`;
  return renderPage({ title: 'Trends', nav: 'trends', body, scripts: ['app.js'], styles: ['uPlot.min.css'] });
}
