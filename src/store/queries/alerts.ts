import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { stableId } from '../ids.js';
import { alerts, articleActors, articles } from '../schema/index.js';
import type { AlertSide } from '../schema/index.js';
import { rowsOf } from './trends.js';

export interface SeriesRow {
  actorId: string;
  articleId: string;
  url: string;
  title: string;
  at: Date;
  analyzedAt: Date | null;
  score: number;
  /** The analyzer's article label: the alert detector's share tracks read it. */
  label: string;
  frames: Record<string, number>;
}

const currentVersion = and(
  eq(articles.id, articleActors.articleId),
  eq(articles.analyzerVersion, articleActors.analyzerVersion),
);

// Articles whose quality flags exclude them from the trends (a paywall teaser, a page that needs
// JavaScript) stay out of the series too.
const unflagged = sql`NOT ${articles.excludedFromTrends}`;

const seriesColumns = {
  actorId: articleActors.actorId,
  articleId: articles.id,
  // The canonical URL is the one a reader can open; the fetched one may be a mirror.
  url: articles.canonicalUrl,
  title: articles.title,
  at: articles.publishedAt,
  analyzedAt: articles.analyzedAt,
  score: articleActors.score,
  label: articleActors.label,
  frames: articleActors.frames,
};

/** Article-level stance and frame shares of every actor in one outlet, current analyzer version, oldest first. */
export async function outletStanceSeries(db: Db, outletId: string): Promise<SeriesRow[]> {
  const rows = await db
    .select(seriesColumns)
    .from(articleActors)
    .innerJoin(articles, currentVersion)
    .where(and(eq(articles.outletId, outletId), isNotNull(articles.publishedAt), unflagged))
    .orderBy(asc(articles.publishedAt), asc(articles.id));
  return rows.map((r) => ({ ...r, at: r.at! }));
}

/** One actor's series in every outlet, for the cross-outlet comparison of an alert. */
export async function actorStanceSeries(
  db: Db,
  actorId: string,
  window: { from: Date; to: Date },
): Promise<(SeriesRow & { outletId: string })[]> {
  const rows = await db
    .select({ ...seriesColumns, outletId: articles.outletId })
    .from(articleActors)
    .innerJoin(articles, currentVersion)
    .where(
      and(
        eq(articleActors.actorId, actorId),
        gte(articles.publishedAt, window.from),
        lte(articles.publishedAt, window.to),
        unflagged,
      ),
    )
    .orderBy(asc(articles.publishedAt), asc(articles.id));
  return rows.map((r) => ({ ...r, at: r.at! }));
}

export interface QuotedSourceRow {
  articleId: string;
  actorId: string;
  /** The normalised source (sources.key); null for an attribution without an identified source. */
  key: string | null;
  /** The source's display name (the normalised one when keyed, else as written). */
  name: string | null;
  kind: string | null;
  content: string;
}

/** Sources quoted about each actor in one outlet's articles (attributions whose targets name the actor). */
export async function outletQuotedSources(db: Db, outletId: string): Promise<QuotedSourceRow[]> {
  type Row = { article_id: string; actor_id: string; key: string | null; name: string | null; kind: string | null; content: string };
  // The attribution's own targets (not attribution_targets): rows written by hand or before
  // that table existed count too.
  const rows = await db.execute(sql`
    SELECT at.article_id, t.actor AS actor_id, coalesce(l.linked_key, at.source_key) AS key,
           coalesce(s.name, at.source_name, at.source_text, sw_span(ar.title, tx.text, at.source_start, at.source_end)) AS name,
           coalesce(s.kind, at.source_kind) AS kind,
           coalesce(at.content, sw_span(ar.title, tx.text, at.content_start, at.content_end), '') AS content
    FROM attributions at
    JOIN articles ar ON ar.id = at.article_id AND ar.analyzer_version = at.analyzer_version
    -- Quotes are offsets into the text (migration 0014); a pruned text leaves them empty.
    LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month
    CROSS JOIN LATERAL jsonb_to_recordset(at.targets) AS t(actor text)
    -- A bare surname stored as written ("Peskov") counts as the person named in full elsewhere.
    LEFT JOIN LATERAL sw_source_link(at.source_key) l ON true
    LEFT JOIN sources s ON s.key = coalesce(l.linked_key, at.source_key)
    WHERE ar.outlet_id = ${outletId} AND t.actor IS NOT NULL
    ORDER BY ar.published_at, at.article_id, at.ordinal`);
  return rowsOf<Row>(rows).map((r) => ({
    articleId: r.article_id,
    actorId: r.actor_id,
    key: r.key,
    name: r.name,
    kind: r.kind,
    content: r.content,
  }));
}

export interface MentionEvidenceRow {
  articleId: string;
  sentence: string;
  score: number;
  frames: string[];
}

/**
 * The query of mentionEvidence, given the articles' publication months: with the months as
 * constants the planner opens only those monthly partitions of mentions and article_texts,
 * however many months the tables hold (a month read from a subquery would not prune).
 */
export function mentionEvidenceQuery(actorId: string, articleIds: readonly string[], months: readonly string[]): SQL {
  const ids = sql.join(articleIds.map((id) => sql`${id}::uuid`), sql`, `);
  const inMonths = sql.join(months.map((m) => sql`${m}::date`), sql`, `);
  return sql`
    SELECT m.article_id, coalesce(m.sentence, sw_span(ar.title, tx.text, m.sentence_start, m.sentence_end), '') AS sentence,
           m.score, m.frames
    FROM mentions m
    JOIN articles ar ON ar.id = m.article_id AND ar.analyzer_version = m.analyzer_version AND ar.month = m.month
    LEFT JOIN article_texts tx ON tx.article_id = ar.id AND tx.month = ar.month AND tx.month IN (${inMonths})
    WHERE m.actor_id = ${actorId} AND m.article_id IN (${ids}) AND m.month IN (${inMonths})
    ORDER BY m.article_id, m.start`;
}

/** The publication months of some articles (their partitions). */
export async function monthsOfArticles(db: Db, articleIds: readonly string[]): Promise<string[]> {
  if (articleIds.length === 0) return [];
  const rows = await db.selectDistinct({ month: articles.month }).from(articles).where(inArray(articles.id, [...articleIds]));
  return rows.map((r) => r.month);
}

/** The mentions of an actor in some articles (current analyzer version), for an alert's evidence. */
export async function mentionEvidence(db: Db, actorId: string, articleIds: string[]): Promise<MentionEvidenceRow[]> {
  if (articleIds.length === 0) return [];
  const months = await monthsOfArticles(db, articleIds);
  if (months.length === 0) return [];
  const rows = await db.execute(mentionEvidenceQuery(actorId, articleIds, months));
  return rowsOf<{ article_id: string; sentence: string; score: number; frames: string[] }>(rows).map((r) => ({
    articleId: r.article_id,
    sentence: r.sentence,
    score: Number(r.score),
    frames: r.frames,
  }));
}

export interface NewAlert {
  ruleId: string;
  outletId: string;
  actorId: string;
  kind: string;
  changeAt: Date;
  detectedAt: Date;
  before: AlertSide;
  after: AlertSide;
  articles: string[];
  details: Record<string, unknown>;
}

/** The kinds that count as the same change for de-duplication (a flip is a stance-level change). */
function sameFamily(kind: string): string[] {
  return kind === 'polarity-flip' || kind === 'stance-level' ? ['stance-level', 'polarity-flip'] : [kind];
}

/**
 * An alert already stored for this change: same rule, outlet, actor and kind of change, with a
 * change point within `withinDays`. Late articles can move a change point a little; that is
 * still the same change and must not alert twice.
 */
export async function findSameChange(
  db: Db | Tx,
  a: Pick<NewAlert, 'ruleId' | 'outletId' | 'actorId' | 'kind' | 'changeAt'>,
  withinDays: number,
): Promise<string | undefined> {
  const ms = withinDays * 86_400_000;
  const rows = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(
      and(
        eq(alerts.ruleId, a.ruleId),
        eq(alerts.outletId, a.outletId),
        eq(alerts.actorId, a.actorId),
        inArray(alerts.kind, sameFamily(a.kind)),
        gte(alerts.changeAt, new Date(a.changeAt.getTime() - ms)),
        lte(alerts.changeAt, new Date(a.changeAt.getTime() + ms)),
      ),
    )
    .limit(1);
  return rows[0]?.id;
}

/**
 * Writes an alert once. Its id derives from (rule, outlet, actor, kind, change point); a
 * transaction-scoped advisory lock on (rule, outlet, actor) makes the same-change check and the
 * insert atomic against a concurrent scan.
 */
export async function insertAlert(
  db: Db,
  a: NewAlert,
  sameChangeWithinDays = 0,
): Promise<{ id: string; created: boolean }> {
  const id = stableId(`alert|${a.ruleId}|${a.outletId}|${a.actorId}|${a.kind}|${a.changeAt.toISOString()}`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`alerts|${a.ruleId}|${a.outletId}|${a.actorId}`}))`);
    const existing = await findSameChange(tx, a, sameChangeWithinDays);
    if (existing !== undefined) return { id: existing, created: false };
    const rows = await tx.insert(alerts).values({ id, ...a }).onConflictDoNothing().returning({ id: alerts.id });
    return { id, created: rows.length > 0 };
  });
}

export type AlertRow = typeof alerts.$inferSelect;

export interface AlertFilter {
  outletId?: string;
  actorId?: string;
  ruleIds?: string[];
  since?: Date;
}

/** Stored alerts, newest detection first. */
export async function listAlerts(db: Db, filter: AlertFilter = {}): Promise<AlertRow[]> {
  const where: SQL[] = [];
  if (filter.outletId !== undefined) where.push(eq(alerts.outletId, filter.outletId));
  if (filter.actorId !== undefined) where.push(eq(alerts.actorId, filter.actorId));
  if (filter.ruleIds !== undefined) where.push(inArray(alerts.ruleId, filter.ruleIds));
  if (filter.since !== undefined) where.push(gte(alerts.detectedAt, filter.since));
  return db
    .select()
    .from(alerts)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(alerts.detectedAt), asc(alerts.id));
}

export async function getAlert(db: Db, id: string): Promise<AlertRow | undefined> {
  const rows = await db.select().from(alerts).where(eq(alerts.id, id)).limit(1);
  return rows[0];
}

const unsent = (leaseMs: number) =>
  and(
    isNull(alerts.sentAt),
    or(
      isNull(alerts.sendingAt),
      lt(alerts.sendingAt, sql`now() - (${Math.round(leaseMs)}::int * interval '1 millisecond')`),
    ),
  );

/** Alerts not sent yet and not held by a live sender, oldest detection first. */
export async function pendingAlerts(
  db: Db,
  filter: { ruleIds: string[]; outletId?: string },
  leaseMs: number,
): Promise<AlertRow[]> {
  if (filter.ruleIds.length === 0) return [];
  const where = [inArray(alerts.ruleId, filter.ruleIds), unsent(leaseMs)];
  if (filter.outletId !== undefined) where.push(eq(alerts.outletId, filter.outletId));
  return db.select().from(alerts).where(and(...where)).orderBy(asc(alerts.detectedAt), asc(alerts.id));
}

/**
 * Takes the right to send these alerts: only rows that are unsent and not leased to a live
 * sender come back, each with `sending_at` set and its Message-ID recorded. Two senders racing
 * for the same row get it once.
 */
export async function claimAlerts(
  db: Db,
  claims: { id: string; messageId: string }[],
  leaseMs: number,
): Promise<AlertRow[]> {
  const claimed: AlertRow[] = [];
  for (const c of claims) {
    const rows = await db
      .update(alerts)
      .set({ sendingAt: sql`now()`, sendAttempts: sql`${alerts.sendAttempts} + 1`, messageId: c.messageId })
      .where(and(eq(alerts.id, c.id), unsent(leaseMs)))
      .returning();
    if (rows[0]) claimed.push(rows[0]);
  }
  return claimed;
}

/** Marks claimed alerts sent, after the SMTP server (or the outbox) accepted the message. */
export async function markAlertsSent(db: Db, ids: string[], via: 'smtp' | 'outbox', at = new Date()): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(alerts)
    .set({ sentAt: at, sentVia: via, sendingAt: null, sendError: null })
    .where(and(inArray(alerts.id, ids), isNull(alerts.sentAt)));
}

/** Gives claimed alerts back after a failed send, with the reason, so a later run retries them. */
export async function releaseAlerts(db: Db, ids: string[], error: string): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(alerts)
    .set({ sendingAt: null, sendError: error })
    .where(and(inArray(alerts.id, ids), isNull(alerts.sentAt)));
}
