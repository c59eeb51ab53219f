import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';

export type TrendInterval = 'day' | 'week' | 'month';

export interface TrendRow {
  actorId: string;
  actorName: string;
  outletId: string;
  outletName: string;
  period: string;
  articles: number;
  mentions: number;
  meanStance: number;
  ciLow: number | null;
  ciHigh: number | null;
  positive: number;
  neutral: number;
  negative: number;
  /** Share of the articles whose stance towards the actor is positive / negative. */
  sharePositive: number;
  shareNegative: number;
}

const VIEW = {
  day: sql.raw('v_stance_daily'),
  week: sql.raw('v_stance_weekly'),
  month: sql.raw('v_stance_monthly'),
} as const;

export interface TrendQuery {
  actorId?: string;
  outletId?: string;
  /** Only these outlets (in addition to `outletId`, when both are given). */
  outletIds?: string[];
  interval: TrendInterval;
  /** First period to include: a date like 2026-08-03, compared with the period's start. */
  from?: string;
  /** Last period to include (inclusive), same form. */
  to?: string;
}

/** Stance per actor x outlet x period from the analysts' views, oldest period first. */
export async function stanceTrend(db: Db, q: TrendQuery): Promise<TrendRow[]> {
  const where = [sql`true`];
  if (q.actorId !== undefined) where.push(sql`actor_id = ${q.actorId}`);
  if (q.outletId !== undefined) where.push(sql`outlet_id = ${q.outletId}`);
  if (q.outletIds !== undefined) where.push(sql`outlet_id IN (${textList(q.outletIds)})`);
  if (q.from !== undefined) where.push(sql`period >= ${q.from}::date`);
  if (q.to !== undefined) where.push(sql`period <= ${q.to}::date`);
  const result = await db.execute<Record<string, unknown>>(sql`
    SELECT actor_id, actor_name, outlet_id, outlet_name, period::text AS period, articles, mentions,
           mean_stance, ci_low, ci_high, positive, neutral, negative, share_positive, share_negative
    FROM ${VIEW[q.interval]}
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY actor_id, outlet_id, period`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    actorId: String(r.actor_id),
    actorName: String(r.actor_name),
    outletId: String(r.outlet_id),
    outletName: String(r.outlet_name),
    period: String(r.period),
    articles: Number(r.articles),
    mentions: Number(r.mentions),
    meanStance: Number(r.mean_stance),
    ciLow: r.ci_low === null ? null : Number(r.ci_low),
    ciHigh: r.ci_high === null ? null : Number(r.ci_high),
    positive: Number(r.positive),
    neutral: Number(r.neutral),
    negative: Number(r.negative),
    sharePositive: Number(r.share_positive),
    shareNegative: Number(r.share_negative),
  }));
}

/** A subquery yielding these strings: one bind parameter however many there are. */
export function textList(values: string[]): SQL {
  return sql`SELECT jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)`;
}

/** postgres-js returns an array of rows, PGlite an object with `rows`: read both. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  const rows = (result as { rows?: unknown }).rows;
  return Array.isArray(rows) ? (rows as T[]) : [];
}
