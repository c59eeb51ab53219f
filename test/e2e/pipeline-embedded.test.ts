import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/index.js';
import { startDemoServer } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { openRuntime } from '../../src/pipeline/index.js';
import { count, expectDemoWorldStored } from '../helpers/demo-assertions.js';

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'sw-embedded-'));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** One demo crawl on a fresh demo server (a new loopback port each time, as in `npm start`). */
async function crawlDemoOnce() {
  const demo = await startDemoServer();
  const env = loadEnv({ STANCEWATCH_DATA_DIR: dataDir });
  const rt = await openRuntime(env, demo.config(), silentLogger, { crawl: { maxConcurrency: 8 } });
  try {
    expect(rt.mode).toBe('embedded');
    expect(rt.database.kind).toBe('pglite');
    for (const o of demo.config().outlets) await rt.runner!.enqueueCrawl({ outletId: o.id, trigger: 'demo' });
    const stats = await rt.runner!.drain();
    const counts = {
      articles: await count(rt.deps.db, 'articles'),
      mentions: await count(rt.deps.db, 'mentions'),
      articleActors: await count(rt.deps.db, 'article_actors'),
      alerts: await count(rt.deps.db, 'alerts'),
    };
    return { rt, stats, counts, close: async () => Promise.all([rt.close(), demo.close()]) };
  } catch (err) {
    await Promise.all([rt.close(), demo.close()]);
    throw err;
  }
}

describe('the demo world in the embedded mode (PGlite + in-process runner)', () => {
  it('stores, analyses and trends every article; a second run adds nothing', async () => {
    const first = await crawlDemoOnce();
    try {
      expect(first.stats.failed).toEqual([]);
      await expectDemoWorldStored(first.rt.deps.db);
    } finally {
      await first.close();
    }
    const second = await crawlDemoOnce();
    try {
      expect(second.counts).toEqual(first.counts);
      // Unchanged articles are not analysed again.
      expect(second.stats.completed.analyze).toBe(0);
    } finally {
      await second.close();
    }
  });
});
