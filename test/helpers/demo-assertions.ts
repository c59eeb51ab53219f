import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { DEMO_SHIFT, demoArticles } from '../../src/demo/index.js';
import { rowsOf, stanceTrend, type Db } from '../../src/store/index.js';

export async function count(db: Db, table: string): Promise<number> {
  const rows = rowsOf<{ n: number | string }>(await db.execute(sql.raw(`SELECT count(*) AS n FROM ${table}`)));
  return Number(rows[0]!.n);
}

/** Mean of the weekly means before and after the demo's planted change. */
export async function harbourChinaBeforeAfter(db: Db): Promise<{ before: number; after: number; weeks: number }> {
  const rows = await stanceTrend(db, { actorId: DEMO_SHIFT.actorId, outletId: DEMO_SHIFT.outletId, interval: 'week' });
  const cut = DEMO_SHIFT.changeAt.slice(0, 10);
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return {
    before: mean(rows.filter((r) => r.period < cut).map((r) => r.meanStance)),
    after: mean(rows.filter((r) => r.period >= cut).map((r) => r.meanStance)),
    weeks: rows.length,
  };
}

/** What a complete run over the demo world must have stored, whichever mode ran it. */
export async function expectDemoWorldStored(db: Db): Promise<void> {
  expect(await count(db, 'articles')).toBe(demoArticles().length);
  const runs = rowsOf<{ status: string; articles: number }>(
    await db.execute(sql`SELECT status, articles FROM crawl_runs`),
  );
  expect(runs.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
  const unanalysed = await db.execute(sql`SELECT id FROM articles WHERE analyzer_version IS NULL`);
  expect(rowsOf(unanalysed)).toEqual([]);
  const evidence = rowsOf<{ n: number | string }>(
    await db.execute(sql`SELECT count(*) AS n FROM mentions WHERE length(sentence) < 10 OR sentence_end <= sentence_start`),
  );
  expect(Number(evidence[0]!.n)).toBe(0);
  const shift = await harbourChinaBeforeAfter(db);
  expect(shift.weeks).toBeGreaterThanOrEqual(10);
  expect(shift.before).toBeGreaterThan(0.2);
  expect(shift.after).toBeLessThan(-0.2);
}
