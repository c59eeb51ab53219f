import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { outlets } from './outlets.js';

/** One crawl of one outlet. The id derives from the job id, so a redelivered job reuses its row. */
export const crawlRuns = pgTable(
  'crawl_runs',
  {
    id: uuid().primaryKey(),
    outletId: text()
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    trigger: text().notNull(),
    status: text().$type<'running' | 'ok' | 'partial' | 'failed'>().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
    feedsRead: integer().notNull().default(0),
    discovered: integer().notNull().default(0),
    fetched: integer().notNull().default(0),
    articles: integer().notNull().default(0),
    failures: integer().notNull().default(0),
    error: text(),
  },
  (t) => [index().on(t.outletId, t.startedAt)],
);

/** Why one URL of a crawl run failed (a dead feed, a 404, a page that is not HTML ...). */
export const crawlFailures = pgTable(
  'crawl_failures',
  {
    runId: uuid()
      .notNull()
      .references(() => crawlRuns.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    stage: text().notNull(),
    reason: text().notNull(),
    status: integer(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.url, t.stage] })],
);
