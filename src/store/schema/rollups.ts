import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** The periods a rollup row can sum over; weeks start on Monday, every period is cut in UTC. */
export const ROLLUP_GRAINS = ['day', 'week', 'month'] as const;
export type RollupGrain = (typeof ROLLUP_GRAINS)[number];

/**
 * Article-level stance of an actor summed per outlet and period, over each article's current
 * analyzer version: what v_stance_daily/weekly/monthly read instead of scanning every analysis.
 * Sums are numeric so that adding and removing an article's contribution is exact: a row kept up
 * to date incrementally equals one rebuilt from scratch, digit for digit. No foreign keys: the rows
 * are derived (a rebuild recreates them), the views join actors and outlets anyway, and checking
 * two keys per row tripled the time of a rebuild.
 */
export const stanceRollups = pgTable(
  'stance_rollups',
  {
    grain: text().$type<RollupGrain>().notNull(),
    actorId: text().notNull(),
    outletId: text().notNull(),
    period: date().notNull(),
    articles: integer().notNull(),
    mentions: integer().notNull(),
    sumScore: numeric().notNull(),
    sumSqScore: numeric().notNull(),
    positive: integer().notNull(),
    neutral: integer().notNull(),
    negative: integer().notNull(),
    // Derived on write, so that reading a trend is reading rows: the 95% interval of the mean
    // (normal approximation, clamped to [-1, 1], none for a single article), as the views show it.
    meanStance: doublePrecision().generatedAlwaysAs(
      sql`CASE WHEN articles > 0 THEN round(sum_score / articles, 4)::float8 END`,
    ),
    ciLow: doublePrecision().generatedAlwaysAs(
      sql`CASE WHEN articles > 1 THEN round(greatest(-1, sum_score / articles - 1.96 * sqrt(greatest(0, (sum_sq_score - sum_score * sum_score / articles) / (articles - 1))) / sqrt(articles::numeric)), 4)::float8 END`,
    ),
    ciHigh: doublePrecision().generatedAlwaysAs(
      sql`CASE WHEN articles > 1 THEN round(least(1, sum_score / articles + 1.96 * sqrt(greatest(0, (sum_sq_score - sum_score * sum_score / articles) / (articles - 1))) / sqrt(articles::numeric)), 4)::float8 END`,
    ),
  },
  (t) => [
    primaryKey({ columns: [t.grain, t.actorId, t.outletId, t.period] }),
    // One outlet's actors over time (the coverage and outlet pages); the key serves actor-first reads.
    index().on(t.grain, t.outletId, t.period),
  ],
);

/**
 * Mentions of an actor presented in each frame, per outlet and period (same articles as
 * stance_rollups). `frame_mentions` sums share x mentions, so dividing by the period's mentions
 * gives the frame's share of them.
 */
export const frameRollups = pgTable(
  'frame_rollups',
  {
    grain: text().$type<RollupGrain>().notNull(),
    actorId: text().notNull(),
    outletId: text().notNull(),
    period: date().notNull(),
    frame: text().notNull(),
    articles: integer().notNull(),
    frameMentions: numeric().notNull(),
  },
  (t) => [primaryKey({ columns: [t.grain, t.actorId, t.outletId, t.period, t.frame] })],
);
