import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { WebCredentialEnv } from '../config/index.js';

/** A credential the dashboard accepts: HTTP basic (user and password) or a bearer token. */
export type WebCredential = WebCredentialEnv;

/**
 * Who may use the dashboard. Readers see pages, the API and the queue board read-only; admins also
 * retry, promote and clean jobs on the board. With no credential at all the dashboard is open
 * (loopback only: see `requireCredentialsOffLoopback`) and read-only.
 */
export interface WebAuth {
  readers: WebCredential[];
  admins: WebCredential[];
}

export type WebRole = 'reader' | 'admin';

/** The dashboard app's Hono environment: each request knows its role. */
export type WebEnv = { Variables: { role: WebRole } };

/** Hashed before comparing, so that the comparison takes the same time whatever the lengths. */
const digest = (s: string) => createHash('sha256').update(s).digest();
const same = (a: string, b: string) => timingSafeEqual(digest(a), digest(b));

function matches(header: string | undefined, c: WebCredential): boolean {
  if (header === undefined) return false;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (c.kind === 'bearer') return scheme.toLowerCase() === 'bearer' && same(value, c.token);
  if (scheme.toLowerCase() !== 'basic') return false;
  const decoded = Buffer.from(value, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  // Both compared, always: a wrong user must cost as long as a wrong password.
  const userOk = same(decoded.slice(0, colon), c.user);
  const passwordOk = same(decoded.slice(colon + 1), c.password);
  return userOk && passwordOk;
}

/** The role a request's Authorization header gives, or undefined when it gives none. */
export function roleOf(auth: WebAuth, header: string | undefined): WebRole | undefined {
  if (auth.admins.some((c) => matches(header, c))) return 'admin';
  if (auth.readers.some((c) => matches(header, c))) return 'reader';
  return undefined;
}

export function hasCredentials(auth: WebAuth | undefined): boolean {
  return auth !== undefined && auth.readers.length + auth.admins.length > 0;
}

/** Whether `host` only listens on this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/**
 * Binding beyond loopback without a credential would serve every stored article and the queues
 * to the network: refused before listening, with what to set.
 */
export function requireCredentialsOffLoopback(host: string, auth: WebAuth | undefined): void {
  if (isLoopbackHost(host) || hasCredentials(auth)) return;
  throw new Error(
    `the dashboard listens on ${host}, beyond this machine, and has no credentials: set STANCEWATCH_WEB_USER and STANCEWATCH_WEB_PASSWORD (basic auth) or STANCEWATCH_WEB_TOKEN (bearer), and STANCEWATCH_WEB_ADMIN_PASSWORD or STANCEWATCH_WEB_ADMIN_TOKEN to retry and clean jobs; or bind to 127.0.0.1`,
  );
}

/**
 * Hono middleware: with credentials configured, every request but /healthz needs one (401 with
 * a basic-auth challenge, so a browser asks); the request's role is set as `role`.
 */
export function authMiddleware(auth: WebAuth | undefined): MiddlewareHandler<WebEnv> {
  return async (c, next) => {
    if (!hasCredentials(auth)) {
      c.set('role', 'reader');
      return next();
    }
    if (c.req.path === '/healthz') return next();
    const role = roleOf(auth!, c.req.header('authorization'));
    if (role === undefined) {
      return c.text('authentication required', 401, { 'www-authenticate': 'Basic realm="stancewatch", charset="UTF-8"' });
    }
    c.set('role', role);
    return next();
  };
}
