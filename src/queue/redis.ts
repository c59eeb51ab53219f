import { Redis } from 'ioredis';
import type { Logger } from '../log.js';
import { outage } from '../outage.js';

/**
 * A Redis connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ workers require so
 * that blocking commands survive reconnects. An outage is logged when it starts and when it ends,
 * not at every reconnect attempt.
 */
export function createRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: false,
    // Reconnect with backoff up to 5 s between tries, for as long as it takes.
    retryStrategy: (times) => Math.min(5_000, 100 * 2 ** Math.min(times, 6)),
  });
  const reporter = outage('redis', log);
  redis.on('error', (err: Error) => reporter.failed(err));
  redis.on('ready', () => reporter.recovered());
  return redis;
}

/** Fails fast with a clear message when Redis does not answer. */
export async function pingRedis(redis: Redis, url: string, timeoutMs = 5_000): Promise<void> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`Redis at ${url} did not answer within ${timeoutMs} ms`)), timeoutMs).unref(),
  );
  await Promise.race([redis.ping(), timeout]);
}
