import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { articleActors, articles, attributions, mentions } from '../schema/index.js';
import type { StoredCue, StoredTarget } from '../schema/index.js';

type Span = { text: string; start: number; end: number };
type Scored = { score: number; label: string; confidence: number };

/** What store needs of an analysis (structurally the nlp Analysis; store does not import nlp). */
export interface AnalysisToSave {
  analyzerVersion: string;
  actors: {
    id: string;
    stance: Scored;
    frames: Record<string, number | undefined>;
    mentions: (Span & Scored & { frames: string[]; evidence: { sentence: Span; cues: StoredCue[] } })[];
  }[];
  attributions: {
    source: (Span & { kind: string; actor?: string }) | null;
    via?: Span & { kind: string };
    cue: Span;
    content: Span;
    direct: boolean;
    targets: StoredTarget[];
  }[];
}

function definedShares(frames: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(frames).filter((e): e is [string, number] => typeof e[1] === 'number'),
  );
}

/**
 * Replaces this article's analysis rows for this analyzer version in one transaction and marks
 * that version current. Running it twice leaves identical rows (at-least-once delivery).
 */
export async function saveAnalysis(db: Db, articleId: string, a: AnalysisToSave): Promise<void> {
  const v = a.analyzerVersion;
  await db.transaction(async (tx) => {
    const mine = <T extends typeof mentions | typeof articleActors | typeof attributions>(t: T) =>
      and(eq(t.articleId, articleId), eq(t.analyzerVersion, v));
    await tx.delete(mentions).where(mine(mentions));
    await tx.delete(articleActors).where(mine(articleActors));
    await tx.delete(attributions).where(mine(attributions));
    const actorRows = a.actors.map((act) => ({
      articleId,
      actorId: act.id,
      analyzerVersion: v,
      score: act.stance.score,
      label: act.stance.label,
      confidence: act.stance.confidence,
      mentions: act.mentions.length,
      frames: definedShares(act.frames),
    }));
    if (actorRows.length > 0) await tx.insert(articleActors).values(actorRows);
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
        sentence: m.evidence.sentence.text,
        sentenceStart: m.evidence.sentence.start,
        sentenceEnd: m.evidence.sentence.end,
        cues: m.evidence.cues,
      })),
    );
    // Chunked: PostgreSQL caps bind parameters per statement (65k), and long articles add up.
    for (let i = 0; i < mentionRows.length; i += 500) {
      await tx.insert(mentions).values(mentionRows.slice(i, i + 500));
    }
    const attributionRows = a.attributions.map((at, ordinal) => ({
      articleId,
      analyzerVersion: v,
      ordinal,
      sourceText: at.source?.text ?? null,
      sourceKind: at.source?.kind ?? null,
      sourceActor: at.source?.actor ?? null,
      sourceStart: at.source?.start ?? null,
      sourceEnd: at.source?.end ?? null,
      viaText: at.via?.text ?? null,
      viaKind: at.via?.kind ?? null,
      cue: at.cue.text,
      cueStart: at.cue.start,
      cueEnd: at.cue.end,
      content: at.content.text,
      contentStart: at.content.start,
      contentEnd: at.content.end,
      direct: at.direct,
      targets: at.targets,
    }));
    if (attributionRows.length > 0) await tx.insert(attributions).values(attributionRows);
    await tx
      .update(articles)
      .set({ analyzerVersion: v, analyzedAt: new Date() })
      .where(eq(articles.id, articleId));
  });
}
