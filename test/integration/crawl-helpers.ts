import { afterEach } from 'vitest';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { outletSchema, type Outlet } from '../../src/config/index.js';
import { crawlOutlet, type ArticleCandidate, type CrawlFailure, type CrawlHooks, type CrawlOptions } from '../../src/crawl/index.js';
import { silentLogger } from '../../src/log.js';

/** One request a scripted server received. */
export interface SeenRequest {
  path: string;
  host: string;
  userAgent: string | undefined;
  /** ms since the server started. */
  at: number;
}

/** Answers one request; may write slowly or not at all. */
export type Script = (req: IncomingMessage, res: ServerResponse, hit: number) => void;

export interface ScriptedServer {
  url: string;
  port: number;
  seen: SeenRequest[];
  hits(path: string): number;
  /** The most requests that were in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

/**
 * A loopback server whose routes are functions, for behaviour a fixed body cannot show:
 * statuses that change between attempts, slow or stalled bodies, redirect loops. Unknown paths
 * answer 404.
 */
export async function startScriptedServer(routes: Record<string, Script>): Promise<ScriptedServer> {
  const seen: SeenRequest[] = [];
  const started = Date.now();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    seen.push({
      path,
      host: req.headers.host ?? '',
      userAgent: req.headers['user-agent'],
      at: Date.now() - started,
    });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const route = routes[path];
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    route(req, res, seen.filter((s) => s.path === path).length);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    seen,
    hits: (path) => seen.filter((s) => s.path === path).length,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Answers with a body and a content type, optionally after a pause. */
export function send(
  body: string | Buffer,
  type = 'text/html; charset=utf-8',
  delayMs = 0,
): Script {
  return (_req, res) => {
    const reply = () => res.writeHead(200, { 'content-type': type }).end(body);
    if (delayMs > 0) setTimeout(reply, delayMs);
    else reply();
  };
}

const PARAGRAPH =
  'The harbour authority said on Monday that the new terminal would open in the spring, after ' +
  'two years of construction and several delays caused by storms along the coast.';

/** An article page with enough text to be extracted. */
export function articlePage(title: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title>${extraHead}</head><body>
    <article><h1>${title}</h1><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article>
    </body></html>`;
}

/** An RSS 2.0 feed of absolute or root-relative links, resolved against the feed's URL. */
export function rssOf(links: string[]): string {
  const items = links.map((l) => `<item><title>${l}</title><link>${l}</link></item>`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items}</channel></rss>`;
}

/** An outlet for these tests; loopback addresses are allowed unless a test says otherwise. */
export function testOutlet(
  id: string,
  homepage: string,
  fields: Record<string, unknown> = {},
): Outlet {
  // The scripted servers listen on loopback, under any host name the test's resolver maps there.
  return outletSchema.parse({ id, name: id, homepage, allowPrivateNetwork: ['127.0.0.0/8', '::1'], ...fields });
}

/** Hooks that record what the crawl hands over; nothing is stored. */
export function recordingHooks() {
  const articles: ArticleCandidate[] = [];
  const failures: CrawlFailure[] = [];
  const hooks: CrawlHooks = {
    knownUrls: async () => new Set(),
    onArticle: async (article) => {
      articles.push(article);
    },
    onFailure: async (failure) => {
      failures.push(failure);
    },
  };
  const sorted = <T extends { url: string }>(items: T[]) =>
    [...items].sort((a, b) => (a.url < b.url ? -1 : 1));
  return { hooks, articles: () => sorted(articles), failures: () => sorted(failures) };
}

/**
 * For one test file: a `serve(routes)` that starts a scripted server and closes it after each test,
 * so a failing test cannot leave a port open for the next.
 */
export function useScriptedServer(): (routes: Record<string, Script>) => Promise<ScriptedServer> {
  let server: ScriptedServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  return async (routes) => {
    server = await startScriptedServer(routes);
    return server;
  };
}

/** The content type the scripted feeds are served with. */
export const RSS = 'application/rss+xml';

/**
 * `crawlOutlet` with a silent log and a test file's own defaults; each call can still override
 * them (a test that wants retries, a fixed clock, a size cap).
 */
export function quietCrawler(defaults: Partial<CrawlOptions> = {}) {
  return (outlet: Outlet, hooks: CrawlHooks, extra: Partial<CrawlOptions> = {}) =>
    crawlOutlet(outlet, hooks, { log: silentLogger, ...defaults, ...extra });
}
