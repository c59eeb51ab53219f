import { jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const actors = pgTable('actors', {
  id: text().primaryKey(),
  name: text().notNull(),
  kind: text().notNull(),
  aliases: jsonb().$type<string[]>().notNull().default([]),
  demonyms: jsonb().$type<string[]>().notNull().default([]),
  /** Another actor's id: a person's country or organisation, for roll-ups. */
  affiliation: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
