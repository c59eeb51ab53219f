import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig } from '../../src/demo/index.js';
import { analyze } from '../../src/nlp/index.js';
import {
  openPglite,
  openPostgres,
  rebuildRollups,
  rowsOf,
  saveAnalyses,
  syncConfig,
  type DatabaseHandle,
  type Db,
} from '../../src/store/index.js';
import { TEST_PG_URL } from '../helpers/db.js';
import { LAST_UNPARTITIONED, migratePostgresFolder, migrationsUpTo } from '../helpers/migrations.js';

// Migration 0014 (compact rows, article text split out, monthly partitions) on a database written
// by the previous layout: every analyst view must return the same rows after it as before.

const config = buildDemoConfig('http://127.0.0.1:1');
const [outletA, outletB] = config.outlets.map((o) => o.id);

// Three articles: a plain one, one without a date (its month is the fetch's), and one with an
// emoji before its mentions (the analyzer's UTF-16 offsets and SQL's character offsets differ
// past it, so its spans must stay written out).
const ARTICLES = [
  {
    id: '00000000-0000-4000-8000-000000000001',
    outlet: outletA,
    title: 'Summit talks stall',
    text: 'Officials in Beijing said the European Union had betrayed its partners. China praised the new trade deal with Brazil, calling it a historic success.',
    publishedAt: '2026-03-14T08:00:00Z',
    fetchedAt: '2026-03-14T09:00:00Z',
  },
  {
    id: '00000000-0000-4000-8000-000000000002',
    outlet: outletB,
    title: 'Ministers meet again',
    text: 'The European Union condemned the Chinese blockade as illegal. "We will not accept this," a senior EU official said.',
    publishedAt: null,
    fetchedAt: '2026-05-02T10:00:00Z',
  },
  {
    id: '00000000-0000-4000-8000-000000000003',
    outlet: outletA,
    title: 'Reactions 🌍 pour in',
    text: 'China 🚢 welcomed the agreement warmly. "This is a great day," said a spokesman for the European Union, praising China.',
    publishedAt: '2026-05-20T12:00:00Z',
    fetchedAt: '2026-05-20T12:30:00Z',
  },
] as const;
const VERSION = 'migration-test';
const analysedText = (a: (typeof ARTICLES)[number]) => `${a.title}\n\n${a.text}`;

/** Rows as the previous layout stored them (text on articles, sentences and cue words on mentions). */
async function writeOldLayout(db: Db): Promise<void> {
  const json = (rows: unknown[]) => JSON.stringify(rows);
  for (const a of ARTICLES) {
    const analysis = analyze(analysedText(a), config.actors);
    await db.execute(sql`INSERT INTO articles (id, outlet_id, url, canonical_url, title, published_at, text, content_hash, fetched_at, analyzer_version, analyzed_at)
      VALUES (${a.id}::uuid, ${a.outlet}, ${`https://x.test/${a.id}`}, ${`https://x.test/${a.id}`}, ${a.title}, ${a.publishedAt}::timestamptz, ${a.text}, ${a.id}, ${a.fetchedAt}::timestamptz, ${VERSION}, now())`);
    const actors = analysis.actors.map((act) => ({
      article_id: a.id, actor_id: act.id, analyzer_version: VERSION, score: act.stance.score, label: act.stance.label,
      confidence: act.stance.confidence, mentions: act.mentions.length,
      frames: Object.fromEntries(Object.entries(act.frames).filter(([, v]) => typeof v === 'number')),
      positive_share: act.stance.positiveShare, negative_share: act.stance.negativeShare,
    }));
    const mentions = analysis.actors.flatMap((act) =>
      act.mentions.map((m) => ({
        article_id: a.id, analyzer_version: VERSION, actor_id: act.id, start: m.start, end: m.end, text: m.text,
        score: m.score, label: m.label, confidence: m.confidence, frames: m.frames,
        sentence: m.evidence.sentence.text, sentence_start: m.evidence.sentence.start, sentence_end: m.evidence.sentence.end,
        cues: m.evidence.cues,
        p_negative: m.probabilities.negative, p_neutral: m.probabilities.neutral, p_positive: m.probabilities.positive,
      })),
    );
    const attributions = analysis.attributions.map((at, ordinal) => ({
      article_id: a.id, analyzer_version: VERSION, ordinal,
      source_text: at.source?.text ?? null, source_kind: at.source?.kind ?? null, source_actor: at.source?.actor ?? null,
      source_start: at.source?.start ?? null, source_end: at.source?.end ?? null, via_text: at.via?.text ?? null, via_kind: at.via?.kind ?? null,
      cue: at.cue.text, cue_start: at.cue.start, cue_end: at.cue.end,
      content: at.content.text, content_start: at.content.start, content_end: at.content.end, direct: at.direct, targets: at.targets,
    }));
    const targets = analysis.attributions.flatMap((at, ordinal) =>
      [...new Map(at.targets.map((t) => [t.actor, t] as const)).values()].map((t) => ({
        article_id: a.id, analyzer_version: VERSION, ordinal, actor_id: t.actor, score: t.score, label: t.label,
      })),
    );
    for (const [table, rows] of [['article_actors', actors], ['mentions', mentions], ['attributions', attributions], ['attribution_targets', targets]] as const) {
      if (rows.length === 0) continue;
      await db.execute(sql`INSERT INTO ${sql.identifier(table)} SELECT * FROM jsonb_populate_recordset(NULL::${sql.identifier(table)}, ${json(rows)}::jsonb)`);
    }
  }
  await rebuildRollups(db);
}

/** Every analyst view's rows, each as JSON text, sorted. */
async function viewRows(db: Db): Promise<Record<string, string[]>> {
  const views = rowsOf<{ name: string }>(
    await db.execute(sql`SELECT table_name AS name FROM information_schema.views WHERE table_schema = current_schema() AND table_name LIKE 'v\\_%' ORDER BY 1`),
  ).map((r) => r.name);
  const out: Record<string, string[]> = {};
  for (const v of views) {
    out[v] = rowsOf<{ j: string }>(await db.execute(sql`SELECT to_jsonb(x)::text AS j FROM ${sql.identifier(v)} x ORDER BY 1`)).map((r) => r.j);
  }
  return out;
}

async function count(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number }>(await db.execute(query))[0]?.n);
}

/** The migration, then the same analyses saved again through today's store: same views each time. */
async function checkMigration(handle: DatabaseHandle, migrateOld: (folder: string) => Promise<void>): Promise<void> {
  const folder = await migrationsUpTo(LAST_UNPARTITIONED);
  try {
    await migrateOld(folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
  const db = handle.db;
  await syncConfig(db, config);
  await writeOldLayout(db);
  const before = await viewRows(db);
  const mentionsBefore = await count(db, sql`SELECT count(*)::int AS n FROM mentions`);
  expect(mentionsBefore).toBeGreaterThan(5);
  expect(before.v_attributions?.length).toBeGreaterThan(0);

  await handle.migrate();
  const after = await viewRows(db);
  // Later migrations add views of their own (0015: v_source_links); every earlier one is kept.
  expect(Object.keys(after)).toEqual(expect.arrayContaining(Object.keys(before)));
  for (const v of Object.keys(before)) expect(after[v], v).toEqual(before[v]);
  // The rows moved and shrank: the text is in its month's partition, sentences and cue words are
  // offsets, except in the article whose emoji puts SQL's offsets out of step.
  expect(await count(db, sql`SELECT count(*)::int AS n FROM mentions`)).toBe(mentionsBefore);
  expect(await count(db, sql`SELECT count(*)::int AS n FROM article_texts_p202605`)).toBe(2);
  expect(await count(db, sql`SELECT count(*)::int AS n FROM mentions WHERE sentence IS NOT NULL AND article_id <> ${ARTICLES[2].id}::uuid`)).toBe(0);
  expect(await count(db, sql`SELECT count(*)::int AS n FROM mentions WHERE cues IS NOT NULL AND article_id <> ${ARTICLES[2].id}::uuid`)).toBe(0);
  expect(await count(db, sql`SELECT count(*)::int AS n FROM mentions WHERE sentence IS NOT NULL AND article_id = ${ARTICLES[2].id}::uuid`)).toBeGreaterThan(0);

  // Today's store writes the same analyses compactly, and the views read them back the same.
  await saveAnalyses(
    db,
    ARTICLES.map((a) => ({ articleId: a.id, analysis: { ...analyze(analysedText(a), config.actors), analyzerVersion: VERSION }, text: analysedText(a) })),
  );
  const resaved = await viewRows(db);
  for (const v of ['v_mentions', 'v_attributions', 'v_sources', 'v_article_stance', 'v_stance_weekly']) {
    expect(resaved[v], v).toEqual(before[v]);
  }
  expect(await count(db, sql`SELECT count(*)::int AS n FROM mentions WHERE sentence IS NOT NULL AND article_id <> ${ARTICLES[2].id}::uuid`)).toBe(0);
}

describe('migration 0014 from the previous layout', () => {
  describe('on PostgreSQL', () => {
    const name = `sw_test_migration_${process.pid}`;
    let handle: DatabaseHandle;
    beforeAll(async () => {
      const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.unsafe(`CREATE DATABASE ${name}`);
      await admin.end();
    });
    afterAll(async () => {
      await handle?.close();
      const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    });
    it('keeps every view row and compacts the rows', async () => {
      const url = new URL(TEST_PG_URL);
      url.pathname = `/${name}`;
      handle = openPostgres(url.toString(), { max: 2 });
      await checkMigration(handle, (folder) => migratePostgresFolder(url.toString(), folder));
    });
  });

  describe('on PGlite', () => {
    let dir: string;
    let handle: DatabaseHandle;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'sw-pglite-migration-'));
    });
    afterAll(async () => {
      await handle?.close();
      await rm(dir, { recursive: true, force: true });
    });
    it('keeps every view row and compacts the rows', async () => {
      handle = await openPglite(dir);
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      await checkMigration(handle, async (folder) => {
        // The handle's drizzle instance runs on the PGlite client (the migrator needs the dialect's session).
        await migrate(handle.db as unknown as Parameters<typeof migrate>[0], { migrationsFolder: folder });
      });
    }, 120_000);
  });
});
