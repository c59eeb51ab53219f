import { html, type SafeHtml } from './html.js';

export interface PageOptions {
  title: string;
  /** Which nav entry is current. */
  nav: 'trends' | 'article' | 'queues';
  body: SafeHtml;
  /** Module scripts under /assets/, e.g. "app.js". */
  scripts?: string[];
  /** Stylesheets under /assets/ in addition to the site's own. */
  styles?: string[];
}

/** The page shell shared by every dashboard page. */
export function renderPage(o: PageOptions): string {
  const link = (href: string, label: string, key: PageOptions['nav']) =>
    html`<a href="${href}"${o.nav === key ? html` aria-current="page"` : ''}>${label}</a>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · stancewatch</title>
<link rel="icon" href="data:,">
${(o.styles ?? []).map((s) => html`<link rel="stylesheet" href="/assets/${s}">`)}
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header class="top">
  <strong class="brand">stancewatch</strong>
  <nav>${link('/', 'Trends', 'trends')} ${link('/queues', 'Queues', 'queues')}</nav>
</header>
<main>${o.body}</main>
${(o.scripts ?? []).map((s) => html`<script type="module" src="/assets/${s}"></script>`)}
</body>
</html>
`.value;
}
