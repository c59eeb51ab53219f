import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outlets } from './outlets.js';

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
    text: text().notNull(),
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
     * Reasons to doubt the extracted text (`too-short`, `paywall-teaser`, `needs-javascript`,
     * `leaked-boilerplate`, ...). A flagged article is left out of the trend views; `_all` views
     * and the tables keep it.
     */
    qualityFlags: text().array().notNull().default([]),
    /** Why the article is stored but not analysed (e.g. `language de`); null when it is analysed. */
    analysisSkippedReason: text(),
    /** 64-bit SimHash of the text (signed, as PostgreSQL stores bigint); wire copies differ in few bits. */
    simhash: bigint({ mode: 'bigint' }),
  },
  (t) => [index().on(t.outletId, t.publishedAt), index().on(t.contentHash), index().on(t.clusterId)],
);
