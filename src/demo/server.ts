import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StancewatchConfig } from '../config/index.js';
import { buildDemoConfig } from './config.js';
import { renderSite, type SitePage } from './site.js';

export interface DemoServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
}

export interface DemoServer {
  /** e.g. "http://127.0.0.1:40123", without a trailing slash. */
  baseUrl: string;
  close(): Promise<void>;
  /** A validated config pointing at this server's outlets. */
  config(): StancewatchConfig;
}

const HTML = 'text/html; charset=utf-8';

const NOT_FOUND = Buffer.from(
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Page not found</title></head>' +
    '<body><h1>Page not found</h1><p>The page you asked for does not exist.</p></body></html>\n',
  'utf8',
);

function send(res: ServerResponse, status: number, page: SitePage, headOnly: boolean): void {
  res.statusCode = status;
  res.setHeader('content-type', page.contentType);
  res.setHeader('content-length', page.body.length);
  if (page.lastModified) res.setHeader('last-modified', page.lastModified);
  res.end(headOnly ? undefined : page.body);
}

function respond(pages: Map<string, SitePage>, req: IncomingMessage, res: ServerResponse): void {
  const method = req.method ?? 'GET';
  if (method !== 'GET' && method !== 'HEAD') {
    res.setHeader('allow', 'GET, HEAD');
    res.statusCode = 405;
    res.end();
    return;
  }
  // Query strings (section and footer links) do not change which page is served.
  const path = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
  const page = pages.get(path);
  if (page) send(res, 200, page, method === 'HEAD');
  else send(res, 404, { contentType: HTML, body: NOT_FOUND }, method === 'HEAD');
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address !== null && typeof address !== 'string') resolve(address);
      else reject(new Error('demo server has no TCP address'));
    });
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // fetch keeps connections alive; without this, close() waits for them to time out.
    server.closeAllConnections();
  });
}

/**
 * Serves the demo news world over HTTP: per outlet a homepage (`/<id>/`), an RSS feed
 * (`/<id>/rss.xml`) and article pages (`/<id>/<yyyy>/<mm>/<slug>`), plus `/robots.txt`.
 * Every page is rendered once, before the returned promise resolves.
 */
export async function startDemoServer(opts: DemoServerOptions = {}): Promise<DemoServer> {
  const host = opts.host ?? '127.0.0.1';
  let pages = new Map<string, SitePage>();
  const server = createServer((req, res) => respond(pages, req, res));
  const address = await listen(server, opts.port ?? 0, host);
  const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const baseUrl = `http://${urlHost}:${address.port}`;
  try {
    pages = renderSite(baseUrl);
  } catch (err) {
    await close(server);
    throw new Error('render demo site', { cause: err });
  }
  return { baseUrl, close: () => close(server), config: () => buildDemoConfig(baseUrl) };
}
