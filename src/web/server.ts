import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createWebApp, type WebDeps } from './app.js';
import { requireCredentialsOffLoopback } from './auth.js';

export interface WebServer {
  /** e.g. http://127.0.0.1:4000, without a trailing slash. */
  url: string;
  close(): Promise<void>;
}

function closeServer(server: ServerType): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    // Browsers keep connections open; without this, close() waits for them to time out.
    if ('closeAllConnections' in server) server.closeAllConnections();
  });
}

/** Starts the dashboard on host:port (port 0 picks a free one) and resolves once it listens. */
export async function startWebServer(deps: WebDeps, opts: { port: number; host?: string }): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  requireCredentialsOffLoopback(host, deps.auth);
  const app = createWebApp(deps);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: opts.port, hostname: host }, (info: AddressInfo) => {
      const h = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({ url: `http://${h}:${info.port}`, close: () => closeServer(server) });
    });
    server.once('error', reject);
  });
}
