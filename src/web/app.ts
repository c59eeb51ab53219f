import { Hono } from 'hono';
import { ZodError } from 'zod';
import type { Logger } from '../log.js';
import type { Queue } from '../queue/index.js';
import { actorsWithData, articleEvidence, listOutlets, type Db } from '../store/index.js';
import { apiRoutes, requestFilter } from './api.js';
import { renderArticlePage } from './article-page.js';
import { createAssetStore } from './assets.js';
import { html } from './html.js';
import { renderPage } from './layout.js';
import { queueBoard } from './queue-board.js';
import { renderTrendsPage } from './trends-page.js';

export interface WebDeps {
  db: Db;
  log: Logger;
  /** BullMQ queues for the queue dashboard at /queues; without them /queues says how to get it. */
  queues?: Queue[];
}

// Our pages run only our own scripts; bull-board's UI (under /queues) brings its own.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function messagePage(title: string, text: string): string {
  return renderPage({ title, nav: 'trends', body: html`<h1>${title}</h1><p>${text}</p>` });
}

/** The dashboard: pages, JSON API, static assets and (with Redis) the queue dashboard. */
export function createWebApp(deps: WebDeps): Hono {
  const app = new Hono();
  const asset = createAssetStore();
  app.use('*', async (c, next) => {
    await next();
    if (!c.req.path.startsWith('/queues')) c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
  });
  app.route('/api', apiRoutes(deps.db));
  app.get('/healthz', (c) => c.text('ok'));
  app.get('/assets/:name', async (c) => {
    const a = await asset(c.req.param('name'));
    if (!a) return c.text('not found', 404);
    return c.body(a.body, 200, { 'content-type': a.contentType, 'cache-control': 'public, max-age=300' });
  });
  app.get('/', async (c) => {
    const [actors, outlets, filter] = await Promise.all([actorsWithData(deps.db), listOutlets(deps.db), requestFilter(deps.db, c)]);
    return c.html(renderTrendsPage({ actors, outlets, filter, queues: deps.queues !== undefined }));
  });
  app.get('/article/:id', async (c) => {
    const a = await articleEvidence(deps.db, c.req.param('id'));
    return a ? c.html(renderArticlePage(a)) : c.html(messagePage('Article not found', 'There is no article with this id.'), 404);
  });
  if (deps.queues) {
    app.route('/queues', queueBoard(deps.queues, '/queues'));
  } else {
    app.get('/queues', (c) =>
      c.html(messagePage('Queues', 'Jobs run in this process (no REDIS_URL): there is no BullMQ queue to show. Set REDIS_URL to see the queue dashboard here.')),
    );
  }
  app.notFound((c) => c.html(messagePage('Not found', 'There is no page at this address.'), 404));
  app.onError((err, c) => {
    if (err instanceof ZodError) return c.html(messagePage('Bad filter', err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')), 400);
    deps.log.error({ err: String(err), cause: String((err as { cause?: unknown }).cause ?? ''), path: c.req.path }, 'dashboard request failed');
    return c.html(messagePage('Error', 'Something went wrong; the details are in the server log.'), 500);
  });
  return app;
}
