import type { Command } from 'commander';
import { formatTrends, type TrendFormat } from '../../analytics/index.js';
import { openDatabase, stanceTrend, type TrendInterval } from '../../store/index.js';
import { cliContext } from '../context.js';

const INTERVALS = ['day', 'week', 'month'] as const;
const FORMATS = ['table', 'csv', 'json'] as const;

function oneOf<T extends string>(name: string, allowed: readonly T[], value: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw new Error(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  }
  return value as T;
}

/** Commands that only read the analysts' views. */
export function registerReadCommands(program: Command): void {
  program
    .command('trends')
    .description('stance of an actor per outlet and period, from the v_stance_* views')
    .requiredOption('--actor <id>', 'actor id from the config')
    .option('--outlet <id>', 'only this outlet')
    .option('--interval <interval>', 'day | week | month', 'week')
    .option('--format <format>', 'table | csv | json', 'table')
    .action(async (opts: { actor: string; outlet?: string; interval: string; format: string }) => {
      const interval = oneOf<TrendInterval>('interval', INTERVALS, opts.interval);
      const format = oneOf<TrendFormat>('format', FORMATS, opts.format);
      const { env } = cliContext(program.opts<{ config?: string }>().config);
      const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
      try {
        await db.migrate();
        const rows = await stanceTrend(db.db, {
          actorId: opts.actor,
          interval,
          ...(opts.outlet ? { outletId: opts.outlet } : {}),
        });
        if (rows.length === 0 && format === 'table') {
          process.stderr.write(`no analysed articles for actor "${opts.actor}"${opts.outlet ? ` in outlet "${opts.outlet}"` : ''}\n`);
        }
        process.stdout.write(`${formatTrends(rows, format)}\n`);
      } finally {
        await db.close();
      }
    });
}
