import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { readPersent } from '../../scripts/stance/persent.js';
import { buildDemoConfig } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { analyzeArticles, type PipelineDeps } from '../../src/pipeline/index.js';
import type { JobDispatcher } from '../../src/queue/index.js';
import { rowsOf, syncConfig, upsertArticle, type Db } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

// Two workers take articles in no fixed order: the rows stored for an article must not depend on
// which articles were analysed before it (issue 17; a bare surname once took its full name from
// earlier articles).
const PERSENT = path.resolve('../shared/data/persent/dev.csv');
const hasData = existsSync(PERSENT);
const why = hasData ? '' : ` (skipped: ${PERSENT}, real news, is absent; it sits beside the repo in ../shared/data)`;
const config = buildDemoConfig('http://127.0.0.1:1');
const outlets = config.outlets.map((o) => o.id);
const noDispatch: JobDispatcher = { enqueueCrawl: async () => {}, enqueueAnalyze: async () => {}, enqueueAlerts: async () => {} };

interface Doc { url: string; title: string; text: string; publishedAt: Date }

/** Real news, and a pair where a later article calls a person by the surname an earlier one completes. */
function corpus(): Doc[] {
  const pair: Doc[] = [
    { url: 'https://order.test/full', title: 'Moscow rejects new sanctions', text: "Kremlin spokesman Dmitry Peskov said on Monday that China had betrayed its partners and that Beijing's demands were unacceptable.", publishedAt: new Date('2026-09-14T08:00:00Z') },
    { url: 'https://order.test/bare', title: 'Moscow hardens its tone', text: 'Peskov said China was making a grave mistake. "Beijing will regret this," Peskov told reporters.', publishedAt: new Date('2026-09-16T09:30:00Z') },
  ];
  const news = readPersent(PERSENT)
    .slice(0, 120)
    .map((d, i) => ({ url: `https://order.test/persent/${d.id}`, title: d.title || `Article ${d.id}`, text: d.text, publishedAt: new Date(Date.UTC(2026, 0, 1 + (i % 60))) }));
  return [...pair, ...news];
}

/**
 * Every row of every analysis table (those with an analyzer_version, the rollups, and the sources
 * the views name quotes by), timestamps
 * left out and article ids given as the article's URL (the two databases draw different ids).
 */
async function analysisRows(db: Db): Promise<Record<string, string[]>> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`
      SELECT DISTINCT c.table_name FROM information_schema.columns c
      JOIN pg_class k ON k.relname = c.table_name AND k.relkind IN ('r', 'p') AND NOT k.relispartition
      WHERE c.table_schema = 'public'
        AND (c.column_name = 'analyzer_version' OR c.table_name LIKE '%rollup%' OR c.table_name = 'sources')
      ORDER BY 1`),
  ).map((r) => r.table_name);
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    const columns = rowsOf<{ column_name: string; data_type: string }>(
      await db.execute(sql`SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table}`),
    );
    const minus = columns
      .filter((c) => c.data_type.startsWith('timestamp') || c.data_type === 'uuid' || (table === 'articles' && c.column_name === 'cluster_id'))
      .map((c) => ` - '${c.column_name}'`)
      .join('');
    const url = table === 'articles' ? 't.url' : columns.some((c) => c.column_name === 'article_id') ? '(SELECT a.url FROM articles a WHERE a.id = t.article_id)' : `''`;
    const rows = rowsOf<{ r: string }>(
      await db.execute(sql.raw(`SELECT ((to_jsonb(t)${minus}) || jsonb_build_object('@url', ${url}))::text AS r FROM "${table}" t ORDER BY 1`)),
    );
    out[table] = rows.map((r) => r.r);
  }
  return out;
}

/** A fresh database with the corpus stored, analysed in batches of `batch` in the given order. */
async function analyseInOrder(docs: readonly Doc[], batch: number): Promise<TestDatabase> {
  const t = await createTestDatabase();
  const db = t.handle.db;
  await syncConfig(db, config);
  const ids = new Map<string, string>();
  // Stored in one fixed order: only the analysis order differs between the two databases.
  for (const [i, d] of [...docs].sort((a, b) => a.url.localeCompare(b.url)).entries()) {
    const r = await upsertArticle(db, { ...d, outletId: outlets[i % outlets.length]!, canonicalUrl: d.url, author: null, language: 'en' });
    ids.set(d.url, r.id);
  }
  const deps: PipelineDeps = { db, dispatcher: noDispatch, config, log: silentLogger };
  for (let i = 0; i < docs.length; i += batch) {
    const jobs = docs.slice(i, i + batch).map((d) => ({ articleId: ids.get(d.url)!, contentHash: 'x' }));
    for (const r of await analyzeArticles(deps, jobs)) if (r instanceof Error) throw r;
  }
  return t;
}

describe('stored analysis and the order articles are analysed in', () => {
  const dbs: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(dbs.map((d) => d.drop()));
  });

  it.skipIf(!hasData)(`stores identical rows when the same articles are analysed in two different orders${why}`, async () => {
    const docs = corpus();
    // Forwards in one batch (the full name first), then backwards in batches of 7 (the bare surname first).
    dbs.push(await analyseInOrder(docs, docs.length));
    dbs.push(await analyseInOrder([...docs].reverse(), 7));
    const [a, b] = await Promise.all(dbs.map((d) => analysisRows(d.handle.db)));
    expect(Object.keys(a!)).toEqual(expect.arrayContaining(['articles', 'attributions', 'attribution_targets', 'mentions', 'article_actors', 'sources']));
    expect(a!.attributions!.length).toBeGreaterThan(100);
    for (const table of Object.keys(a!)) expect({ table, rows: b![table] }).toEqual({ table, rows: a![table] });
    // The bare "Peskov" is stored as written in both, and linked to the full name at query time.
    const links = rowsOf<{ source_key: string; linked_key: string }>(
      await dbs[1]!.handle.db.execute(sql`SELECT source_key, linked_key FROM v_source_links WHERE source_key = 'person:peskov'`),
    );
    expect(links).toEqual([{ source_key: 'person:peskov', linked_key: 'person:dmitry-peskov' }]);
  });
});
