import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What one path answers. A function body is called per request with the server's base URL. */
export interface FixtureRoute {
  /** @defaultValue 200 */
  status?: number;
  /** Content-Type header; omitted when undefined. @defaultValue 'text/html; charset=utf-8' */
  type?: string | undefined;
  body: string | Buffer | ((baseUrl: string) => string | Buffer);
  headers?: Record<string, string>;
}

export interface FixtureRequest {
  method: string;
  /** Path with query string, as received. */
  path: string;
  headers: IncomingHttpHeaders;
}

export interface FixtureServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Every request received, in order. */
  requests: FixtureRequest[];
  /** How many requests a path (query string included) received. */
  hits(path: string): number;
  close(): Promise<void>;
}

/**
 * Serves fixed routes on 127.0.0.1 at a free port. Routes are keyed by path with query string
 * (`/feed.xml`, `/search?q=a`); anything else answers 404 text/plain. A route of
 * `{ status: 301, headers: { location } }` makes a redirect.
 */
export async function startFixtureServer(
  routes: Record<string, FixtureRoute>,
): Promise<FixtureServer> {
  const requests: FixtureRequest[] = [];
  let baseUrl = '';
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    send(res, routes[path] ?? NOT_FOUND, baseUrl);
  });
  // Keep-alive sockets would hold close() open until they time out.
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    requests,
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** A URL on 127.0.0.1 where nothing listens: connecting to it is refused. */
export async function closedPortUrl(): Promise<string> {
  const server = await startFixtureServer({});
  await server.close();
  return server.url;
}

const NOT_FOUND: FixtureRoute = { status: 404, type: 'text/plain', body: 'not found' };

function send(res: ServerResponse, route: FixtureRoute, baseUrl: string): void {
  const body = typeof route.body === 'function' ? route.body(baseUrl) : route.body;
  const type = 'type' in route ? route.type : 'text/html; charset=utf-8';
  res.statusCode = route.status ?? 200;
  if (type !== undefined) res.setHeader('content-type', type);
  for (const [name, value] of Object.entries(route.headers ?? {})) res.setHeader(name, value);
  res.end(body);
}
