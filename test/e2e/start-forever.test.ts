import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoConfigInput, demoArticles, startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { openPglite, rowsOf } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { TEST_REDIS_URL, dropPrefix, requireRedis, testQueuePrefix } from '../helpers/redis.js';

let dir: string;
let demo: DemoServer;
let configPath: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sw-start-'));
  demo = await startDemoServer();
  configPath = path.join(dir, 'config.json');
  await writeFile(configPath, JSON.stringify(demoConfigInput(demo.baseUrl)));
});

afterAll(async () => {
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Runs `start --config` until the log says every outlet was crawled, then sends SIGTERM. */
async function runUntilCrawled(env: Record<string, string>): Promise<{ code: number | null; log: string }> {
  const child = spawn('node', ['bin/stancewatch.js', 'start', '--config', configPath], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  let crawled = 0;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no three crawls within 150 s:\n${log}`)), 150_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      crawled = (log.match(/"msg":"crawl finished"/g) ?? []).length;
      if (crawled >= 3) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`exited early with ${code}:\n${log}`)));
  });
  // Let the analyses of the last crawl finish before asking the process to stop.
  await new Promise((r) => setTimeout(r, 3_000));
  child.removeAllListeners('exit');
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', (c) => resolve(c));
    child.kill('SIGTERM');
  });
  return { code, log };
}

describe('start with a config runs the whole pipeline until stopped', () => {
  it('in-process (no Redis): crawls on start, analyses, and exits cleanly on SIGTERM', async () => {
    const dataDir = path.join(dir, 'embedded');
    const { code, log } = await runUntilCrawled({ STANCEWATCH_DATA_DIR: dataDir });
    expect(log).toContain('pipeline running (in-process)');
    expect(code).toBe(0);
    // PGlite is single-process: read it once the pipeline has shut down.
    const db = await openPglite(dataDir);
    try {
      const rows = rowsOf<{ n: number }>(await db.db.execute(sql`SELECT count(*)::int AS n FROM articles WHERE analyzer_version IS NOT NULL`));
      expect(rows[0]!.n).toBe(demoArticles().length);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('with Redis: installs schedulers, runs every worker, stores everything, shuts down on SIGTERM', async () => {
    await requireRedis();
    const testDb: TestDatabase = await createTestDatabase();
    const prefix = testQueuePrefix();
    try {
      const { code, log } = await runUntilCrawled({
        DATABASE_URL: testDb.url,
        REDIS_URL: TEST_REDIS_URL,
        STANCEWATCH_QUEUE_PREFIX: prefix,
      });
      expect(log).toContain('pipeline running (BullMQ)');
      expect(code).toBe(0);
      const rows = rowsOf<{ n: number }>(await testDb.handle.db.execute(sql`SELECT count(*)::int AS n FROM articles`));
      expect(rows[0]!.n).toBe(demoArticles().length);
    } finally {
      await testDb.drop();
      await dropPrefix(prefix);
    }
  }, 180_000);
});
