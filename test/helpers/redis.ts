import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A queue prefix of its own per test file, so parallel files never see each other's jobs. */
export function testQueuePrefix(): string {
  return `swtest-${randomBytes(5).toString('hex')}`;
}

/** Fails with the URL in the message when Redis does not answer. */
export async function requireRedis(): Promise<void> {
  const r = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true, connectTimeout: 3_000 });
  try {
    await r.connect();
    await r.ping();
  } catch (err) {
    throw new Error(`Redis at ${TEST_REDIS_URL} is required for integration tests`, { cause: err });
  } finally {
    r.disconnect();
  }
}

/** Deletes every key under a test prefix (BullMQ's obliterate, for all queues at once). */
export async function dropPrefix(prefix: string): Promise<void> {
  const r = new Redis(TEST_REDIS_URL);
  let cursor = '0';
  do {
    const [next, keys] = await r.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
    if (keys.length > 0) await r.del(...keys);
    cursor = next;
  } while (cursor !== '0');
  r.disconnect();
}
