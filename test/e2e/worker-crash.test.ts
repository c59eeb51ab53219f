import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig, demoConfigInput, demoArticles } from '../../src/demo/index.js';
import { analyze } from '../../src/nlp/index.js';
import { createBullQueues, type BullQueues } from '../../src/queue/index.js';
import { ANALYZER_VERSION } from '../../src/nlp/index.js';
import { rowsOf, syncConfig, upsertArticle } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { count } from '../helpers/demo-assertions.js';
import { TEST_REDIS_URL, dropPrefix, requireRedis, testQueuePrefix } from '../helpers/redis.js';

const prefix = testQueuePrefix();
const COPIES = 6;
let dir: string;
let testDb: TestDatabase;
let redis: Redis;
let bull: BullQueues;
const children: ChildProcess[] = [];

function startWorker(configPath: string): ChildProcess {
  const child = spawn('node', ['--import', 'tsx', 'workers/analyze.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: testDb.url,
      REDIS_URL: TEST_REDIS_URL,
      STANCEWATCH_QUEUE_PREFIX: prefix,
      STANCEWATCH_CONFIG: configPath,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.push(child);
  return child;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  await requireRedis();
  dir = await mkdtemp(path.join(tmpdir(), 'sw-crash-'));
  testDb = await createTestDatabase();
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
  bull = createBullQueues({ connection: redis, prefix, analyzerVersion: ANALYZER_VERSION });
});

afterAll(async () => {
  for (const c of children) c.kill('SIGKILL');
  await bull?.close();
  redis?.disconnect();
  await dropPrefix(prefix);
  await testDb?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('an analyze worker killed mid-batch', () => {
  it('loses and duplicates nothing once another worker picks the jobs up', async () => {
    const configPath = path.join(dir, 'config.json');
    await writeFile(configPath, JSON.stringify(demoConfigInput('http://127.0.0.1:1')));
    const config = buildDemoConfig('http://127.0.0.1:1');
    const db = testDb.handle.db;
    await syncConfig(db, config);
    let expectedMentions = 0;
    for (let c = 0; c < COPIES; c++) {
      for (const a of demoArticles()) {
        const url = `https://${a.outletId}.crash.example/${c}/${a.slug}`;
        const text = a.paragraphs.join('\n\n');
        const r = await upsertArticle(db, {
          outletId: a.outletId, url, canonicalUrl: url, title: a.title, text,
          author: null, publishedAt: new Date(a.publishedAt), language: 'en',
        });
        expectedMentions += analyze(`${a.title}\n\n${text}`, config.actors).actors.reduce((n, x) => n + x.mentions.length, 0);
        await bull.dispatcher.enqueueAnalyze({ articleId: r.id, contentHash: r.contentHash });
      }
    }
    const total = COPIES * demoArticles().length;
    const analysed = async () => count(db, 'articles WHERE analyzer_version IS NOT NULL');

    const first = startWorker(configPath);
    await waitFor(async () => (await analysed()) > 0, 60_000, 'the first worker to save a batch');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const afterKill = await analysed();
    expect(afterKill).toBeLessThan(total);

    startWorker(configPath);
    // Jobs the killed worker held come back when their lock expires (BullMQ's stalled check).
    await waitFor(async () => (await analysed()) === total, 150_000, 'every article to be analysed');
    expect(await count(db, 'mentions')).toBe(expectedMentions);
    const dupes = rowsOf(await db.execute(sql`
      SELECT article_id FROM article_actors GROUP BY article_id, actor_id HAVING count(*) > 1`));
    expect(dupes).toEqual([]);
    expect(await bull.queues.analyze.getJobCounts('failed')).toEqual({ failed: 0 });
  }, 240_000);
});
