import type { Command } from 'commander';
import { ageSchema, loadConfigFile, type Age } from '../../config/index.js';
import { ConfigError } from '../../errors.js';
import { pruneOlderThan } from '../../pipeline/index.js';
import { openDatabase } from '../../store/index.js';
import { cliContext } from '../context.js';
import { printJson } from '../output.js';

interface PruneFlags {
  textOlderThan?: string;
  mentionsOlderThan?: string;
  dryRun?: boolean;
}

function age(flag: string, value: string | undefined): Age | undefined {
  if (value === undefined) return undefined;
  const parsed = ageSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(flag, parsed.error.issues.map((i) => i.message));
  return parsed.data;
}

/** `prune`: retention by hand (the config's `retention:` runs the same on the scheduler). */
export function registerPruneCommand(program: Command): void {
  program
    .command('prune')
    .description(
      'drop article text and/or mention rows older than an age (180d, 26w, 2y) by whole months; article-level stance, rollups and alerts stay, so trends stay whole',
    )
    .option('--text-older-than <age>', 'drop the text of articles published longer ago than this')
    .option('--mentions-older-than <age>', 'drop the mention rows (sentence offsets, cue words) of articles published longer ago than this')
    .option('--dry-run', 'say what would go, drop nothing')
    .action(async (o: PruneFlags) => {
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      // Flags first; without any, the config file's retention.
      let ages = { textOlderThan: age('--text-older-than', o.textOlderThan), mentionsOlderThan: age('--mentions-older-than', o.mentionsOlderThan) };
      if (!ages.textOlderThan && !ages.mentionsOlderThan && ctx.configPath) {
        const retention = (await loadConfigFile(ctx.configPath)).retention;
        ages = { textOlderThan: retention?.textOlderThan, mentionsOlderThan: retention?.mentionsOlderThan };
      }
      if (!ages.textOlderThan && !ages.mentionsOlderThan) {
        throw new ConfigError('prune', ['nothing to prune: give --text-older-than and/or --mentions-older-than, or retention: in the config']);
      }
      const handle = await openDatabase({ databaseUrl: ctx.env.databaseUrl, dataDir: ctx.env.dataDir });
      try {
        await handle.migrate();
        const parts = await pruneOlderThan(handle.db, { ...ages, dryRun: o.dryRun ?? false }, ctx.log);
        printJson({
          dryRun: o.dryRun ?? false,
          textOlderThan: ages.textOlderThan?.text ?? null,
          mentionsOlderThan: ages.mentionsOlderThan?.text ?? null,
          pruned: parts,
          bytesReturned: parts.reduce((n, p) => n + p.bytes, 0),
        });
      } finally {
        await handle.close();
      }
    });
}
