import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import type { StancewatchConfig } from '../../src/config/index.js';
import { buildDemoConfig } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { ingestFile, openRuntime, startAnalysisThread } from '../../src/pipeline/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { LAST_UNPARTITIONED, migratePostgresFolder, migrationsUpTo } from '../helpers/migrations.js';
import { BROAD_ACTORS } from './broad-actors.js';
import { fmt } from './measure.js';
import { REAL_NEWS_FILE, realNewsTexts } from './texts.js';

// Storage per article (issue 19's bar: at most 10 KB an article beyond the text with the demo
// actors, a third of the previous layout's). The real pages are stored and analysed through the
// pipeline, then the same rows are written in the previous layout (text on articles, sentences,
// cue words and quotes repeated on every row) into a database migrated to 0013, in the same run.
// Both are VACUUM FULLed first: the steady size, without the dead rows of the analyses' updates.
// `npx tsx test/bench/storage.ts` runs this part alone.

const COPIES = Number(process.env.BENCH_STORAGE_COPIES ?? 16);

export interface StorageFigure {
  actors: string;
  articles: number;
  mentions: number;
  layout: 'previous' | 'compact';
  totalBytes: number;
  textBytes: number;
  tables: { name: string; bytes: number }[];
}

/** Every table's size with its indexes and TOAST (partitions added to their parent). */
async function sizes(sql: postgres.Sql): Promise<{ name: string; bytes: number }[]> {
  const rows = await sql<{ name: string; bytes: string }[]>`
    SELECT coalesce(parent.relname, c.relname) AS name, sum(pg_total_relation_size(c.oid))::bigint AS bytes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_inherits i ON i.inhrelid = c.oid LEFT JOIN pg_class parent ON parent.oid = i.inhparent
    WHERE n.nspname = 'public' AND c.relkind = 'r'
    GROUP BY 1 ORDER BY 2 DESC`;
  return rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
}

async function figure(sql: postgres.Sql, actors: string, layout: StorageFigure['layout'], textTable: string): Promise<StorageFigure> {
  await sql.unsafe('VACUUM FULL');
  await sql.unsafe('ANALYZE');
  const tables = await sizes(sql);
  const [c] = await sql.unsafe(`SELECT (SELECT count(*) FROM articles)::int AS articles, (SELECT count(*) FROM mentions)::int AS mentions,
    (SELECT coalesce(sum(octet_length(text)), 0) FROM ${textTable})::bigint AS text`);
  return {
    actors, layout, tables,
    articles: Number(c!.articles), mentions: Number(c!.mentions), textBytes: Number(c!.text),
    totalBytes: tables.reduce((n, t) => n + t.bytes, 0),
  };
}

/** Copies `query`'s rows from one database into `table` of another (its generated columns left to it). */
async function copyRows(from: postgres.Sql, to: postgres.Sql, query: string, table: string): Promise<void> {
  const cols = await to<{ c: string }[]>`SELECT column_name AS c FROM information_schema.columns
    WHERE table_name = ${table} AND table_schema = 'public' AND is_generated = 'NEVER' ORDER BY ordinal_position`;
  const list = cols.map((x) => `"${x.c}"`).join(', ');
  const rows = await from.unsafe(query);
  for (let i = 0; i < rows.length; i += 2_000) {
    const json = JSON.stringify(rows.slice(i, i + 2_000));
    await to.unsafe(`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::text::jsonb)`, [json]);
  }
}

/** The compact database's rows in the previous layout, as the code before migration 0014 wrote them. */
async function writePreviousLayout(from: postgres.Sql, to: postgres.Sql): Promise<void> {
  for (const t of ['outlets', 'actors', 'sources', 'source_aliases']) await copyRows(from, to, `SELECT * FROM ${t}`, t);
  await copyRows(from, to, `SELECT a.*, tx.text FROM articles a JOIN article_texts tx ON tx.article_id = a.id AND tx.month = a.month`, 'articles');
  await copyRows(from, to, `SELECT m.article_id, m.analyzer_version, m.actor_id, m.start, m."end", m.text, m.score, m.label, m.confidence, m.frames,
      coalesce(m.sentence, sw_span(a.title, tx.text, m.sentence_start, m.sentence_end)) AS sentence, m.sentence_start, m.sentence_end,
      coalesce(m.cues, sw_cues(m.cue_spans, a.title, tx.text)) AS cues
    FROM mentions m JOIN articles a ON a.id = m.article_id JOIN article_texts tx ON tx.article_id = a.id AND tx.month = a.month`, 'mentions');
  await copyRows(from, to, `SELECT at.article_id, at.analyzer_version, at.ordinal,
      coalesce(at.source_text, sw_span(a.title, tx.text, at.source_start, at.source_end)) AS source_text, at.source_kind, at.source_actor,
      at.source_start, at.source_end, at.via_text, at.via_kind, at.source_key, at.source_name, at.via_key,
      coalesce(at.cue, sw_span(a.title, tx.text, at.cue_start, at.cue_end)) AS cue, at.cue_start, at.cue_end,
      coalesce(at.content, sw_span(a.title, tx.text, at.content_start, at.content_end)) AS content, at.content_start, at.content_end,
      at.direct, at.targets
    FROM attributions at JOIN articles a ON a.id = at.article_id JOIN article_texts tx ON tx.article_id = a.id AND tx.month = a.month`, 'attributions');
  for (const t of ['article_actors', 'attribution_targets', 'stance_rollups', 'frame_rollups']) await copyRows(from, to, `SELECT * FROM ${t}`, t);
}

async function runFor(actorsName: string, config: StancewatchConfig, log: (s: string) => void): Promise<StorageFigure[]> {
  const real = realNewsTexts(config.outlets.map((o) => o.id))!;
  const dir = await mkdtemp(path.join(tmpdir(), 'sw-bench-storage-'));
  const file = path.join(dir, 'archive.jsonl');
  const lines: string[] = [];
  for (let c = 0; c < COPIES; c++) {
    for (const [i, a] of real.entries()) {
      // Two months of news: partitions hold many articles each, as a real month's do.
      const at = new Date(Date.UTC(2026, 0, 1) + ((c * real.length + i) % 59) * 86_400_000);
      lines.push(JSON.stringify({ outlet: a.outletId, url: `https://storage.example/${c}/${a.slug}`, title: a.title, published_at: at.toISOString(), text: a.text, language: 'en' }));
    }
  }
  await writeFile(file, lines.join('\n'));
  let compact: TestDatabase | undefined;
  let previous: TestDatabase | undefined;
  let folder: string | undefined;
  try {
    compact = await createTestDatabase();
    const env = { databaseUrl: compact.url, redisUrl: undefined, smtpUrl: undefined, smtpFrom: undefined, dataDir: dir, configPath: undefined, queuePrefix: 'unused', logLevel: undefined, port: undefined, reconcileIntervalMs: 300_000, stallCheckMs: 30_000, webAuth: { readers: [], admins: [] } };
    const rt = await openRuntime(env, config, silentLogger);
    const thread = await startAnalysisThread(config.actors);
    try {
      log(`  storage bench (${actorsName}): storing and analysing ${lines.length} real pages`);
      await ingestFile(rt.deps, file, { analyzeText: (t) => thread.analyze(t) });
      await rt.runner!.drain();
    } finally {
      await thread.close();
      await rt.close();
    }
    // The previous layout: a database migrated to 0013, filled with the same rows.
    const admin = postgres(compact.url, { max: 1, onnotice: () => {} });
    const name = `sw_bench_prev_${process.pid}`;
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
    const prevUrl = new URL(compact.url);
    prevUrl.pathname = `/${name}`;
    folder = await migrationsUpTo(LAST_UNPARTITIONED);
    await migratePostgresFolder(prevUrl.toString(), folder);
    const from = postgres(compact.url, { max: 1, onnotice: () => {} });
    const to = postgres(prevUrl.toString(), { max: 1, onnotice: () => {} });
    try {
      await writePreviousLayout(from, to);
      const figures = [await figure(to, actorsName, 'previous', 'articles'), await figure(from, actorsName, 'compact', 'article_texts')];
      return figures;
    } finally {
      await from.end();
      await to.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  } finally {
    await compact?.drop();
    await previous?.drop();
    if (folder) await rm(folder, { recursive: true, force: true });
    await rm(dir, { recursive: true, force: true });
  }
}

export async function benchStorage(log: (s: string) => void): Promise<StorageFigure[] | undefined> {
  const demo = buildDemoConfig('http://127.0.0.1:1');
  if (!realNewsTexts(demo.outlets.map((o) => o.id))) return undefined;
  const broad: StancewatchConfig = { ...demo, actors: BROAD_ACTORS.map((a) => ({ ...a, aliases: [...a.aliases], demonyms: [...a.demonyms] })) } as StancewatchConfig;
  return [...(await runFor(`demo actors (${demo.actors.length})`, demo, log)), ...(await runFor(`${BROAD_ACTORS.length}-actor list`, broad, log))];
}

export function formatStorageBench(figures: StorageFigure[] | undefined): string {
  if (!figures) return `storage bench skipped: ${REAL_NEWS_FILE} is absent`;
  const kb = (bytes: number, n: number) => fmt(bytes / n / 1024, 1);
  const out = [`storage per article, real pages x ${COPIES} (VACUUM FULL; every table with its indexes and TOAST):`];
  for (let i = 0; i + 1 < figures.length; i += 2) {
    const [prev, comp] = [figures[i]!, figures[i + 1]!];
    const n = comp.articles;
    const beyond = (f: StorageFigure) => f.totalBytes - f.textBytes;
    out.push(
      `${comp.actors}: ${n} articles, ${fmt(comp.mentions / n, 1)} mentions an article; text ${kb(comp.textBytes, n)} KB an article`,
      `  previous layout: ${kb(prev.totalBytes, n)} KB total, ${kb(beyond(prev), n)} KB beyond the text`,
      `  compact layout:  ${kb(comp.totalBytes, n)} KB total, ${kb(beyond(comp), n)} KB beyond the text ` +
        `(ratio to previous: ${fmt(beyond(comp) / beyond(prev), 2)} beyond the text, ${fmt(comp.totalBytes / prev.totalBytes, 2)} total)`,
      `  largest tables, compact (previous): ${comp.tables.slice(0, 7).map((t) => `${t.name} ${kb(t.bytes, n)} (${kb(prev.tables.find((p) => p.name === t.name)?.bytes ?? 0, n)})`).join(', ')} KB`,
    );
  }
  const demoBeyond = (figures[1]!.totalBytes - figures[1]!.textBytes) / figures[1]!.articles / 1024;
  out.push(`bar (issue 19): <= 10 KB an article beyond the text with the demo actors: ${fmt(demoBeyond, 1)} KB, ${demoBeyond <= 10 ? 'met' : 'not met'}`);
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchStorage((s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${formatStorageBench(figures)}\n`);
}
