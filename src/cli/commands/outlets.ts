import type { Command } from 'commander';
import { enableFeeds, openDatabase, outletStatus, type OutletStatusRow } from '../../store/index.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';

const FORMATS = ['table', 'json'] as const;
type Format = (typeof FORMATS)[number];

function parseFormat(value: string): Format {
  if ((FORMATS as readonly string[]).includes(value)) return value as Format;
  throw new Error(`--format "${value}" is not one of ${FORMATS.join(', ')}`);
}

const when = (d: Date | null): string => (d === null ? '-' : d.toISOString().replace(/\.\d{3}Z$/, 'Z'));

function interval(ms: number | null): string {
  if (ms === null) return 'schedule';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms >= 60_000) return `${Math.round(ms / 6_000) / 10}m`;
  return `${Math.round(ms / 1_000)}s`;
}

/** Columns padded to their widest cell. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** One line per outlet, then one per listed feed or sitemap under it. */
export function formatOutletStatus(rows: OutletStatusRow[]): string {
  const outletsTable = table(
    ['outlet', 'last crawl', 'run', 'interval', 'articles', 'flagged', 'not analysed', 'new articles at'],
    rows.map((o) => [
      o.outletId,
      when(o.lastCrawlAt),
      o.lastCrawlStatus ?? '-',
      interval(o.pollIntervalMs),
      String(o.articles),
      String(o.flagged),
      String(o.skipped),
      when(o.lastNewArticlesAt),
    ]),
  );
  const feedRows = rows.flatMap((o) =>
    o.feeds.map((f) => [
      o.outletId,
      f.kind,
      f.url,
      when(f.lastFetchedAt),
      f.lastStatus === null ? '-' : String(f.lastStatus),
      String(f.consecutiveFailures),
      f.disabledAt === null ? (f.lastError ?? '') : `DISABLED ${when(f.disabledAt)}: ${f.disabledReason ?? ''}`,
    ]),
  );
  if (feedRows.length === 0) return outletsTable;
  const feedsTable = table(['outlet', 'kind', 'url', 'last fetch', 'http', 'failures', 'state'], feedRows);
  return `${outletsTable}\n\n${feedsTable}`;
}

/** `outlets status` and `outlets enable`: crawl state per outlet and feed, and re-enabling feeds. */
export function registerOutletsCommands(program: Command): void {
  const outlets = program.command('outlets').description('crawl state of the outlets and their feeds');
  const open = async () => {
    const { env } = cliContext(program.opts<{ config?: string }>().config);
    const handle = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
    await handle.migrate();
    return handle;
  };
  outlets
    .command('status')
    .description('per outlet and feed: last crawl, last status, failures in a row, disabled reason, polling interval, articles stored')
    .option('--outlet <id>', 'one outlet only (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .option('--format <format>', 'table | json', parseFormat, 'table' as Format)
    .action(async (opts: { outlet?: string[]; format: Format }) => {
      const handle = await open();
      try {
        const rows = await outletStatus(handle.db, opts.outlet);
        const unknown = (opts.outlet ?? []).filter((id) => !rows.some((r) => r.outletId === id));
        if (unknown.length > 0) throw new Error(`--outlet: no stored outlet ${unknown.map((u) => `"${u}"`).join(', ')}`);
        if (opts.format === 'json') printJson(rows);
        else process.stdout.write(`${formatOutletStatus(rows)}\n`);
      } finally {
        await handle.close();
      }
    });
  outlets
    .command('enable')
    .description('re-enable the feeds and sitemaps of an outlet that were disabled after failing too often')
    .argument('<id>', 'outlet id')
    .option('--feed <url>', 'only this feed or sitemap')
    .action(async (id: string, opts: { feed?: string }) => {
      const handle = await open();
      try {
        const known = await outletStatus(handle.db, [id]);
        if (known.length === 0) throw new Error(`outlet "${id}" is not stored (is it in the config, and has it been crawled or migrated?)`);
        if (opts.feed !== undefined && !known[0]!.feeds.some((f) => f.url === opts.feed)) {
          throw new Error(`--feed: "${opts.feed}" is not a listed feed or sitemap of outlet "${id}"`);
        }
        printJson({ outlet: id, enabled: await enableFeeds(handle.db, id, opts.feed) });
      } finally {
        await handle.close();
      }
    });
}
