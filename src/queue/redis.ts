import { Redis } from 'ioredis';
import type { Logger } from '../log.js';

/**
 * A Redis connection for BullMQ. `maxRetriesPerRequest: null` is what BullMQ workers require so
 * that blocking commands survive reconnects.
 */
export function createRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
  redis.on('error', (err: Error) => log.error({ err: err.message }, 'redis error'));
  return redis;
}

/** Fails fast with a clear message when Redis does not answer. */
export async function pingRedis(redis: Redis, url: string, timeoutMs = 5_000): Promise<void> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`Redis at ${url} did not answer within ${timeoutMs} ms`)), timeoutMs).unref(),
  );
  await Promise.race([redis.ping(), timeout]);
}
