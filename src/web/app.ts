import { Hono, type Context } from 'hono';
import { ZodError } from 'zod';
import type { Logger } from '../log.js';
import type { Queue } from '../queue/index.js';
import { actorsWithData, articleEvidence, listOutlets, type Db } from '../store/index.js';
import { apiRoutes, requestFilter } from './api.js';
import { authMiddleware, type WebAuth, type WebEnv } from './auth.js';
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
  /** Credentials; without any the dashboard is open and read-only (it then listens on loopback only). */
  auth?: WebAuth;
}

// Our pages run only our own scripts; bull-board's UI (under /queues) brings its own (inline
// bootstrap), so there the policy only forbids framing, plugins and foreign form targets.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
const BOARD_CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
const READS = new Set(['GET', 'HEAD']);

function messagePage(title: string, text: string): string {
  return renderPage({ title, nav: 'trends', body: html`<h1>${title}</h1><p>${text}</p>` });
}

/** The dashboard: pages, JSON API, static assets and (with Redis) the queue dashboard. */
export function createWebApp(deps: WebDeps): Hono<WebEnv> {
  const app = new Hono<WebEnv>();
  const asset = createAssetStore();
  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', c.req.path.startsWith('/queues') ? BOARD_CSP : CSP);
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'no-referrer');
  });
  app.use('*', authMiddleware(deps.auth));
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
    // Two boards on the same queues: read-only for readers, and one that retries and cleans
    // jobs for an admin credential. bull-board refuses changes on the read-only one itself;
    // changes are refused here first, whatever bull-board would do.
    const mounted = (readOnly: boolean) => new Hono().route('/queues', queueBoard(deps.queues!, '/queues', { readOnly }));
    const boards = { reader: mounted(true), admin: mounted(false) };
    const board = (c: Context<WebEnv>) => {
      const role = c.get('role');
      if (role !== 'admin' && !READS.has(c.req.method)) {
        return c.json({ error: 'read-only: retrying or cleaning jobs needs the admin credential' }, 403);
      }
      return boards[role].fetch(c.req.raw);
    };
    app.all('/queues', board);
    app.all('/queues/*', board);
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
