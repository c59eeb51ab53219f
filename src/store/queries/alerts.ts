import { and, asc, desc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { stableId } from '../ids.js';
import { alerts, articleActors, articles } from '../schema/index.js';
import type { AlertSide } from '../schema/index.js';

export interface SeriesRow {
  actorId: string;
  articleId: string;
  url: string;
  at: Date;
  score: number;
}

/** Article-level stance of every actor in one outlet, current analyzer version, oldest first. */
export async function outletStanceSeries(db: Db, outletId: string): Promise<SeriesRow[]> {
  const rows = await db
    .select({
      actorId: articleActors.actorId,
      articleId: articles.id,
      // The canonical URL is the one a reader can open; the fetched one may be a mirror.
      url: articles.canonicalUrl,
      at: articles.publishedAt,
      score: articleActors.score,
    })
    .from(articleActors)
    .innerJoin(
      articles,
      and(eq(articles.id, articleActors.articleId), eq(articles.analyzerVersion, articleActors.analyzerVersion)),
    )
    .where(and(eq(articles.outletId, outletId), isNotNull(articles.publishedAt)))
    .orderBy(asc(articles.publishedAt), asc(articles.id));
  return rows.map((r) => ({ ...r, at: r.at! }));
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

/** Writes an alert once: its id derives from (rule, outlet, actor, kind, change point). */
export async function insertAlert(db: Db, a: NewAlert): Promise<{ id: string; created: boolean }> {
  const id = stableId(`alert|${a.ruleId}|${a.outletId}|${a.actorId}|${a.kind}|${a.changeAt.toISOString()}`);
  const rows = await db.insert(alerts).values({ id, ...a }).onConflictDoNothing().returning({ id: alerts.id });
  return { id, created: rows.length > 0 };
}

export type AlertRow = typeof alerts.$inferSelect;

export async function listAlerts(db: Db, filter: { outletId?: string; actorId?: string } = {}): Promise<AlertRow[]> {
  const where = [];
  if (filter.outletId !== undefined) where.push(eq(alerts.outletId, filter.outletId));
  if (filter.actorId !== undefined) where.push(eq(alerts.actorId, filter.actorId));
  return db
    .select()
    .from(alerts)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(alerts.detectedAt));
}
