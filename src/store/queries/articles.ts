import { eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { articleIdFor, contentHash } from '../ids.js';
import { articles } from '../schema/index.js';
import { applyContribution, readContribution, type Contribution } from './rollups.js';

export interface NewArticle {
  outletId: string;
  url: string;
  canonicalUrl: string;
  title: string;
  text: string;
  author: string | null;
  publishedAt: Date | null;
  language: string | null;
  fetchedAt?: Date;
}

export interface UpsertResult {
  id: string;
  contentHash: string;
  /** new: first time stored; changed: text differs from the stored copy; unchanged: nothing to do. */
  status: 'new' | 'changed' | 'unchanged';
}

/**
 * An analysed article whose update will move its publication date still counts in the rollups
 * under the old date: read its contribution first (the row is locked until the transaction ends).
 */
async function contributionToMove(tx: Tx, id: string, hash: string, publishedAt: Date | null): Promise<Contribution | undefined> {
  const prev = await tx
    .select({ publishedAt: articles.publishedAt, version: articles.analyzerVersion, hash: articles.contentHash })
    .from(articles)
    .where(eq(articles.id, id))
    .for('update');
  const p = prev[0];
  if (!p || p.version === null || p.hash === hash) return undefined;
  if ((p.publishedAt?.getTime() ?? null) === (publishedAt?.getTime() ?? null)) return undefined;
  return readContribution(tx, [id]);
}

/**
 * Stores an article under its canonical URL. Re-storing the same text is a no-op, so a crawl job
 * delivered twice writes nothing twice; changed text updates the row and asks for re-analysis. A
 * new publication date moves the article's contribution to the rollups in the same transaction.
 */
export async function upsertArticle(db: Db, a: NewArticle): Promise<UpsertResult> {
  const id = articleIdFor(a.canonicalUrl);
  const hash = contentHash(a.text);
  return db.transaction(async (tx) => {
    const before = await contributionToMove(tx, id, hash, a.publishedAt);
    const result = await writeArticle(tx, id, hash, a);
    if (before) await applyContribution(tx, [id], before);
    return result;
  });
}

async function writeArticle(db: Tx, id: string, hash: string, a: NewArticle): Promise<UpsertResult> {
  const values = {
    id,
    outletId: a.outletId,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    text: a.text,
    author: a.author,
    publishedAt: a.publishedAt,
    language: a.language,
    contentHash: hash,
    fetchedAt: a.fetchedAt ?? new Date(),
  };
  const rows = await db
    .insert(articles)
    .values(values)
    .onConflictDoUpdate({
      target: articles.canonicalUrl,
      set: {
        title: values.title,
        text: values.text,
        author: values.author,
        publishedAt: values.publishedAt,
        language: values.language,
        contentHash: hash,
        fetchedAt: values.fetchedAt,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${articles.contentHash} <> excluded.content_hash`,
    })
    // xmax = 0 only for a freshly inserted row: it tells an insert from an update.
    .returning({ id: articles.id, inserted: sql<boolean>`(xmax = 0)` });
  const row = rows[0];
  if (!row) return { id, contentHash: hash, status: 'unchanged' };
  return { id: row.id, contentHash: hash, status: row.inserted ? 'new' : 'changed' };
}

/** Of the given URLs, those already stored as an article's URL or canonical URL. */
export async function findKnownUrls(db: Db, urls: string[]): Promise<Set<string>> {
  if (urls.length === 0) return new Set();
  const rows = await db
    .select({ url: articles.url, canonicalUrl: articles.canonicalUrl })
    .from(articles)
    .where(or(inArray(articles.url, urls), inArray(articles.canonicalUrl, urls)));
  const wanted = new Set(urls);
  const known = new Set<string>();
  for (const r of rows) {
    if (wanted.has(r.url)) known.add(r.url);
    if (wanted.has(r.canonicalUrl)) known.add(r.canonicalUrl);
  }
  return known;
}

export type StoredArticle = typeof articles.$inferSelect;

export async function getArticle(db: Db, id: string): Promise<StoredArticle | undefined> {
  const rows = await db.select().from(articles).where(eq(articles.id, id)).limit(1);
  return rows[0];
}

/** Several articles by id in one query; missing ids are simply absent from the result. */
export async function getArticles(db: Db, ids: string[]): Promise<StoredArticle[]> {
  if (ids.length === 0) return [];
  return db.select().from(articles).where(inArray(articles.id, ids));
}
