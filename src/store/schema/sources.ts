import { index, integer, pgTable, primaryKey, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { actors } from './actors.js';
import { articles } from './articles.js';

/**
 * A quoted or cited source, normalised across articles: "Dmitry Peskov", "Peskov" and "Kremlin
 * spokesman Dmitry Peskov" are one row (`person:dmitry-peskov`); unnamed sources are grouped by
 * whom they speak for (`anonymous:eu`). The key comes from nlp's source-key.ts; the store only
 * keeps it. Rows are never deleted by a re-analysis: `first_seen`/`last_seen` span every article
 * that ever cited the source.
 */
export const sources = pgTable(
  'sources',
  {
    key: text().primaryKey(),
    /** Display name; the first one written stays (later articles may spell it otherwise). */
    name: text().notNull(),
    kind: text().notNull(),
    /** The actor the source speaks for, when any article said so. */
    actorId: text(),
    /** Canonical last name of a person named in full: a later bare "Peskov" resolves through it. */
    surname: text(),
    /** Publication time (fetch time when unknown) of the first and last article citing it. */
    firstSeen: timestamp({ withTimezone: true }).notNull(),
    lastSeen: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index().on(t.surname), index().on(t.actorId)],
);

/** Each canonical surface form a source was written as ("kremlin spokesman dmitry peskov"). */
export const sourceAliases = pgTable(
  'source_aliases',
  {
    alias: text().notNull(),
    sourceKey: text()
      .notNull()
      .references(() => sources.key, { onDelete: 'cascade' }),
  },
  // One alias may name several sources ("peskov" before a second Peskov appeared): the key pair.
  (t) => [primaryKey({ columns: [t.alias, t.sourceKey] }), index().on(t.sourceKey)],
);

/**
 * The stance a source takes towards each actor inside one attribution (the attribution's
 * `targets`, one row each), so "who speaks against China in outlet X" reads an index on
 * (actor, label) instead of unpacking JSON. Replaced with its attribution.
 */
export const attributionTargets = pgTable(
  'attribution_targets',
  {
    articleId: uuid()
      .notNull()
      .references(() => articles.id, { onDelete: 'cascade' }),
    analyzerVersion: text().notNull(),
    ordinal: integer().notNull(),
    actorId: text()
      .notNull()
      .references(() => actors.id, { onDelete: 'cascade' }),
    score: real().notNull(),
    label: text().notNull(),
    /** The attribution's source (null for an unresolved pronoun or a sourceless quote). */
    sourceKey: text(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.analyzerVersion, t.ordinal, t.actorId] }),
    index().on(t.actorId, t.label),
    index().on(t.sourceKey),
  ],
);
