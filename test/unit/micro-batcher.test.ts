import { describe, expect, it } from 'vitest';
import { createMicroBatcher } from '../../src/queue/index.js';

describe('createMicroBatcher', () => {
  it('groups concurrent submissions and gives each caller its own result or error', async () => {
    const batches: number[][] = [];
    const b = createMicroBatcher(
      async (items: number[]) => {
        batches.push(items);
        return items.map((n) => (n < 0 ? new Error(`bad ${n}`) : n * 10));
      },
      { maxSize: 3, maxWaitMs: 5 },
    );
    const results = await Promise.allSettled([1, 2, -3, 4].map((n) => b.submit(n)));
    expect(batches).toEqual([[1, 2, -3], [4]]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      10,
      20,
      'bad -3',
      40,
    ]);
  });

  it('fails every caller of a batch whose flush throws, and keeps working afterwards', async () => {
    let calls = 0;
    const b = createMicroBatcher(
      async (items: string[]) => {
        if (calls++ === 0) throw new Error('database down');
        return items;
      },
      { maxSize: 10, maxWaitMs: 1 },
    );
    const first = await Promise.allSettled([b.submit('a'), b.submit('b')]);
    expect(first.every((r) => r.status === 'rejected' && (r.reason as Error).message === 'database down')).toBe(true);
    expect(await b.submit('c')).toBe('c');
  });
});
