import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { loadOutletData } from '../../src/pipeline/alert-series.js';
import { analyzeArticles, type PipelineDeps } from '../../src/pipeline/index.js';
import type { JobDispatcher } from '../../src/queue/index.js';
import {
  listSources,
  openPglite,
  outletQuotedSources,
  rowsOf,
  syncConfig,
  upsertArticle,
  upsertSources,
  type Db,
} from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

const config = buildDemoConfig('http://127.0.0.1:1');
const noDispatch: JobDispatcher = { enqueueCrawl: async () => {}, enqueueAnalyze: async () => {}, enqueueAlerts: async () => {} };

// Two outlets, two forms of one speaker: the full form with his role first, then the surname alone.
const FULL = {
  outletId: 'harbour-times',
  url: 'https://harbour.test/peskov-1',
  title: 'Moscow rejects new sanctions',
  text: "Kremlin spokesman Dmitry Peskov said on Monday that China had betrayed its partners and that Beijing's demands were unacceptable. A senior EU official said the bloc would wait.",
  publishedAt: new Date('2026-09-14T08:00:00Z'),
};
const BARE = {
  outletId: 'northern-wire',
  url: 'https://northern.test/peskov-2',
  title: 'Moscow hardens its tone',
  text: 'Peskov said China was making a grave mistake. "Beijing will regret this," Peskov told reporters.',
  publishedAt: new Date('2026-09-16T09:30:00Z'),
};

async function store(db: Db, a: typeof FULL): Promise<string> {
  const r = await upsertArticle(db, { ...a, canonicalUrl: a.url, author: null, language: 'en' });
  return r.id;
}

async function analyse(deps: PipelineDeps, ids: string[]): Promise<void> {
  const results = await analyzeArticles(deps, ids.map((articleId) => ({ articleId, contentHash: 'x' })));
  for (const r of results) if (r instanceof Error) throw r;
}

/** Every row the attribution store writes, as text, in a fixed order. */
async function snapshot(db: Db): Promise<string[]> {
  const q = async (query: ReturnType<typeof sql>) => rowsOf<Record<string, unknown>>(await db.execute(query)).map((r) => JSON.stringify(r));
  return [
    ...(await q(sql`SELECT * FROM sources ORDER BY key`)),
    ...(await q(sql`SELECT * FROM source_aliases ORDER BY alias, source_key`)),
    ...(await q(sql`SELECT article_id, analyzer_version, ordinal, source_text, source_key, source_name, via_key, cue, content FROM attributions ORDER BY 1, 2, 3`)),
    ...(await q(sql`SELECT * FROM attribution_targets ORDER BY article_id, analyzer_version, ordinal, actor_id`)),
  ];
}

describe('attribution store on PostgreSQL', () => {
  let testDb: TestDatabase;
  let db: Db;
  let deps: PipelineDeps;
  let fullId: string;
  let bareId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.handle.db;
    deps = { db, dispatcher: noDispatch, config, log: silentLogger };
    await syncConfig(db, config);
    fullId = await store(db, FULL);
    bareId = await store(db, BARE);
    // Separate batches: the bare surname is linked at query time, not through what the store knew.
    await analyse(deps, [fullId]);
    await analyse(deps, [bareId]);
  });

  afterAll(async () => {
    await testDb?.drop();
  });

  it('stores each article\'s own form and links a bare "Peskov" to "Dmitry Peskov" at query time', async () => {
    const people = (await listSources(db)).filter((s) => s.kind === 'person');
    expect(people.map((s) => s.key)).toEqual(['person:dmitry-peskov', 'person:peskov']);
    const [full, bare] = people;
    expect(full).toMatchObject({ name: 'Dmitry Peskov', surname: 'peskov', attributions: 1 });
    expect(full?.aliases).toEqual(['kremlin spokesman dmitry peskov']);
    expect(full?.firstSeen.toISOString()).toBe(FULL.publishedAt.toISOString());
    expect(bare).toMatchObject({ name: 'Peskov', attributions: 2 });
    expect(bare?.lastSeen.toISOString()).toBe(BARE.publishedAt.toISOString());
    // Stored: what each article says on its own, whatever was analysed first.
    const stored = rowsOf<{ article_id: string; source_key: string }>(
      await db.execute(sql`SELECT article_id, source_key FROM attributions WHERE source_kind = 'person' ORDER BY article_id, ordinal`),
    );
    expect(new Set(stored.map((r) => `${r.article_id === fullId ? 'full' : 'bare'} ${r.source_key}`))).toEqual(
      new Set(['full person:dmitry-peskov', 'bare person:peskov']),
    );
    const links = rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT * FROM v_source_links`));
    expect(links).toEqual([{ source_key: 'person:peskov', linked_key: 'person:dmitry-peskov', linked_name: 'Dmitry Peskov' }]);
    // The unnamed official is grouped by whom he speaks for.
    expect((await listSources(db, { keys: ['anonymous:eu'] }))[0]).toMatchObject({ kind: 'anonymous', actorId: 'eu' });
  });

  it('leaves identical rows when the same analyses are saved again, in one batch or apart', async () => {
    const before = await snapshot(db);
    expect(before.length).toBeGreaterThan(8);
    await analyse(deps, [fullId, bareId]);
    expect(await snapshot(db)).toEqual(before);
    await analyse(deps, [bareId]);
    expect(await snapshot(db)).toEqual(before);
  });

  it('answers "who speaks against China in outlet X" from attribution_targets through its index', async () => {
    const rows = rowsOf<{ source_key: string; source_name: string; quotes: number }>(
      await db.execute(sql`
        SELECT source_key, source_name, count(*)::int AS quotes FROM v_sources
        WHERE actor_id = 'china' AND label = 'negative' AND outlet_id = 'northern-wire'
        GROUP BY 1, 2 ORDER BY 3 DESC`),
    );
    expect(rows).toEqual([{ source_key: 'person:dmitry-peskov', source_name: 'Dmitry Peskov', quotes: 2 }]);
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      return rowsOf<{ 'QUERY PLAN': string }>(
        await tx.execute(sql`EXPLAIN SELECT * FROM v_sources WHERE actor_id = 'china' AND label = 'negative' AND outlet_id = 'northern-wire'`),
      ).map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('attribution_targets_actor_id_label_index');
  });

  it('v_sources_weekly counts a normalised source per actor, outlet and week', async () => {
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        SELECT outlet_id, period::text AS period, source_key, source_name, source_kind, quotes, articles, negative
        FROM v_sources_weekly WHERE actor_id = 'china' ORDER BY outlet_id, source_key`),
    );
    expect(rows).toEqual([
      { outlet_id: 'harbour-times', period: '2026-09-14', source_key: 'person:dmitry-peskov', source_name: 'Dmitry Peskov', source_kind: 'person', quotes: 1, articles: 1, negative: 1 },
      { outlet_id: 'northern-wire', period: '2026-09-14', source_key: 'person:dmitry-peskov', source_name: 'Dmitry Peskov', source_kind: 'person', quotes: 2, articles: 1, negative: 2 },
    ]);
  });

  it('v_attributions shows each attribution with its article, outlet, normalised source and targets', async () => {
    const rows = rowsOf<Record<string, unknown>>(
      await db.execute(sql`
        SELECT outlet_id, outlet_name, title, source, source_key, source_name, cue, targets
        FROM v_attributions WHERE article_id = ${bareId} ORDER BY ordinal`),
    );
    expect(rows.map((r) => [r.outlet_id, r.source, r.source_key, r.source_name, r.cue])).toEqual([
      ['northern-wire', 'Peskov', 'person:dmitry-peskov', 'Dmitry Peskov', 'said'],
      ['northern-wire', 'Peskov', 'person:dmitry-peskov', 'Dmitry Peskov', 'told'],
    ]);
    expect(rows[0]).toMatchObject({ outlet_name: 'Northern Wire', title: BARE.title });
    expect((rows[0]?.targets as { actor: string }[]).map((t) => t.actor)).toEqual(['china']);
  });

  it('feeds the alerts the normalised source key', async () => {
    const quoted = await outletQuotedSources(db, 'harbour-times');
    expect(quoted.find((q) => q.actorId === 'china')).toMatchObject({ key: 'person:dmitry-peskov', name: 'Dmitry Peskov' });
    const data = await loadOutletData(db, 'northern-wire');
    const sources = (data.byActor.get('china') ?? []).flatMap((p) => p.sources ?? []);
    expect(sources.map((s) => s.key)).toEqual(['person:dmitry-peskov', 'person:dmitry-peskov']);
  });

  // Last: it adds a second Peskov for good.
  it('links a bare surname to no one when two stored people share it', async () => {
    const other = await store(db, {
      outletId: 'harbour-times',
      url: 'https://harbour.test/peskov-3',
      title: 'A second Peskov',
      text: 'His colleague Ivan Peskov said China would have to wait for an answer.',
      publishedAt: new Date('2026-09-17T10:00:00Z'),
    });
    await analyse(deps, [other]);
    expect(rowsOf(await db.execute(sql`SELECT * FROM v_source_links`))).toEqual([]);
    const bare = rowsOf(await db.execute(sql`SELECT DISTINCT source_key FROM v_attributions WHERE article_id = ${bareId}`));
    expect(bare).toEqual([{ source_key: 'person:peskov' }]);
  });
});

describe('sources and the order they are written in', () => {
  // Two spellings of one key, an affiliation only one article knows: the stored row must be the
  // same whichever article's analysis is saved first, on PostgreSQL and on PGlite.
  const spellings = [
    { key: 'person:dmitry-peskov', name: 'Dmitry Peskov', kind: 'person', surname: 'peskov' },
    { key: 'person:dmitry-peskov', name: 'Dmitry PESKOV', kind: 'person', actor: 'russia', surname: 'peskov' },
  ];
  async function writtenInOrder(db: Db, order: number[], oneBatch: boolean) {
    await syncConfig(db, config);
    const ids = [await store(db, FULL), await store(db, BARE)];
    const rows = order.map((i) => ({ articleId: ids[i]!, source: spellings[i]! }));
    if (oneBatch) await db.transaction((tx) => upsertSources(tx, rows));
    else for (const r of rows) await db.transaction((tx) => upsertSources(tx, [r]));
    return rowsOf(await db.execute(sql`SELECT key, name, kind, actor_id, surname, first_seen, last_seen FROM sources`));
  }

  it('keeps the same name, affiliation and dates whichever came first, in one batch or two', async () => {
    const results = [];
    for (const [order, oneBatch] of [[[0, 1], false], [[1, 0], false], [[1, 0], true]] as const) {
      const t = await createTestDatabase();
      try {
        results.push(await writtenInOrder(t.handle.db, [...order], oneBatch));
      } finally {
        await t.drop();
      }
    }
    const dir = await mkdtemp(path.join(tmpdir(), 'sw-src-'));
    const handle = await openPglite(dir);
    try {
      await handle.migrate();
      results.push(await writtenInOrder(handle.db, [1, 0], false));
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
    expect(results[0]).toMatchObject([{ name: 'Dmitry PESKOV', actor_id: 'russia', surname: 'peskov' }]);
    for (const r of results.slice(1)) expect(r).toEqual(results[0]);
  });
});

describe('attribution store on PGlite', () => {
  it('migrates and links both forms to one source in its views', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sw-attr-'));
    const handle = await openPglite(dir);
    try {
      await handle.migrate();
      const deps: PipelineDeps = { db: handle.db, dispatcher: noDispatch, config, log: silentLogger };
      await syncConfig(handle.db, config);
      const ids = [await store(handle.db, FULL), await store(handle.db, BARE)];
      await analyse(deps, ids);
      const keys = rowsOf<{ source_key: string }>(
        await handle.db.execute(sql`SELECT DISTINCT source_key FROM attributions WHERE source_kind = 'person'`),
      );
      expect(keys.map((k) => k.source_key).sort()).toEqual(['person:dmitry-peskov', 'person:peskov']);
      const weekly = rowsOf<{ quotes: number }>(
        await handle.db.execute(sql`SELECT sum(quotes)::int AS quotes FROM v_sources_weekly WHERE source_key = 'person:dmitry-peskov'`),
      );
      expect(weekly).toEqual([{ quotes: 3 }]);
    } finally {
      await handle.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
