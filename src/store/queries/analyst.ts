import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rowsOf, textList, type TrendInterval } from './trends.js';

/** Filters shared by the analysts' reads; dates are days like 2026-08-03 (UTC). */
export interface AnalystFilter {
  actorId?: string;
  outletIds?: string[];
  from?: string;
  to?: string;
}

function conditions(f: AnalystFilter, time: string, extra: SQL[] = []): SQL {
  const where = [sql`true`, ...extra];
  const t = sql.raw(time);
  if (f.actorId !== undefined) where.push(sql`actor_id = ${f.actorId}`);
  if (f.outletIds !== undefined) where.push(sql`outlet_id IN (${textList(f.outletIds)})`);
  if (f.from !== undefined) where.push(sql`${t} >= ${f.from}::date`);
  // A whole last day: timestamps on it are before the next midnight.
  if (f.to !== undefined) where.push(sql`${t} < ${f.to}::date + 1`);
  return sql.join(where, sql` AND `);
}

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

export interface NamedId {
  id: string;
  name: string;
}

/** Actors with at least one current analysis, the busiest first. */
export async function actorsWithData(db: Db): Promise<(NamedId & { articles: number })[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT r.actor_id AS id, a.name, sum(r.articles)::int AS articles
      FROM stance_rollups r JOIN actors a ON a.id = r.actor_id
      WHERE r.grain = 'month'
      GROUP BY r.actor_id, a.name ORDER BY articles DESC, a.name`),
  );
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), articles: num(r.articles) }));
}

/** Every configured outlet, by name. */
export async function listOutlets(db: Db): Promise<NamedId[]> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT id, name FROM outlets ORDER BY name`));
  return rows.map((r) => ({ id: String(r.id), name: String(r.name) }));
}

export interface FrameShareRow {
  outletId: string;
  period: string;
  frame: string;
  articles: number;
  mentions: number;
  share: number | null;
}

const FRAME_VIEW = {
  day: sql.raw('v_frame_shares_daily'),
  week: sql.raw('v_frame_shares_weekly'),
  month: sql.raw('v_frame_shares_monthly'),
} as const;

/** Frame shares of an actor's mentions per outlet and period (v_frame_shares_*). */
export async function frameShares(db: Db, f: AnalystFilter & { interval: TrendInterval }): Promise<FrameShareRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT outlet_id, period::text AS period, frame, articles, mentions, share
      FROM ${FRAME_VIEW[f.interval]} WHERE ${conditions(f, 'period')}
      ORDER BY period, outlet_id, frame`),
  );
  return rows.map((r) => ({
    outletId: String(r.outlet_id),
    period: String(r.period),
    frame: String(r.frame),
    articles: num(r.articles),
    mentions: num(r.mentions),
    share: numOrNull(r.share),
  }));
}

export interface SourceRow {
  /** The normalised source's display name ("Dmitry Peskov"), or the name as written when it has none. */
  source: string;
  /** The normalised source (sources.key), null for quotes stored without one. */
  sourceKey: string | null;
  sourceKind: string | null;
  quotes: number;
  articles: number;
  outlets: number;
  meanStance: number | null;
  lastAt: string;
}

/**
 * Who is quoted about an actor (v_sources), the most quoted first: one row per normalised source
 * ("Peskov" and "Kremlin spokesman Dmitry Peskov" together), per name as written for quotes
 * stored without one.
 */
export async function topSources(db: Db, f: AnalystFilter & { limit?: number }): Promise<SourceRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT min(coalesce(source_name, source)) AS source, min(source_key) AS source_key,
             min(source_kind) AS source_kind, count(*)::int AS quotes,
             count(DISTINCT article_id)::int AS articles, count(DISTINCT outlet_id)::int AS outlets,
             round(avg(score)::numeric, 4)::float8 AS mean_stance, max(published_at) AS last_at
      FROM v_sources WHERE ${conditions(f, 'published_at')}
      GROUP BY coalesce(source_key, 'as-written:' || source) ORDER BY quotes DESC, 1 LIMIT ${f.limit ?? 20}`),
  );
  return rows.map((r) => ({
    source: String(r.source),
    sourceKey: r.source_key === null || r.source_key === undefined ? null : String(r.source_key),
    sourceKind: r.source_kind === null ? null : String(r.source_kind),
    quotes: num(r.quotes),
    articles: num(r.articles),
    outlets: num(r.outlets),
    meanStance: numOrNull(r.mean_stance),
    lastAt: iso(r.last_at),
  }));
}

export interface AlertMarker {
  id: string;
  outletId: string;
  kind: string;
  changeAt: string;
  before: number;
  after: number;
}

/** The framing-change alerts of an actor (v_alerts), as markers on its trend. */
export async function alertMarkers(db: Db, f: AnalystFilter): Promise<AlertMarker[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT alert_id, outlet_id, kind, change_at, before_mean, after_mean
      FROM v_alerts WHERE ${conditions(f, 'change_at')} ORDER BY change_at, outlet_id`),
  );
  return rows.map((r) => ({
    id: String(r.alert_id),
    outletId: String(r.outlet_id),
    kind: String(r.kind),
    changeAt: iso(r.change_at),
    before: num(r.before_mean),
    after: num(r.after_mean),
  }));
}

export interface ArticleStanceRow {
  articleId: string;
  outletId: string;
  outletName: string;
  publishedAt: string;
  title: string;
  score: number;
  label: string;
  mentions: number;
}

/** An actor's articles (v_article_stance), newest first. */
export async function articlesAbout(db: Db, f: AnalystFilter & { limit?: number }): Promise<ArticleStanceRow[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`
      SELECT article_id, outlet_id, outlet_name, published_at, title, score, label, mentions
      FROM v_article_stance WHERE ${conditions(f, 'published_at')}
      ORDER BY published_at DESC, article_id LIMIT ${f.limit ?? 50}`),
  );
  return rows.map((r) => ({
    articleId: String(r.article_id),
    outletId: String(r.outlet_id),
    outletName: String(r.outlet_name),
    publishedAt: iso(r.published_at),
    title: String(r.title),
    score: num(r.score),
    label: String(r.label),
    mentions: num(r.mentions),
  }));
}
