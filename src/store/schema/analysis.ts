import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { actors } from './actors.js';
import { articles } from './articles.js';

export type StoredCue = { text: string; start: number; end: number; weight: number };
export type StoredTarget = { actor: string; score: number; label: string };

const articleRef = () =>
  uuid()
    .notNull()
    .references(() => articles.id, { onDelete: 'cascade' });
const actorRef = () =>
  text()
    .notNull()
    .references(() => actors.id, { onDelete: 'cascade' });

/** Article-level stance of one actor, per analyzer version. */
export const articleActors = pgTable(
  'article_actors',
  {
    articleId: articleRef(),
    actorId: actorRef(),
    analyzerVersion: text().notNull(),
    score: real().notNull(),
    label: text().notNull(),
    confidence: real().notNull(),
    mentions: integer().notNull(),
    frames: jsonb().$type<Record<string, number>>().notNull(),
    /** Shares of the mentions labelled positive / negative (null before analyzer a5). */
    positiveShare: real(),
    negativeShare: real(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.actorId, t.analyzerVersion] }),
    index().on(t.actorId),
  ],
);

/**
 * One mention of an actor with its stance and the evidence that produced it: the sentence and cue
 * words as offsets into the article's analysed text, partitioned by publication month.
 */
export const mentions = pgTable(
  'mentions',
  {
    articleId: articleRef(),
    analyzerVersion: text().notNull(),
    actorId: actorRef(),
    start: integer().notNull(),
    end: integer().notNull(),
    text: text().notNull(),
    score: real().notNull(),
    label: text().notNull(),
    confidence: real().notNull(),
    frames: jsonb().$type<string[]>().notNull(),
    sentenceStart: integer().notNull(),
    sentenceEnd: integer().notNull(),
    /** Written out only when the offsets cannot find it in SQL (see migration 0014); else null. */
    sentence: text(),
    /** The cue words as [start, end, weight x 1000] triples (offsets into the analysed text). */
    cueSpans: integer().array().notNull(),
    /** Written out only when the triples cannot give them back exactly; else null. */
    cues: jsonb().$type<StoredCue[]>(),
    /** The article's publication month: the partition (monthly, see articles.month). */
    month: date({ mode: 'string' }).notNull(),
    /** Calibrated class probabilities behind score and label (null before analyzer a5). */
    pNegative: real(),
    pNeutral: real(),
    pPositive: real(),
  },
  (t) => [
    primaryKey({ columns: [t.articleId, t.analyzerVersion, t.actorId, t.start, t.month] }),
    index().on(t.actorId, t.month),
  ],
);

/** Reported speech or citation found in an article (filled by the attribution tagger). */
export const attributions = pgTable(
  'attributions',
  {
    articleId: articleRef(),
    analyzerVersion: text().notNull(),
    ordinal: integer().notNull(),
    sourceText: text(),
    sourceKind: text(),
    sourceActor: text(),
    sourceStart: integer(),
    sourceEnd: integer(),
    viaText: text(),
    viaKind: text(),
    /** Normalised source (sources.key) and its display name; null for an unresolved pronoun. */
    sourceKey: text(),
    sourceName: text(),
    /** Normalised channel of a nested citation ("Reuters" in "Reuters, citing ..."). */
    viaKey: text(),
    /** Null when the offsets give it (see migration 0014), like content and sourceText. */
    cue: text(),
    cueStart: integer().notNull(),
    cueEnd: integer().notNull(),
    content: text(),
    contentStart: integer().notNull(),
    contentEnd: integer().notNull(),
    direct: boolean().notNull(),
    targets: jsonb().$type<StoredTarget[]>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.articleId, t.analyzerVersion, t.ordinal] }), index().on(t.sourceKey)],
);
