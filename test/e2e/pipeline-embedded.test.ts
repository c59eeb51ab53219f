import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../../src/config/index.js';
import { DEMO_SHIFT, startDemoServer } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { openRuntime, scanAlerts } from '../../src/pipeline/index.js';
import { listAlerts } from '../../src/store/index.js';
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
      // The demo ends with its planted alert, and `alerts scan` over the stored history finds the
      // same change again.
      const planted = (a: { outletId: string; actorId: string }) =>
        a.outletId === DEMO_SHIFT.outletId && a.actorId === DEMO_SHIFT.actorId;
      const stored = (await listAlerts(first.rt.deps.db)).filter(planted);
      expect(stored.length).toBeGreaterThanOrEqual(1);
      const weeksOff = (at: Date | string) => Math.abs(new Date(at).getTime() - Date.parse(DEMO_SHIFT.changeAt)) / (7 * 86_400_000);
      expect(Math.min(...stored.map((a) => weeksOff(a.changeAt)))).toBeLessThanOrEqual(1);
      const scan = await scanAlerts(first.rt.deps, { since: new Date(0), send: false });
      const found = scan.flatMap((r) => r.found).filter(planted);
      expect(found.length).toBeGreaterThanOrEqual(1);
      expect(Math.min(...found.map((f) => weeksOff(f.changeAt)))).toBeLessThanOrEqual(1);
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
    // Two crawls of the whole demo world in PGlite: about 50 s alone on a loaded two-core machine.
  }, 240_000);
});
