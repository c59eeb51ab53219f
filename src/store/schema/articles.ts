import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outlets } from './outlets.js';

/** Quality flags that keep an article out of the trend views and rollups (see `excludedFromTrends`). */
export const TREND_EXCLUDING_FLAGS: readonly string[] = ['too-short', 'paywall-teaser', 'needs-javascript', 'leaked-boilerplate'];

export const articles = pgTable(
  'articles',
  {
    /** uuid v5 of the canonical URL: the same article always gets the same id. */
    id: uuid().primaryKey(),
    outletId: text()
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    canonicalUrl: text().notNull().unique(),
    title: text().notNull(),
    author: text(),
    publishedAt: timestamp({ withTimezone: true }),
    language: text(),
    contentHash: text().notNull(),
    fetchedAt: timestamp({ withTimezone: true }).notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    /** Analyzer version whose rows are current for this article; views read only those. */
    analyzerVersion: text(),
    analyzedAt: timestamp({ withTimezone: true }),
    /**
     * Wire-story cluster (near-duplicate copies of one story across outlets); the story views
     * count a cluster once, and an article without one as its own story.
     */
    clusterId: text(),
    /**
     * What the extraction noticed (`too-short`, `paywall-teaser`, `needs-javascript`,
     * `leaked-boilerplate`, `text-from-json-ld`); see `excludedFromTrends`.
     */
    qualityFlags: text().array().notNull().default([]),
    /**
     * Whether the flags put the article out of the trends: a too-short text, a paywall teaser, a
     * page that needs JavaScript, leaked boilerplate. `text-from-json-ld` alone does not (the
     * page's own structured copy of the story is a full text).
     */
    excludedFromTrends: boolean()
      .notNull()
      .generatedAlwaysAs(
        sql`quality_flags && ARRAY['too-short', 'paywall-teaser', 'needs-javascript', 'leaked-boilerplate']::text[]`,
      ),
    // Keep in step with TREND_EXCLUDING_FLAGS below (drizzle-kit needs the literal SQL here).
    /** Why the article is stored but not analysed (e.g. `language de`); null when it is analysed. */
    analysisSkippedReason: text(),
    /** 64-bit SimHash of the text (signed, as PostgreSQL stores bigint); wire copies differ in few bits. */
    simhash: bigint({ mode: 'bigint' }),
    /**
     * Publication month (UTC; the fetch time's when the page gave no date): the partition of the
     * article's text and mentions (migration 0014), pruned a whole month at a time.
     */
    month: date({ mode: 'string' })
      .notNull()
      .generatedAlwaysAs(sql`(date_trunc('month', coalesce(published_at, fetched_at) AT TIME ZONE 'UTC'))::date`),
  },
  (t) => [index().on(t.outletId, t.publishedAt), index().on(t.contentHash), index().on(t.clusterId)],
);

/**
 * The text of each article (the body; the analysed text is title, blank line, body), partitioned
 * by publication month so that retention drops whole months (`stancewatch prune`). A pruned
 * article has no row here: its analysis and rollups stay, its evidence says the text is gone.
 */
export const articleTexts = pgTable(
  'article_texts',
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    month: date({ mode: 'string' }).notNull(),
    text: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.month] })],
);
