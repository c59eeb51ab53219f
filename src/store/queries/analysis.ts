import { and, eq, getTableColumns, inArray, sql, type Column, type SQL } from 'drizzle-orm';
import { toSnakeCase } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../client.js';
import { articleActors, articles, attributionTargets, attributions, mentions } from '../schema/index.js';
import type { StoredCue, StoredTarget } from '../schema/index.js';
import { withPartitions } from './partitions.js';
import { applyContribution, lockArticles, readContribution } from './rollups.js';
import { upsertSources, type SourceToSave } from './sources.js';

type Span = { text: string; start: number; end: number };
type Scored = { score: number; label: string; confidence: number };
type Probabilities = { negative: number; neutral: number; positive: number };

/** What store needs of an analysis (structurally the nlp Analysis; store does not import nlp). */
export interface AnalysisToSave {
  analyzerVersion: string;
  actors: {
    id: string;
    stance: Scored & { positiveShare?: number; negativeShare?: number };
    frames: Record<string, number | undefined>;
    mentions: (Span & Scored & { probabilities?: Probabilities; frames: string[]; evidence: { sentence: Span; cues: StoredCue[] } })[];
  }[];
  attributions: {
    source: (Span & { kind: string; actor?: string }) | null;
    via?: Span & { kind: string };
    cue: Span;
    content: Span;
    direct: boolean;
    targets: StoredTarget[];
    /**
     * The normalised identity of the source and channel (nlp's identifySources): stored in
     * `sources`, linked by key. Absent: the attribution is stored without a source key.
     */
    identity?: { source?: SourceToSave; via?: SourceToSave };
  }[];
}

function definedShares(frames: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(frames).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

/** Characters SQL counts as one and the analyzer (UTF-16) as two: offsets would disagree past them. */
const ASTRAL = /[\uD800-\uDFFF]/;

/**
 * `read(span)` null: the span's text can be read back in SQL from the article's text through its
 * offsets (sw_span), so the row stores offsets only; else the text to store. Without the analysed
 * text, or with characters SQL and the analyzer count differently, everything is written out.
 */
function compactor(text: string | undefined): (s: Span) => string | null {
  if (text === undefined || ASTRAL.test(text)) return (s) => s.text;
  return (s) => (text.slice(s.start, s.end) === s.text ? null : s.text);
}

/** [start, end, weight x 1000] triples; null when a weight has more than three decimals. */
function cueSpans(cues: readonly StoredCue[]): number[] | null {
  const out: number[] = [];
  for (const c of cues) {
    const w = Math.round(c.weight * 1000);
    if (w / 1000 !== c.weight) return null;
    out.push(c.start, c.end, w);
  }
  return out;
}

/** Rows of one analysis, flattened for multi-row inserts. */
function rowsFor(articleId: string, a: AnalysisToSave, text: string | undefined, month: string) {
  const v = a.analyzerVersion;
  const stored = compactor(text);
  const actorRows = a.actors.map((act) => ({
    articleId,
    actorId: act.id,
    analyzerVersion: v,
    score: act.stance.score,
    label: act.stance.label,
    confidence: act.stance.confidence,
    mentions: act.mentions.length,
    frames: definedShares(act.frames),
    positiveShare: act.stance.positiveShare ?? null,
    negativeShare: act.stance.negativeShare ?? null,
  }));
  const mentionRows = a.actors.flatMap((act) =>
    act.mentions.map((m) => ({
      articleId,
      analyzerVersion: v,
      actorId: act.id,
      start: m.start,
      end: m.end,
      text: m.text,
      score: m.score,
      label: m.label,
      confidence: m.confidence,
      frames: m.frames,
      sentence: stored(m.evidence.sentence),
      sentenceStart: m.evidence.sentence.start,
      sentenceEnd: m.evidence.sentence.end,
      ...compactCues(m.evidence.cues, stored),
      month,
      pNegative: m.probabilities?.negative ?? null,
      pNeutral: m.probabilities?.neutral ?? null,
      pPositive: m.probabilities?.positive ?? null,
    })),
  );
  const attributionRows = a.attributions.map((at, ordinal) => ({
    articleId,
    analyzerVersion: v,
    ordinal,
    sourceText: at.source ? stored(at.source) : null,
    sourceKind: at.source?.kind ?? null,
    sourceActor: at.source?.actor ?? null,
    sourceStart: at.source?.start ?? null,
    sourceEnd: at.source?.end ?? null,
    viaText: at.via?.text ?? null,
    viaKind: at.via?.kind ?? null,
    sourceKey: at.identity?.source?.key ?? null,
    sourceName: at.identity?.source?.name ?? null,
    viaKey: at.identity?.via?.key ?? null,
    cue: stored(at.cue),
    cueStart: at.cue.start,
    cueEnd: at.cue.end,
    content: stored(at.content),
    contentStart: at.content.start,
    contentEnd: at.content.end,
    direct: at.direct,
    targets: at.targets,
  }));
  const targetRows = a.attributions.flatMap((at, ordinal) =>
    // One row per actor (the key): a hand-built analysis might list an actor twice.
    [...new Map(at.targets.map((t) => [t.actor, t] as const)).values()].map((t) => ({
      articleId,
      analyzerVersion: v,
      ordinal,
      actorId: t.actor,
      score: t.score,
      label: t.label,
      sourceKey: at.identity?.source?.key ?? null,
    })),
  );
  const sourceRows = a.attributions.flatMap((at) =>
    [at.identity?.source, at.identity?.via].flatMap((s) => (s === undefined ? [] : [{ articleId, source: s }])),
  );
  return { actorRows, mentionRows, attributionRows, targetRows, sourceRows };
}

function compactCues(cues: readonly StoredCue[], stored: (s: Span) => string | null) {
  const spans = cueSpans(cues);
  const exact = spans !== null && cues.every((c) => stored(c) === null);
  return { cueSpans: spans ?? [], cues: exact ? null : [...cues] };
}

/**
 * One `INSERT ... SELECT` per table with rows, each reading one jsonb parameter
 * (jsonb_populate_recordset) instead of one bind parameter per value: building thousands of
 * parameters per batch cost more than the analysis. All tables go in one statement (data-modifying
 * CTEs), so a batch's rows cost one round trip, not one per table.
 */
async function insertAsJson(tx: Tx, tables: [PgTable, Record<string, unknown>[]][]): Promise<void> {
  const inserts = tables
    .filter(([, rows]) => rows.length > 0)
    .map(([table, rows]) => {
      const pairs = columnPairs(table);
      const json = JSON.stringify(rows.map((r) => snakeKeys(r, pairs)));
      const cols = sql.raw(pairs.map(([, n]) => `"${n}"`).join(', '));
      return sql`INSERT INTO ${table} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${table}, ${json}::jsonb)`;
    });
  if (inserts.length > 0) await tx.execute(withSiblings(inserts));
}

/**
 * Statements as one: all but the last as data-modifying CTEs. They run on one snapshot, so they
 * must not depend on each other's rows (they touch different tables here).
 */
function withSiblings(statements: SQL[]): SQL {
  const last = statements.at(-1);
  if (last === undefined) throw new Error('withSiblings needs at least one statement');
  if (statements.length === 1) return last;
  const ctes = statements.slice(0, -1).map((st, i) => sql`${sql.raw(`w${i}`)} AS (${st})`);
  return sql`WITH ${sql.join(ctes, sql`, `)} ${last}`;
}

const pairsOf = new WeakMap<PgTable, [key: string, column: string][]>();

/**
 * Each property of the table's rows with its column name, worked out once per table: snake-casing
 * every key of every row cost as much as the rest of building the batch's JSON.
 */
function columnPairs(table: PgTable): [key: string, column: string][] {
  let pairs = pairsOf.get(table);
  if (!pairs) {
    // The schema relies on the client's snake_case casing, so a key-named column is snake-cased here.
    pairs = Object.entries(getTableColumns(table)).map(([key, col]: [string, Column]) => [
      key,
      col.keyAsName ? toSnakeCase(col.name) : col.name,
    ]);
    pairsOf.set(table, pairs);
  }
  return pairs;
}

function snakeKeys(row: Record<string, unknown>, pairs: readonly [string, string][]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of pairs) out[column] = row[key] ?? null;
  return out;
}

/** Article ids by analyzer version, in order of first appearance. */
function groupIds(pairs: [articleId: string, version: string][]): Map<string, string[]> {
  const byVersion = new Map<string, string[]>();
  for (const [id, v] of pairs) {
    const ids = byVersion.get(v);
    if (ids) ids.push(id);
    else byVersion.set(v, [id]);
  }
  return byVersion;
}

export interface AnalysisForArticle {
  articleId: string;
  analysis: AnalysisToSave;
  /**
   * The text analysed (title, blank line, body), whose offsets the analysis gives: with it the
   * rows keep offsets instead of repeating sentences, cue words and quotes. Without it they are
   * written out in full.
   */
  text?: string;
}

/**
 * Replaces the analysis rows of each article for its analyzer version, all in one transaction, and
 * marks that version current. Running it twice leaves identical rows (at-least-once delivery); a
 * batch shares one commit, which is what makes the analyze stage fast on a durable server. The
 * stance and frame rollups move by the difference between each article's previous current
 * analysis and this one, in the same transaction. Normalised sources are upserted (first and last
 * seen widened, never narrowed) with their aliases; one statement per table per batch.
 */
export async function saveAnalyses(db: Db, items: AnalysisForArticle[]): Promise<void> {
  if (items.length === 0) return;
  const byVersion = groupIds(items.map((it) => [it.articleId, it.analysis.analyzerVersion]));
  // Each article is marked once, with the last version given for it: one statement must not
  // update a row twice.
  const current = groupIds([...new Map(items.map((it) => [it.articleId, it.analysis.analyzerVersion]))]);
  const allIds = [...new Set(items.map((it) => it.articleId))];
  const monthsBefore = await monthsOf(db, allIds);
  await withPartitions(db, [['mentions', monthsBefore.values()]], () => db.transaction(async (tx) => {
    await lockArticles(tx, allIds);
    // Read again under the lock: a new publication date moves the article to another month.
    const months = await monthsOf(tx, allIds);
    const rows = items.map((it) => rowsFor(it.articleId, it.analysis, it.text, months.get(it.articleId) ?? ''));
    const before = await readContribution(tx, allIds);
    // Earlier rows of these versions go in one statement, and the new rows in the next: an insert
    // beside the delete of the same key would conflict with the row being deleted.
    const analyzedAt = new Date().toISOString();
    await tx.execute(
      withSiblings([
        ...[...byVersion].flatMap(([v, ids]) =>
          [mentions, articleActors, attributions, attributionTargets].map(
            (t) => sql`DELETE FROM ${t} WHERE ${and(inArray(t.articleId, ids), eq(t.analyzerVersion, v))}`,
          ),
        ),
        ...[...current].map(
          ([v, ids]) => sql`UPDATE ${articles} SET analyzer_version = ${v}, analyzed_at = ${analyzedAt}
            WHERE ${inArray(articles.id, ids)}`,
        ),
      ]),
    );
    await upsertSources(tx, rows.flatMap((r) => r.sourceRows));
    await insertAsJson(tx, [
      [articleActors, rows.flatMap((r) => r.actorRows)],
      [mentions, rows.flatMap((r) => r.mentionRows)],
      [attributions, rows.flatMap((r) => r.attributionRows)],
      [attributionTargets, rows.flatMap((r) => r.targetRows)],
    ]);
    await applyContribution(tx, allIds, before);
  }));
}

async function monthsOf(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  const rows = await db.select({ id: articles.id, month: articles.month }).from(articles).where(inArray(articles.id, ids));
  return new Map(rows.map((r) => [r.id, r.month]));
}

/** One article's analysis: see saveAnalyses. */
export async function saveAnalysis(db: Db, articleId: string, a: AnalysisToSave): Promise<void> {
  await saveAnalyses(db, [{ articleId, analysis: a }]);
}
