import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig, demoArticles } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { analyze } from '../../src/nlp/index.js';
import { analyzeArticles, startAnalysisThread, type AnalysisThread, type PipelineDeps } from '../../src/pipeline/index.js';
import type { JobDispatcher } from '../../src/queue/index.js';
import { rowsOf, syncConfig, upsertArticle, type Db } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const config = buildDemoConfig('http://127.0.0.1:1');
const noDispatch: JobDispatcher = { enqueueCrawl: async () => {}, enqueueAnalyze: async () => {}, enqueueAlerts: async () => {} };
const texts = demoArticles()
  .slice(0, 12)
  .map((a) => `${a.title}\n\n${a.paragraphs.join('\n\n')}`);

describe('analysis thread', () => {
  let thread: AnalysisThread;
  beforeAll(async () => {
    thread = await startAnalysisThread(config.actors);
  }, 60_000);
  afterAll(async () => {
    await thread.close();
  });

  it('gives the analyses the calling thread would, each to its own text, when many are sent at once', async () => {
    const fromThread = await Promise.all(texts.map((t) => thread.analyze(t)));
    expect(fromThread).toEqual(texts.map((t) => analyze(t, config.actors)));
    expect(fromThread.some((a) => a.actors.length > 0)).toBe(true);
  });

  it('refuses work once closed, with a reason', async () => {
    const other = await startAnalysisThread(config.actors);
    await other.close();
    await expect(other.analyze(texts[0] ?? '')).rejects.toThrow(/analysis thread is closed/);
  }, 60_000);
});

describe('analyzeArticles with an analysis thread that fails one article', () => {
  let testDb: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.handle.db;
    await syncConfig(db, config);
  });
  afterAll(async () => {
    await testDb.drop();
  });

  it('fails that job alone with its reason and saves the others', async () => {
    const ids: string[] = [];
    for (const [i, a] of demoArticles().slice(0, 3).entries()) {
      const url = `https://thread.test/${i}`;
      const r = await upsertArticle(db, {
        outletId: a.outletId, url, canonicalUrl: url, title: a.title, text: a.paragraphs.join('\n\n'),
        author: null, publishedAt: new Date(a.publishedAt), language: 'en',
      });
      ids.push(r.id);
    }
    const poisoned = demoArticles()[1]?.title ?? '';
    const deps: PipelineDeps = {
      db, dispatcher: noDispatch, config, log: silentLogger,
      analyzeText: async (text) => {
        if (text.startsWith(poisoned)) throw new Error('analysis failed: the thread could not read it');
        return analyze(text, config.actors);
      },
    };
    const results = await analyzeArticles(deps, ids.map((articleId) => ({ articleId, contentHash: 'x' })));
    expect(results[1]).toBeInstanceOf(Error);
    expect((results[1] as Error).message).toMatch(/could not read it/);
    expect(results[0]).not.toBeInstanceOf(Error);
    expect(results[2]).not.toBeInstanceOf(Error);
    const analysed = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM articles WHERE analyzer_version IS NOT NULL ORDER BY id`)).map((r) => r.id);
    expect(analysed).toEqual([ids[0], ids[2]].sort());
  });
});
