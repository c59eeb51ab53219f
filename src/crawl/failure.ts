import { NonRetryableError } from 'crawlee';
import { describeError, PermanentError } from '../errors.js';

/** Thrown instead of fetching a URL that points into a private network. */
export const PRIVATE_NETWORK_REASON = 'refused: private network address';

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host not found (DNS lookup failed)',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'timed out',
  ESOCKETTIMEDOUT: 'timed out',
  EPROTO: 'TLS handshake failed',
  ERR_TOO_MANY_REDIRECTS: 'too many redirects',
  CERT_HAS_EXPIRED: 'TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'TLS certificate is for another host',
};

/**
 * A short human-readable reason for a failed URL: "connection refused", "HTTP 404",
 * "not an RSS/Atom feed: ...". Our own errors are worded for this already; for anything else the
 * cause chain is kept so that nothing is lost.
 */
export function describeFailure(err: unknown): string {
  const code = errorCode(err);
  if (code === 'EPRIVATEADDRESS' && err instanceof Error) {
    return `${PRIVATE_NETWORK_REASON} (${err.message})`;
  }
  // Crawlee's own navigation timeout, when no response headers arrive in time, our deadline
  // for the whole download (body.ts), which may come back wrapped, or the browser's navigation
  // timeout (Playwright's TimeoutError: the page did not reach its load event in time).
  if (err instanceof Error && /^request timed out after/.test(err.message)) return 'timed out';
  for (let cur: unknown = err, depth = 0; cur instanceof Error && depth < 5; cur = cur.cause, depth++) {
    if (cur.name === 'DeadlineError' || cur.name === 'TimeoutError') return 'timed out';
  }
  if (code !== undefined && NETWORK_REASONS[code] !== undefined) return NETWORK_REASONS[code];
  const own = findPermanent(err);
  return own === undefined ? describeError(err) : own.message;
}

/** Whether `err` or one of its causes says that no retry can help. */
export function isPermanentFailure(err: unknown): boolean {
  return findPermanent(err) !== undefined;
}

/** Our own errors and Crawlee's non-retryable ones are worded for people; others may wrap them. */
function findPermanent(err: unknown): Error | undefined {
  let cur: unknown = err;
  for (let depth = 0; depth < 5 && cur instanceof Error; depth++) {
    if (cur instanceof PermanentError || cur instanceof NonRetryableError) return cur;
    cur = cur.cause;
  }
  return undefined;
}

// Crawlee rewraps ECONNREFUSED and ECONNRESET as a SessionError that keeps only the message.
const CODE_IN_MESSAGE = new RegExp(`\\b(${Object.keys(NETWORK_REASONS).join('|')})\\b`);

/**
 * The network error code of the fetch itself. Only the outer error is read: a code deeper in the
 * chain belongs to something else, such as a database behind a hook that refused a connection.
 */
function errorCode(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  const code = (err as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (NETWORK_REASONS[code] !== undefined || code === 'EPRIVATEADDRESS')
  ) {
    return code;
  }
  return CODE_IN_MESSAGE.exec(err.message)?.[1];
}
