import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { textOfArticle } from './article-pages.js';
import { actors, articleActors, articleTexts, articles, attributions, mentions, outlets } from '../schema/index.js';
import type { StoredCue, StoredTarget } from '../schema/index.js';

export interface EvidenceMention {
  actorId: string;
  start: number;
  end: number;
  text: string;
  score: number;
  label: string;
  confidence: number;
  frames: string[];
  sentenceStart: number;
  sentenceEnd: number;
  cues: StoredCue[];
}

export interface EvidenceAttribution {
  ordinal: number;
  source: string | null;
  sourceKind: string | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  cue: string;
  cueStart: number;
  cueEnd: number;
  content: string;
  contentStart: number;
  contentEnd: number;
  direct: boolean;
  targets: StoredTarget[];
}

/**
 * One article with everything its figures rest on: the analysed text (title, blank line, body:
 * the offsets of mentions and attributions point into it), each actor's article-level stance,
 * and the mentions and attributions of its current analysis.
 */
export interface ArticleEvidence {
  id: string;
  outletId: string;
  outletName: string;
  title: string;
  url: string;
  publishedAt: Date | null;
  analyzerVersion: string | null;
  /** Title, blank line, body; only the title when the text was pruned (see textPruned). */
  analyzedText: string;
  /**
   * The body was dropped by retention (`stancewatch prune`): the figures stand, the words behind
   * them (sentences, cue words, quotes) are gone unless the row kept them written out.
   */
  textPruned: boolean;
  actors: { id: string; name: string; score: number; label: string; confidence: number; mentions: number; frames: Record<string, number> }[];
  mentions: EvidenceMention[];
  attributions: EvidenceAttribution[];
}

/** The evidence view of one article, or undefined when there is no such article. */
export async function articleEvidence(db: Db, id: string): Promise<ArticleEvidence | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) return undefined;
  const rows = await db
    .select({ a: articles, outletName: outlets.name, text: articleTexts.text })
    .from(articles)
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .leftJoin(articleTexts, textOfArticle)
    .where(eq(articles.id, id))
    .limit(1);
  const row = rows[0];
  if (!row) return undefined;
  const a = row.a;
  // Rows keep offsets into this text (migration 0014); a pruned text leaves the spans empty.
  const text = row.text === null ? a.title : `${a.title}\n\n${row.text}`;
  const span = (start: number, end: number) => (row.text === null ? '' : text.slice(start, end));
  // No current analysis yet: an impossible version keeps the queries below empty.
  const version = a.analyzerVersion ?? '\u0000';
  const [actorRows, mentionRows, attributionRows] = await Promise.all([
    db
      .select({ id: articleActors.actorId, name: actors.name, score: articleActors.score, label: articleActors.label, confidence: articleActors.confidence, mentions: articleActors.mentions, frames: articleActors.frames })
      .from(articleActors)
      .innerJoin(actors, eq(actors.id, articleActors.actorId))
      .where(and(eq(articleActors.articleId, id), eq(articleActors.analyzerVersion, version)))
      .orderBy(sql`${articleActors.mentions} DESC`, asc(articleActors.actorId)),
    db
      .select()
      .from(mentions)
      // The article's month: only its partition is read.
      .where(and(eq(mentions.articleId, id), eq(mentions.analyzerVersion, version), eq(mentions.month, a.month)))
      .orderBy(asc(mentions.start)),
    db
      .select()
      .from(attributions)
      .where(and(eq(attributions.articleId, id), eq(attributions.analyzerVersion, version)))
      .orderBy(asc(attributions.ordinal)),
  ]);
  return {
    id: a.id,
    outletId: a.outletId,
    outletName: row.outletName,
    title: a.title,
    url: a.canonicalUrl,
    publishedAt: a.publishedAt,
    analyzerVersion: a.analyzerVersion,
    analyzedText: text,
    textPruned: row.text === null,
    actors: actorRows,
    mentions: mentionRows.map((m) => ({
      actorId: m.actorId,
      start: m.start,
      end: m.end,
      text: m.text,
      score: m.score,
      label: m.label,
      confidence: m.confidence,
      frames: m.frames,
      sentenceStart: m.sentenceStart,
      sentenceEnd: m.sentenceEnd,
      cues: m.cues ?? cuesOf(m.cueSpans, span),
    })),
    attributions: attributionRows.map((t) => ({
      ordinal: t.ordinal,
      source: t.sourceText ?? (t.sourceStart !== null && t.sourceEnd !== null ? span(t.sourceStart, t.sourceEnd) : null),
      sourceKind: t.sourceKind,
      sourceStart: t.sourceStart,
      sourceEnd: t.sourceEnd,
      cue: t.cue ?? span(t.cueStart, t.cueEnd),
      cueStart: t.cueStart,
      cueEnd: t.cueEnd,
      content: t.content ?? span(t.contentStart, t.contentEnd),
      contentStart: t.contentStart,
      contentEnd: t.contentEnd,
      direct: t.direct,
      targets: t.targets,
    })),
  };
}

/** Cue words from their [start, end, weight x 1000] triples, their text read from the analysed text. */
export function cuesOf(spans: readonly number[], span: (start: number, end: number) => string): StoredCue[] {
  const cues: StoredCue[] = [];
  for (let i = 0; i + 2 < spans.length; i += 3) {
    const start = spans[i]!;
    const end = spans[i + 1]!;
    cues.push({ text: span(start, end), start, end, weight: spans[i + 2]! / 1000 });
  }
  return cues;
}
