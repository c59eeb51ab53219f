import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { createBullQueues, type BullQueues } from '../../src/queue/index.js';

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

/**
 * A BullMQ queue set on a prefix of this test file's own, opened before its tests and dropped
 * (every key) after them. Read `bull` and `redis` inside tests, once beforeAll has run.
 */
export function useBullQueues(analyzerVersion = 'test-1'): { readonly prefix: string; readonly bull: BullQueues; readonly redis: Redis } {
  const prefix = testQueuePrefix();
  let bull: BullQueues | undefined;
  let redis: Redis | undefined;
  beforeAll(async () => {
    await requireRedis();
    redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    bull = createBullQueues({ connection: redis, prefix, analyzerVersion });
  });
  afterAll(async () => {
    await bull?.close();
    redis?.disconnect();
    await dropPrefix(prefix);
  });
  const opened = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('useBullQueues: read bull and redis inside a test, after beforeAll');
    return x;
  };
  return {
    prefix,
    get bull() {
      return opened(bull);
    },
    get redis() {
      return opened(redis);
    },
  };
}
