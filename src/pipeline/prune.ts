import { cutoffOf, type Age, type Retention } from '../config/index.js';
import type { Logger } from '../log.js';
import { pruneStorage, type Db, type PrunedPart } from '../store/index.js';
import { runPeriodically } from './periodic.js';

export interface PruneAges {
  textOlderThan?: Age | undefined;
  mentionsOlderThan?: Age | undefined;
  dryRun?: boolean;
}

/**
 * Retention: article text and mention rows older than the given ages go, by whole monthly
 * partitions where possible (`stancewatch prune`, or `retention:` in the config on a schedule).
 */
export async function pruneOlderThan(db: Db, ages: PruneAges, log: Logger, now = new Date()): Promise<PrunedPart[]> {
  const parts = await pruneStorage(db, {
    ...(ages.textOlderThan ? { textBefore: cutoffOf(ages.textOlderThan, now) } : {}),
    ...(ages.mentionsOlderThan ? { mentionsBefore: cutoffOf(ages.mentionsOlderThan, now) } : {}),
    ...(ages.dryRun ? { dryRun: true } : {}),
  });
  for (const p of parts) log.info({ table: p.table, month: p.month, action: p.action, rows: p.rows, bytes: p.bytes, dryRun: ages.dryRun ?? false }, 'pruned');
  return parts;
}

/**
 * The config's `retention:` on a timer: once at start, then every `retention.every`, one run at a
 * time. A failed run is logged and tried again at the next tick. Does nothing without retention.
 */
export function startRetention(db: Db, retention: Retention | undefined, log: Logger): { stop(): Promise<void> } {
  if (!retention || (!retention.textOlderThan && !retention.mentionsOlderThan)) return { stop: async () => {} };
  return runPeriodically(() => pruneOlderThan(db, retention, log), retention.every, (err) =>
    log.error({ err: String(err) }, 'retention prune failed'),
  );
}
