import { index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export type AlertSide = { articles: number; mean: number; ciLow: number | null; ciHigh: number | null };

/**
 * A detected framing change. Written once per (rule, outlet, actor, kind, change point), sent
 * once: a sender claims the row (`sending_at`, a lease), sends with a Message-ID derived from the
 * alert id, then sets `sent_at`. A lease left by a crashed sender expires and the row is retried.
 */
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
    /** Set while a sender holds the row; older than the lease means that sender died. */
    sendingAt: timestamp({ withTimezone: true }),
    sendAttempts: integer().notNull().default(0),
    /** The Message-ID it was (or is being) sent with; stable across retries. */
    messageId: text(),
    /** `smtp` or `outbox` (an .eml file written when no SMTP server is configured). */
    sentVia: text(),
    sentAt: timestamp({ withTimezone: true }),
    sendError: text(),
  },
  (t) => [
    unique().on(t.ruleId, t.outletId, t.actorId, t.kind, t.changeAt),
    index().on(t.outletId, t.actorId),
    index().on(t.detectedAt),
  ],
);
