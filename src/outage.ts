import type { Logger } from './log.js';

/**
 * Logs a server outage once when it starts and once when it ends, instead of an error (or a
 * stack) for every failed reconnect or job: ioredis retries every few hundred milliseconds, and a
 * worker with 96 jobs in flight sees 96 failures per database outage.
 */
export interface OutageReporter {
  /** A request to the server failed because it is unreachable. */
  failed(err: unknown): void;
  /** A request succeeded (or the client reconnected): an outage in progress ends. */
  recovered(): void;
  readonly down: boolean;
}

// A failure just after a recovery (another client of the same server still reconnecting) belongs
// to the outage that just ended.
const SETTLE_MS = 5_000;

/** The innermost cause's message ("connect ECONNREFUSED 127.0.0.1:5432"), not the failed query's text. */
function rootMessage(err: unknown): string {
  let cur: unknown = err;
  for (let depth = 0; depth < 6 && cur instanceof Error && cur.cause !== undefined && cur.cause !== null; depth++) cur = cur.cause;
  return (cur instanceof Error ? cur.message : String(cur)).slice(0, 300);
}

const reporters = new Map<string, OutageReporter>();

/** The process's reporter for `service` ('redis', 'database'); the first caller's logger is used. */
export function outage(service: string, log: Logger): OutageReporter {
  let r = reporters.get(service);
  if (r) return r;
  let since: number | undefined;
  let failures = 0;
  let settledAt = -Infinity;
  let announced = false;
  r = {
    failed(err) {
      failures++;
      if (since !== undefined) return;
      since = Date.now();
      announced = since - settledAt >= SETTLE_MS;
      if (announced) log.error({ service, err: rootMessage(err) }, 'server unreachable: retrying with backoff');
    },
    recovered() {
      if (since === undefined) return;
      if (announced) log.warn({ service, downMs: Date.now() - since, failures }, 'server reachable again');
      since = undefined;
      failures = 0;
      settledAt = Date.now();
    },
    get down() {
      return since !== undefined;
    },
  };
  reporters.set(service, r);
  return r;
}
