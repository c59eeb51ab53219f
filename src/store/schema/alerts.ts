import { index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export type AlertSide = { articles: number; mean: number; ciLow: number | null; ciHigh: number | null };

/** A detected framing change. Written once per (rule, outlet, actor, kind, change point). */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid().primaryKey(),
    ruleId: text().notNull(),
    outletId: text().notNull(),
    actorId: text().notNull(),
    kind: text().notNull(),
    changeAt: timestamp({ withTimezone: true }).notNull(),
    detectedAt: timestamp({ withTimezone: true }).notNull(),
    before: jsonb().$type<AlertSide>().notNull(),
    after: jsonb().$type<AlertSide>().notNull(),
    articles: jsonb().$type<string[]>().notNull(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    sendError: text(),
  },
  (t) => [
    unique().on(t.ruleId, t.outletId, t.actorId, t.kind, t.changeAt),
    index().on(t.outletId, t.actorId),
  ],
);
