import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/** The tables partitioned by publication month (migration 0014). */
export const MONTHLY_TABLES = ['article_texts', 'mentions'] as const;
export type MonthlyTable = (typeof MONTHLY_TABLES)[number];

/** The publication month of a date as stored in `month` columns: the first day, UTC. */
export function monthOf(d: Date): string {
  return `${d.toISOString().slice(0, 7)}-01`;
}

// Months known to have their partitions, per database handle: the check costs a round trip, and
// a month's partition is created once in the table's life (or again after a prune dropped it).
const known = new WeakMap<Db, Set<string>>();

/**
 * Makes sure each month has its partition of `table`, each in its own short transaction: creating
 * a partition locks the parent table, so it must not wait inside a transaction holding row locks.
 */
export async function ensurePartitions(db: Db, table: MonthlyTable, months: Iterable<string>): Promise<void> {
  let seen = known.get(db);
  if (!seen) known.set(db, (seen = new Set()));
  for (const m of new Set(months)) {
    const key = `${table}/${m}`;
    if (seen.has(key)) continue;
    await db.execute(sql`SELECT sw_ensure_partition(${table}, ${m}::date)`);
    seen.add(key);
  }
}

/** Forgets the partitions this process knows of (a prune, maybe in another process, dropped some). */
export function forgetPartitions(db: Db): void {
  known.delete(db);
}

function isMissingPartition(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (/no partition of relation/i.test(e.message)) return true;
  }
  return false;
}

/**
 * Runs `write` after making sure the months have partitions; when a partition this process knew
 * of was dropped meanwhile (a prune), checks again and runs `write` once more.
 */
export async function withPartitions<T>(
  db: Db,
  needs: [MonthlyTable, Iterable<string>][],
  write: () => Promise<T>,
): Promise<T> {
  const lists = needs.map(([t, ms]) => [t, [...ms]] as const);
  for (const [t, ms] of lists) await ensurePartitions(db, t, ms);
  try {
    return await write();
  } catch (err) {
    if (!isMissingPartition(err)) throw err;
    forgetPartitions(db);
    for (const [t, ms] of lists) await ensurePartitions(db, t, ms);
    return write();
  }
}
