import { integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const outlets = pgTable('outlets', {
  id: text().primaryKey(),
  name: text().notNull(),
  homepage: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** A feed of an outlet, with what conditional GET and failure tracking need. */
export const feeds = pgTable(
  'feeds',
  {
    outletId: text()
      .notNull()
      .references(() => outlets.id, { onDelete: 'cascade' }),
    url: text().notNull(),
    etag: text(),
    lastModified: text(),
    lastFetchedAt: timestamp({ withTimezone: true }),
    consecutiveFailures: integer().notNull().default(0),
    disabledReason: text(),
  },
  (t) => [primaryKey({ columns: [t.outletId, t.url] })],
);
