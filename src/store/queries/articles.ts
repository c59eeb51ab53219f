import { eq, getTableColumns, inArray, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.js';
import { articleIdFor, contentHash } from '../ids.js';
import { TREND_EXCLUDING_FLAGS, articleTexts, articles } from '../schema/index.js';
import { textOfArticle } from './article-pages.js';
import { monthOf, withPartitions } from './partitions.js';
import { applyContribution, readContribution, type Contribution } from './rollups.js';
import { rowsOf } from './trends.js';

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
  /** Reasons to doubt the text (the crawl's quality flags); a flagged article stays out of trends. */
  qualityFlags?: readonly string[];
  /** 64-bit SimHash of the text, 16 hex digits: near-duplicates in other outlets share a cluster. */
  simhash?: string;
  /** Why the article will not be analysed (e.g. `language de`); null or absent: it will be. */
  analysisSkippedReason?: string | null;
}

export interface UpsertResult {
  id: string;
  contentHash: string;
  /** new: first time stored; changed: text differs from the stored copy; unchanged: nothing to do. */
  status: 'new' | 'changed' | 'unchanged';
}

/**
 * Analysed articles whose update will move their publication date, or put them out of the trends
 * or back (their quality flags), still count in the rollups as before: read their contribution
 * first (the rows are locked until the transaction ends). Undefined when none moves.
 */
async function contributionToMove(
  tx: Tx,
  items: readonly { id: string; hash: string; a: NewArticle }[],
): Promise<{ ids: string[]; before: Contribution } | undefined> {
  const prev = await tx
    .select({
      id: articles.id,
      publishedAt: articles.publishedAt,
      version: articles.analyzerVersion,
      hash: articles.contentHash,
      excluded: articles.excludedFromTrends,
    })
    .from(articles)
    .where(inArray(articles.id, items.map((i) => i.id)))
    .orderBy(articles.id)
    .for('update');
  const byId = new Map(items.map((i) => [i.id, i]));
  const ids = prev
    .filter((p) => {
      const r = byId.get(p.id);
      if (!r || p.version === null || p.hash === r.hash) return false;
      const sameDate = (p.publishedAt?.getTime() ?? null) === (r.a.publishedAt?.getTime() ?? null);
      const excluded = (r.a.qualityFlags ?? []).some((f) => TREND_EXCLUDING_FLAGS.includes(f));
      return !(sameDate && p.excluded === excluded);
    })
    .map((p) => p.id);
  return ids.length > 0 ? { ids, before: await readContribution(tx, ids) } : undefined;
}

const SIMHASH = /^[0-9a-f]{16}$/i;

/** Hamming distance at most this between two SimHashes: the same story. */
const NEAR_DUPLICATE_BITS = 3;
const CLUSTER_WINDOW = sql.raw(`interval '7 days'`);

/**
 * Puts a new or changed article in the cluster of a near-duplicate from another outlet published
 * within 7 days (SimHash within Hamming distance 3): that article's cluster, else a new one named
 * after the earlier of the two, which the other article joins too. The four 16-bit bands narrow
 * the search to indexed candidates (two hashes within 3 bits agree on at least one band). Running
 * it again finds the same match and writes the same ids.
 */
async function assignCluster(tx: Tx, id: string, simhash: string | undefined): Promise<void> {
  if (simhash === undefined) return;
  const h = BigInt.asIntN(64, BigInt(`0x${simhash}`));
  const band = (shift: bigint) => Number((h >> shift) & 0xffffn);
  await tx.execute(sql`
    WITH me AS (
      SELECT id, outlet_id, coalesce(published_at, fetched_at) AS at FROM articles WHERE id = ${id}::uuid
    ), match AS (
      SELECT a.id, a.cluster_id, coalesce(a.published_at, a.fetched_at) AS at
      FROM articles a, me
      WHERE a.simhash IS NOT NULL AND a.id <> me.id AND a.outlet_id <> me.outlet_id
        AND (((a.simhash >> 48) & 65535) = ${band(48n)} OR ((a.simhash >> 32) & 65535) = ${band(32n)}
             OR ((a.simhash >> 16) & 65535) = ${band(16n)} OR (a.simhash & 65535) = ${band(0n)})
        AND bit_count((a.simhash # ${h.toString()}::bigint)::bit(64)) <= ${NEAR_DUPLICATE_BITS}
        AND coalesce(a.published_at, a.fetched_at) BETWEEN me.at - ${CLUSTER_WINDOW} AND me.at + ${CLUSTER_WINDOW}
      ORDER BY coalesce(a.published_at, a.fetched_at), a.id
      LIMIT 1
    ), cluster AS (
      SELECT coalesce(match.cluster_id,
                      CASE WHEN (match.at, match.id::text) <= (me.at, me.id::text) THEN match.id ELSE me.id END::text) AS cid,
             match.id AS match_id
      FROM match, me
    )
    UPDATE articles a SET cluster_id = cluster.cid
    FROM cluster
    WHERE (a.id = ${id}::uuid OR (a.id = cluster.match_id AND a.cluster_id IS NULL))
      AND a.cluster_id IS DISTINCT FROM cluster.cid`);
}

/**
 * Stores an article under its canonical URL. Re-storing the same text is a no-op, so a crawl job
 * delivered twice writes nothing twice; changed text updates the row and asks for re-analysis. A
 * new publication date (or quality flags that now exclude it from the trends, or no longer do)
 * moves the article's contribution to the rollups in the same transaction; a near-duplicate in
 * another outlet gives it a cluster (see assignCluster).
 */
export async function upsertArticle(db: Db, a: NewArticle): Promise<UpsertResult> {
  const id = articleIdFor(a.canonicalUrl);
  const hash = contentHash(a.text);
  if (a.simhash !== undefined && !SIMHASH.test(a.simhash)) {
    throw new Error(`article ${a.canonicalUrl}: simhash "${a.simhash}" is not 16 hex digits`);
  }
  const fetchedAt = a.fetchedAt ?? new Date();
  return withPartitions(db, [['article_texts', [monthOf(a.publishedAt ?? fetchedAt)]]], () =>
    db.transaction(async (tx) => {
      const moving = await contributionToMove(tx, [{ id, hash, a }]);
      const result = await writeArticle(tx, id, hash, { ...a, fetchedAt });
      if (moving) await applyContribution(tx, moving.ids, moving.before);
      if (result.status !== 'unchanged') await assignCluster(tx, id, a.simhash);
      return result;
    }),
  );
}

async function writeArticle(db: Tx, id: string, hash: string, a: NewArticle): Promise<UpsertResult> {
  const values = {
    id,
    outletId: a.outletId,
    url: a.url,
    canonicalUrl: a.canonicalUrl,
    title: a.title,
    author: a.author,
    publishedAt: a.publishedAt,
    language: a.language,
    contentHash: hash,
    fetchedAt: a.fetchedAt ?? new Date(),
    qualityFlags: [...(a.qualityFlags ?? [])],
    analysisSkippedReason: a.analysisSkippedReason ?? null,
    simhash: a.simhash === undefined ? null : BigInt.asIntN(64, BigInt(`0x${a.simhash}`)),
  };
  const rows = await db
    .insert(articles)
    .values(values)
    .onConflictDoUpdate({
      target: articles.canonicalUrl,
      set: {
        title: values.title,
        author: values.author,
        publishedAt: values.publishedAt,
        language: values.language,
        contentHash: hash,
        fetchedAt: values.fetchedAt,
        qualityFlags: values.qualityFlags,
        analysisSkippedReason: values.analysisSkippedReason,
        simhash: values.simhash,
        updatedAt: sql`now()`,
      },
      setWhere: sql`${articles.contentHash} <> excluded.content_hash`,
    })
    // xmax = 0 only for a freshly inserted row: it tells an insert from an update.
    .returning({ id: articles.id, month: articles.month, inserted: sql<boolean>`(xmax = 0)` });
  const row = rows[0];
  if (!row) return { id, contentHash: hash, status: 'unchanged' };
  // The text lives in its month's partition; changed text (maybe with a new date) replaces it.
  if (!row.inserted) await db.delete(articleTexts).where(eq(articleTexts.articleId, row.id));
  await db.insert(articleTexts).values({ articleId: row.id, month: row.month, text: a.text });
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

/** An article with its text; `text` is null once retention pruned it (`stancewatch prune`). */
export type StoredArticle = typeof articles.$inferSelect & { text: string | null };

function selectWithText(db: Db) {
  return db
    .select({ ...getTableColumns(articles), text: articleTexts.text })
    .from(articles)
    .leftJoin(articleTexts, textOfArticle);
}

export async function getArticle(db: Db, id: string): Promise<StoredArticle | undefined> {
  const rows = await selectWithText(db).where(eq(articles.id, id)).limit(1);
  return rows[0];
}

/** Several articles by id in one query; missing ids are simply absent from the result. */
export async function getArticles(db: Db, ids: string[]): Promise<StoredArticle[]> {
  if (ids.length === 0) return [];
  return selectWithText(db).where(inArray(articles.id, ids));
}

/**
 * Stores many articles at once, as upsertArticle does one by one (same statuses, same rows): one
 * transaction, one multi-row upsert of the articles and one of their texts, whatever the batch
 * size; what a backfill needs (`stancewatch ingest`). The same canonical URL twice in a batch is
 * stored in order (the batch is cut before the repeat); an article with a SimHash goes through
 * upsertArticle (its wire-story cluster is matched one article at a time).
 */
export async function upsertArticles(db: Db, items: readonly NewArticle[]): Promise<UpsertResult[]> {
  const out: UpsertResult[] = [];
  let chunk: NewArticle[] = [];
  const urls = new Set<string>();
  const flush = async () => {
    if (chunk.length > 0) out.push(...(await upsertChunk(db, chunk)));
    chunk = [];
    urls.clear();
  };
  for (const a of items) {
    if (a.simhash !== undefined) {
      await flush();
      out.push(await upsertArticle(db, a));
      continue;
    }
    if (urls.has(a.canonicalUrl)) await flush();
    urls.add(a.canonicalUrl);
    chunk.push(a);
  }
  await flush();
  return out;
}

async function upsertChunk(db: Db, items: readonly NewArticle[]): Promise<UpsertResult[]> {
  const now = new Date();
  const rows = items.map((a) => {
    const fetchedAt = a.fetchedAt ?? now;
    return {
      id: articleIdFor(a.canonicalUrl),
      hash: contentHash(a.text),
      month: monthOf(a.publishedAt ?? fetchedAt),
      a: { ...a, fetchedAt },
    };
  });
  const json = JSON.stringify(
    rows.map(({ id, hash, a }) => ({
      id,
      outlet_id: a.outletId,
      url: a.url,
      canonical_url: a.canonicalUrl,
      title: a.title,
      author: a.author,
      published_at: a.publishedAt?.toISOString() ?? null,
      language: a.language,
      content_hash: hash,
      fetched_at: a.fetchedAt.toISOString(),
      quality_flags: [...(a.qualityFlags ?? [])],
      analysis_skipped_reason: a.analysisSkippedReason ?? null,
    })),
  );
  return withPartitions(db, [['article_texts', rows.map((r) => r.month)]], () =>
    db.transaction(async (tx) => {
      // Analysed articles whose new text moves their date or trend flags: their rollup
      // contribution moves with them (as in upsertArticle).
      const moving = await contributionToMove(tx, rows);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const written = rowsOf<{ id: string; month: string; inserted: boolean }>(
        await tx.execute(sql`
          INSERT INTO articles (id, outlet_id, url, canonical_url, title, author, published_at, language, content_hash, fetched_at, quality_flags, analysis_skipped_reason)
          SELECT id, outlet_id, url, canonical_url, title, author, published_at, language, content_hash, fetched_at, quality_flags, analysis_skipped_reason
          FROM jsonb_populate_recordset(NULL::articles, ${json}::jsonb)
          ON CONFLICT (canonical_url) DO UPDATE SET
            title = excluded.title, author = excluded.author, published_at = excluded.published_at,
            language = excluded.language, content_hash = excluded.content_hash, fetched_at = excluded.fetched_at,
            quality_flags = excluded.quality_flags, analysis_skipped_reason = excluded.analysis_skipped_reason,
            simhash = NULL, updated_at = now()
          WHERE articles.content_hash <> excluded.content_hash
          RETURNING id, month::text AS month, (xmax = 0) AS inserted`),
      );
      const changed = written.filter((w) => !w.inserted).map((w) => w.id);
      if (changed.length > 0) await tx.delete(articleTexts).where(inArray(articleTexts.articleId, changed));
      if (written.length > 0) {
        const texts = JSON.stringify(written.map((w) => ({ article_id: w.id, month: w.month, text: byId.get(w.id)!.a.text })));
        await tx.execute(sql`INSERT INTO article_texts (article_id, month, text)
          SELECT article_id, month, text FROM jsonb_populate_recordset(NULL::article_texts, ${texts}::jsonb)`);
      }
      if (moving) await applyContribution(tx, moving.ids, moving.before);
      const status = new Map(written.map((w) => [w.id, w.inserted ? ('new' as const) : ('changed' as const)]));
      return rows.map((r) => ({ id: r.id, contentHash: r.hash, status: status.get(r.id) ?? ('unchanged' as const) }));
    }),
  );
}
