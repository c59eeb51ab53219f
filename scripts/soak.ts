/**
 * `npm run soak`: the pipeline's analyze stage under crash loops and server restarts (not part of
 * `npm test`). It starts a PostgreSQL cluster of its own (initdb / pg_ctl) and a Redis of its own
 * with append-only persistence, on free loopback ports, so the machine's servers are never touched.
 *
 * Corpus: real news (PerSenT's dev articles and the extraction set's page bodies, from
 * ../shared/data), copied under distinct URLs until there are at least --articles (default 3,000).
 * Each phase analyses all of them from scratch (a database copied from one template) with two
 * analyze worker processes:
 *   calm   no faults: the reference digest;
 *   kills  --kills (default 100) SIGKILLs of a random worker at random moments, each restarted;
 *   redis  Redis shut down (SHUTDOWN, append-only file kept) and started again mid-run;
 *   pg     PostgreSQL restarted in fast mode mid-run.
 * After each: no job failed, both workers alive, and a digest of every analysis row (every table
 * with an analyzer_version column, and the rollups; timestamps left out) equal to the first calm
 * run's.
 *
 * The digest covers every column. Source identity is a function of the article alone (a bare
 * surname is linked to another article's full name at query time, by the v_source_links view),
 * so two calm runs, whose two workers take jobs in different orders, give the same digest; the
 * calm phase runs twice to show it. The digest without the source columns of attributions
 * ("source-free": attributions.source_key, source_name, via_key, attribution_targets.source_key,
 * the columns that once depended on order) is printed beside it, to tell a source difference
 * from any other.
 * Prints the digests and counts, and exits 1 when a check fails.
 *
 *   nice -n 10 npm run soak -- [--articles 3000] [--kills 100]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import postgres from 'postgres';
import { readPersent } from './stance/persent.js';
import { buildDemoConfig, demoConfigInput } from '../src/demo/index.js';
import { ANALYZER_VERSION } from '../src/nlp/index.js';
import { createBullQueues, type BullQueues } from '../src/queue/index.js';
import { openPostgres, syncConfig, upsertArticle } from '../src/store/index.js';
import { silentLogger } from '../src/log.js';
import { startOwnPostgres, startOwnRedis, type OwnPostgres, type OwnRedis } from '../test/helpers/own-servers.js';

const DATA = path.resolve('../shared/data');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} must be a positive integer`);
  return v;
};
const ARTICLES = arg('articles', 3_000);
const KILLS = arg('kills', 100);
const OUTLETS = ['soak-a', 'soak-b', 'soak-c', 'soak-d', 'soak-e', 'soak-f'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const say = (s: string) => process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${s}\n`);

function realTexts(): { title: string; text: string }[] {
  const persent = path.join(DATA, 'persent/dev.csv');
  const pages = path.join(DATA, 'extraction/truth.jsonl');
  if (!existsSync(persent) || !existsSync(pages)) {
    throw new Error(`the soak reads real news from ${DATA} (persent/dev.csv, extraction/truth.jsonl), which is absent`);
  }
  const out = readPersent(persent).map((d) => ({ title: d.title || `Article ${d.id}`, text: d.text }));
  for (const line of readFileSync(pages, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const p = JSON.parse(line) as { id: string; articleBody: string };
    out.push({ title: `Page ${p.id.slice(0, 8)}`, text: p.articleBody });
  }
  return out.filter((t) => t.text.trim().length > 200);
}

interface Phase {
  name: string;
  db: string;
  url: string;
  prefix: string;
  bull: BullQueues;
  redis: Redis;
  workers: ChildProcess[];
  stderr: string[];
}

/** Rows of every analysis table (timestamps left out), hashed; and the row counts. */
// The source columns, left out of the second digest: see the header.
const SOURCE_COLUMNS: Record<string, string[]> = {
  attributions: ['source_key', 'source_name', 'via_key'],
  attribution_targets: ['source_key'],
};

async function digest(url: string): Promise<{ digest: string; sourceFree: string; tables: Record<string, { rows: number; digest: string; sourceFree: string }> }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const tables = (
      await sql<{ table_name: string }[]>`
        SELECT DISTINCT c.table_name FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND (c.column_name = 'analyzer_version' OR c.table_name LIKE '%rollup%')
        ORDER BY 1`
    ).map((r) => r.table_name);
    const out: Record<string, { rows: number; digest: string; sourceFree: string }> = {};
    const all = createHash('sha256');
    const free = createHash('sha256');
    for (const table of tables) {
      const volatile = (
        await sql<{ column_name: string }[]>`
          SELECT column_name FROM information_schema.columns
          WHERE table_schema = 'public' AND table_name = ${table} AND data_type LIKE 'timestamp%'`
      ).map((r) => r.column_name);
      const minus = volatile.map((c) => ` - '${c}'`).join('');
      const minusOrder = (SOURCE_COLUMNS[table] ?? []).map((c) => ` - '${c}'`).join('');
      const rows = await sql.unsafe<{ r: string; f: string }[]>(
        `SELECT (to_jsonb(t)${minus})::text AS r, (to_jsonb(t)${minus}${minusOrder})::text AS f FROM "${table}" t ORDER BY 1`,
      );
      const h = createHash('sha256');
      for (const r of rows) h.update(r.r).update('\n');
      const hf = createHash('sha256');
      for (const f of rows.map((r) => r.f).sort()) hf.update(f).update('\n');
      const d = h.digest('hex');
      const df = hf.digest('hex');
      out[table] = { rows: rows.length, digest: d.slice(0, 16), sourceFree: df.slice(0, 16) };
      all.update(`${table}:${d}\n`);
      free.update(`${table}:${df}\n`);
    }
    return { digest: all.digest('hex').slice(0, 16), sourceFree: free.digest('hex').slice(0, 16), tables: out };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function main(): Promise<void> {
  const texts = realTexts();
  const copies = Math.ceil(ARTICLES / texts.length);
  say(`corpus: ${texts.length} real news texts x ${copies} copies = ${texts.length * copies} articles; ${KILLS} kills`);
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-soak-'));
  let pg: OwnPostgres | undefined;
  let redisServer: OwnRedis | undefined;
  const children: ChildProcess[] = [];
  const results: { phase: string; articles: number; digest: string; sourceFree: string; analysed: number; failed: number; alive: string; ms: number; notes: string[] }[] = [];
  try {
    [pg, redisServer] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
    say(`own PostgreSQL at ${pg.url}, own Redis (appendonly) at ${redisServer.url}`);
    const pgUrl = (db: string) => pg!.url.replace(/\/postgres$/, `/${db}`);
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('CREATE DATABASE soak_template');
    const input = demoConfigInput('http://127.0.0.1:1') as { outlets: Record<string, unknown>[] };
    const configInput = {
      ...input,
      outlets: OUTLETS.map((id) => ({ ...input.outlets[0], id, name: id, homepage: `http://127.0.0.1:1/${id}/`, feeds: [] })),
    };
    const configPath = path.join(dir, 'config.json');
    writeFileSync(configPath, JSON.stringify(configInput));
    const config = buildDemoConfig('http://127.0.0.1:1');
    const soakConfig = { ...config, outlets: OUTLETS.map((id) => ({ ...config.outlets[0]!, id, name: id, homepage: `http://127.0.0.1:1/${id}/`, feeds: [] })) };
    const template = openPostgres(pgUrl('soak_template'), { max: 4 });
    await template.migrate();
    await syncConfig(template.db, soakConfig);
    const ids: { articleId: string; contentHash: string }[] = [];
    for (let c = 0; c < copies; c++) {
      for (const [i, t] of texts.entries()) {
        const outletId = OUTLETS[(c * texts.length + i) % OUTLETS.length]!;
        const url = `https://${outletId}.soak.example/${c}/${i}`;
        const r = await upsertArticle(template.db, {
          outletId,
          url,
          canonicalUrl: url,
          title: t.title,
          text: t.text,
          author: null,
          publishedAt: new Date(Date.UTC(2026, 0, 1 + ((c * 7 + i) % 300))),
          language: 'en',
        });
        ids.push({ articleId: r.id, contentHash: r.contentHash });
      }
    }
    await template.close();
    say(`template database: ${ids.length} articles stored`);

    const startWorker = (phase: Phase, slot: number): ChildProcess => {
      const child = spawn('node', ['--max-old-space-size=256', '--import', 'tsx', 'workers/analyze.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: phase.url,
          REDIS_URL: redisServer!.url,
          STANCEWATCH_QUEUE_PREFIX: phase.prefix,
          STANCEWATCH_CONFIG: configPath,
          STANCEWATCH_STALL_CHECK_SECONDS: '5',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      child.stderr!.on('data', (d: Buffer) => phase.stderr.push(d.toString()));
      phase.workers[slot] = child;
      children.push(child);
      return child;
    };
    const analysed = async (phase: Phase) => {
      const sql = postgres(phase.url, { max: 1, onnotice: () => {}, connect_timeout: 5 });
      try {
        const [row] = await sql<{ n: string }[]>`SELECT count(*) AS n FROM articles WHERE analyzer_version = ${ANALYZER_VERSION}`;
        return Number(row?.n ?? 0);
      } finally {
        await sql.end({ timeout: 2 });
      }
    };
    const queueLeft = async (phase: Phase) => {
      const c = await phase.bull.queues.analyze.getJobCounts('waiting', 'prioritized', 'active', 'delayed');
      return Object.values(c).reduce((a, b) => a + (b ?? 0), 0);
    };
    const waitDrained = async (phase: Phase, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      let last = -1;
      for (;;) {
        try {
          const n = await analysed(phase);
          if (n !== last) {
            last = n;
          }
          if (n === ids.length && (await queueLeft(phase)) === 0) return;
        } catch {
          // A server of ours is restarting: ask again.
        }
        if (Date.now() > deadline) throw new Error(`${phase.name}: not drained after ${timeoutMs / 1000} s (${last} of ${ids.length} analysed)`);
        await sleep(1_000);
      }
    };
    const runPhase = async (name: string, fault: (phase: Phase) => Promise<string[]>) => {
      const db = `soak_${name}`;
      await admin.unsafe(`CREATE DATABASE ${db} TEMPLATE soak_template`);
      const redis = new Redis(redisServer!.url, { maxRetriesPerRequest: null });
      redis.on('error', () => undefined);
      const phase: Phase = {
        name,
        db,
        url: pgUrl(db),
        prefix: `soak-${name}`,
        bull: createBullQueues({ connection: redis, prefix: `soak-${name}`, analyzerVersion: ANALYZER_VERSION, log: silentLogger }),
        redis,
        workers: [],
        stderr: [],
      };
      const started = Date.now();
      for (const job of ids) await phase.bull.dispatcher.enqueueAnalyze(job);
      startWorker(phase, 0);
      startWorker(phase, 1);
      const notes = await fault(phase);
      await waitDrained(phase, 30 * 60_000);
      const ms = Date.now() - started;
      const failed = await phase.bull.queues.analyze.getFailedCount();
      const alive = phase.workers.map((w) => (w.exitCode === null && w.signalCode === null ? 'alive' : `exited ${w.exitCode ?? w.signalCode}`)).join(', ');
      const n = await analysed(phase);
      const d = await digest(phase.url);
      for (const w of phase.workers) w.kill('SIGTERM');
      await Promise.all(phase.workers.map((w) => (w.exitCode === null && w.signalCode === null ? new Promise((r) => w.once('exit', r)) : undefined)));
      await phase.bull.close();
      redis.disconnect();
      const crashes = phase.stderr.join('').split('\n').filter((l) => /TypeError|uncaught|"level":60/.test(l));
      if (crashes.length > 0) notes.push(`${crashes.length} fatal log lines, first: ${crashes[0]!.slice(0, 200)}`);
      results.push({ phase: name, articles: ids.length, digest: d.digest, sourceFree: d.sourceFree, analysed: n, failed, alive, ms, notes });
      say(`${name}: ${n}/${ids.length} analysed, ${failed} failed, workers ${alive}, digest all ${d.digest} source-free ${d.sourceFree}, ${Math.round(ms / 1000)} s${notes.length ? `; ${notes.join('; ')}` : ''}`);
      for (const [table, t] of Object.entries(d.tables)) say(`    ${table.padEnd(22)} ${String(t.rows).padStart(8)} rows  all ${t.digest}  source-free ${t.sourceFree}`);
      await admin.unsafe(`DROP DATABASE ${db} WITH (FORCE)`).catch(() => undefined);
    };

    await runPhase('calm', async () => []);
    await runPhase('calm2', async () => []);

    await runPhase('kills', async (phase) => {
      // Kills at random moments, each worker restarted at once: a crash loop.
      for (let k = 0; k < KILLS; k++) {
        await sleep(300 + Math.random() * 1_700);
        const slot = Math.random() < 0.5 ? 0 : 1;
        const victim = phase.workers[slot]!;
        const gone = victim.exitCode !== null || victim.signalCode !== null ? Promise.resolve() : new Promise((r) => victim.once('exit', r));
        victim.kill('SIGKILL');
        await gone;
        startWorker(phase, slot);
      }
      return [`${KILLS} SIGKILLs, each worker restarted`];
    });

    const midway = async (phase: Phase) => {
      const deadline = Date.now() + 10 * 60_000;
      while ((await analysed(phase)) < ids.length * 0.3 && Date.now() < deadline) await sleep(500);
    };

    await runPhase('redis', async (phase) => {
      await midway(phase);
      const at = await analysed(phase);
      await redisServer!.shutdown();
      await sleep(5_000);
      await redisServer!.start();
      return [`Redis SHUTDOWN at ${at} analysed, down 5 s, restarted from its append-only file`];
    });

    await runPhase('pg', async (phase) => {
      await midway(phase);
      const at = await analysed(phase);
      await pg!.restartFast();
      return [`PostgreSQL fast restart at ${at} analysed`];
    });
    await admin.end({ timeout: 5 }).catch(() => undefined);
  } finally {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all([pg?.destroy(), redisServer?.destroy()]);
    rmSync(dir, { recursive: true, force: true });
  }

  const calm = results.find((r) => r.phase === 'calm')!;
  process.stdout.write('\nphase   articles  analysed  failed  workers       digest (all)      digest (source-free)  all = calm  source-free = calm  seconds\n');
  let ok = true;
  for (const r of results) {
    const same = r.digest === calm.digest;
    const good = same && r.failed === 0 && r.analysed === r.articles && r.alive === 'alive, alive';
    ok &&= good;
    process.stdout.write(
      `${r.phase.padEnd(7)} ${String(r.articles).padStart(8)}  ${String(r.analysed).padStart(8)}  ${String(r.failed).padStart(6)}  ${r.alive.padEnd(12)}  ${r.digest}  ${r.sourceFree}      ${same ? 'yes' : 'NO '}         ${r.sourceFree === calm.sourceFree ? 'yes' : 'no '}                 ${Math.round(r.ms / 1000)}\n`,
    );
  }
  process.stdout.write(`\n${ok ? 'soak passed' : 'SOAK FAILED'}\n`);
  if (!ok) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`soak: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
});
