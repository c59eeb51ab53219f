import { randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { startProgress } from '../../progress/index.js';
import { progressFlags } from '../options.js';
import { EXPORT_FORMATS, exportEncoder, type ExportFormat } from '../../analytics/index.js';
import {
  ANALYST_ROLE,
  ANALYST_VIEWS,
  createAnalystLogin,
  exportView,
  grantAnalystRole,
  isAnalystView,
  openDatabase,
  rebuildRollups,
  rollupDrift,
  topSources,
  viewColumns,
  type Db,
} from '../../store/index.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';

type ContextOf = () => ReturnType<typeof cliContext>;

async function withDb<T>(ctxOf: ContextOf, run: (db: Db, kind: 'postgres' | 'pglite') => Promise<T>): Promise<T> {
  const { env } = ctxOf();
  const handle = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    await handle.migrate();
    return await run(handle.db, handle.kind);
  } finally {
    await handle.close();
  }
}

function day(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new Error(`--${name} must be a day like 2026-08-03 (got "${value}")`);
  }
  return value;
}

function registerSources(program: Command, ctxOf: ContextOf): void {
  program
    .command('sources')
    .description('who is quoted about an actor (v_sources), the most quoted first')
    .requiredOption('--actor <id>', 'actor id')
    .option('--outlet <id>', 'only this outlet')
    .option('--since <date>', 'only quotes published on or after this day')
    .option('--until <date>', 'only quotes published up to this day')
    .option('--limit <n>', 'at most this many sources', '20')
    .option('--format <format>', 'table | json', 'table')
    .action(async (o: { actor: string; outlet?: string; since?: string; until?: string; limit: string; format: string }) => {
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new Error(`--limit must be a positive integer (got "${o.limit}")`);
      if (o.format !== 'table' && o.format !== 'json') throw new Error(`--format must be table or json (got "${o.format}")`);
      const since = day('since', o.since);
      const until = day('until', o.until);
      const rows = await withDb(ctxOf, (db) =>
        topSources(db, {
          actorId: o.actor,
          limit,
          ...(o.outlet ? { outletIds: [o.outlet] } : {}),
          ...(since ? { from: since } : {}),
          ...(until ? { to: until } : {}),
        }),
      );
      if (o.format === 'json') return printJson(rows);
      if (rows.length === 0) return void process.stdout.write(`no attributed quotes about "${o.actor}"\n`);
      const lines = rows.map((r) =>
        [String(r.quotes).padStart(6), String(r.articles).padStart(8), (r.meanStance === null ? '' : r.meanStance.toFixed(2)).padStart(6), `${r.source}${r.sourceKind ? ` (${r.sourceKind})` : ''}`].join('  '),
      );
      process.stdout.write(`quotes  articles  stance  source\n${lines.join('\n')}\n`);
    });
}

/** Writes to a file, or to standard output when no file is given, waiting when it is full. */
function output(file: string | undefined): { write(chunk: string | Uint8Array): Promise<void>; close(): Promise<void> } {
  const stream: NodeJS.WritableStream | WriteStream = file ? createWriteStream(file) : process.stdout;
  return {
    async write(chunk) {
      if (chunk.length === 0) return;
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
    async close() {
      if (file) await new Promise<void>((resolve, reject) => (stream as WriteStream).end((err?: Error | null) => (err ? reject(err) : resolve())));
    },
  };
}

function registerExport(program: Command, ctxOf: ContextOf): void {
  program
    .command('export')
    .description("export one analysts' view for a notebook, filtered on its time column")
    .requiredOption('--view <name>', `one of ${Object.keys(ANALYST_VIEWS).join(', ')}`)
    .option('--format <format>', 'csv | json | parquet', 'csv')
    .option('--since <date>', 'rows on or after this day (UTC)')
    .option('--until <date>', 'rows up to the end of this day (UTC)')
    .option('--out <file>', 'write here instead of standard output')
    .action(async (o: { view: string; format: string; since?: string; until?: string; out?: string }) => {
      if (!isAnalystView(o.view)) throw new Error(`--view must be one of ${Object.keys(ANALYST_VIEWS).join(', ')} (got "${o.view}")`);
      if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new Error(`--format must be csv, json or parquet (got "${o.format}")`);
      if (o.format === 'parquet' && o.out === undefined && process.stdout.isTTY) throw new Error('parquet is binary: pass --out FILE or redirect the output');
      const view = o.view;
      const range = { ...(o.since ? { since: day('since', o.since)! } : {}), ...(o.until ? { until: day('until', o.until)! } : {}) };
      const rows = await withDb(ctxOf, async (db) => {
        const encoder = exportEncoder(o.format as ExportFormat, await viewColumns(db, view));
        const out = output(o.out);
        try {
          await out.write(encoder.begin());
          const n = await exportView(db, view, range, (batch) => out.write(encoder.rows(batch)));
          await out.write(encoder.end());
          return n;
        } finally {
          await out.close();
        }
      });
      if (o.out) process.stderr.write(`exported ${rows} rows of ${view} to ${o.out}\n`);
    });
}

function registerRollups(program: Command, ctxOf: ContextOf): void {
  const rollups = program.command('rollups').description('the rollup tables behind the trend views');
  rollups
    .command('rebuild')
    .description('recompute stance_rollups and frame_rollups from the analyses (writers wait meanwhile)')
    .action(async () => {
      const started = performance.now();
      const flags = progressFlags(program);
      const progress = startProgress({ label: 'rollups rebuild', unit: 'tables', total: 2, ...flags });
      let written;
      try {
        written = await withDb(ctxOf, (db) => rebuildRollups(db, { onStep: (done) => progress.update(done) }));
      } finally {
        progress.stop();
      }
      printJson({ ...written, seconds: Math.round((performance.now() - started) / 100) / 10 });
    });
  rollups
    .command('check')
    .description('count rollup rows that differ from a fresh computation (0 when incremental upkeep kept up); exit 1 if any')
    .action(async () => {
      const drift = await withDb(ctxOf, (db) => rollupDrift(db));
      printJson(drift);
      if (drift.stance + drift.frames > 0) process.exitCode = 1;
    });
}

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0] ?? '';
}

function registerRoles(program: Command, ctxOf: ContextOf): void {
  program
    .command('roles')
    .description(`make sure the read-only role ${ANALYST_ROLE} exists and reads every v_* view; optionally add a login for one analyst`)
    .option('--login <name>', `create (or reset) a login role that is a member of ${ANALYST_ROLE}`)
    .option('--password-stdin', "read the login's password from standard input (default: generate one and print it)")
    .action(async (o: { login?: string; passwordStdin?: boolean }) => {
      let password: string | undefined;
      if (o.login !== undefined) {
        password = o.passwordStdin ? await firstLine(process.stdin) : randomBytes(18).toString('base64url');
        if (!password) throw new Error('the password read from standard input is empty');
      }
      await withDb(ctxOf, async (db, kind) => {
        if (kind === 'pglite' && o.login !== undefined) throw new Error('logins need PostgreSQL (DATABASE_URL): the embedded PGlite accepts no connections');
        const views = await grantAnalystRole(db);
        process.stdout.write(`${ANALYST_ROLE} reads ${views.length} views: ${views.join(', ')}\n`);
        if (o.login !== undefined && password !== undefined) {
          await createAnalystLogin(db, o.login, password);
          process.stdout.write(`login ${o.login} is a member of ${ANALYST_ROLE}${o.passwordStdin ? '' : `; password: ${password}`}\n`);
        }
      });
    });
}

/** sources, export, rollups rebuild|check, roles: the analysts' commands. */
export function registerAnalystCommands(program: Command): void {
  const ctxOf = () => cliContext(program.opts<{ config?: string }>().config, 'warn');
  registerSources(program, ctxOf);
  registerExport(program, ctxOf);
  registerRollups(program, ctxOf);
  registerRoles(program, ctxOf);
}
