/**
 * An error that no retry can fix (malformed payload, missing article, 404). The queue layer turns
 * it into BullMQ's UnrecoverableError so the job goes straight to the failed set with its reason.
 */
export class PermanentError extends Error {
  override readonly name = 'PermanentError';
}

/** A configuration problem: the process reports every issue and exits non-zero before doing work. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`${source}: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Message of an unknown thrown value, with its cause chain, for failure records and logs. */
export function describeError(err: unknown): string {
  const parts: string[] = [];
  let cur: unknown = err;
  for (let depth = 0; cur !== undefined && cur !== null && depth < 5; depth++) {
    parts.push(cur instanceof Error ? cur.message : String(cur));
    cur = cur instanceof Error ? cur.cause : undefined;
  }
  return parts.join(': ');
}

// Error codes of a server that is down, restarting or unreachable: node's socket errors, the
// postgres driver's own, PostgreSQL's shutdown and start-up states (57P01-57P03), ioredis'.
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);
const OUTAGE_MESSAGES = /Connection is closed|connection terminated|Connection terminated|the database system is (starting up|shutting down)|terminating connection due to administrator command/;

/**
 * Whether `err` (or an error in its cause chain) says a server went away rather than that the
 * work is wrong: such a failure is waited out, never counted against the job.
 */
export function isServiceOutage(err: unknown): boolean {
  let cur: unknown = err;
  for (let depth = 0; cur !== undefined && cur !== null && depth < 6; depth++) {
    if (typeof cur !== 'object') return false;
    const e = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof e.code === 'string' && OUTAGE_CODES.has(e.code)) return true;
    if (typeof e.message === 'string' && OUTAGE_MESSAGES.test(e.message)) return true;
    cur = e.cause;
  }
  return false;
}
