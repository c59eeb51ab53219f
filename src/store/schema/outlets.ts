import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outlets = pgTable('outlets', {
  id: text().primaryKey(),
  name: text().notNull(),
  homepage: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  /**
   * Adaptive polling: the interval until the next crawl, moved after each crawl between the
   * outlet's floor and its configured schedule (the ceiling). Null: the configured schedule.
   */
  pollIntervalMs: integer(),
  lastCrawlAt: timestamp({ withTimezone: true }),
  /** The last crawl that stored at least one new article. */
  lastNewArticlesAt: timestamp({ withTimezone: true }),
});

/** A feed or sitemap of an outlet, with what conditional GET and failure tracking need. */
export const feeds = pgTable(
  'feeds',
  {
    outletId: text()
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    /** `feed` or `sitemap`: listed sources of the outlet, each with its own fetch state. */
    kind: text().$type<'feed' | 'sitemap'>().notNull().default('feed'),
    etag: text(),
    lastModified: text(),
    lastFetchedAt: timestamp({ withTimezone: true }),
    consecutiveFailures: integer().notNull().default(0),
    disabledReason: text(),
    /** HTTP status of the last fetch (304 when not modified); null when it failed before one. */
    lastStatus: integer(),
    /** Why the last fetch failed; null after a success. */
    lastError: text(),
    /** The crawl run that last counted a result, so a redelivered crawl job does not count twice. */
    lastRunId: uuid(),
    /** Set when the feed failed too often in a row; crawls skip it until `outlets enable`. */
    disabledAt: timestamp({ withTimezone: true }),
    /** The last fetch that listed an article not stored before. */
    lastNewArticlesAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.outletId, t.url] })],
);
