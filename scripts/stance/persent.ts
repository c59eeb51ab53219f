import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Actor, Analyzer } from '../../src/nlp/index.js';
import type { StanceModelLabel } from '../../src/nlp/stance-model/types.js';

/** One PerSenT document: the author's sentiment towards its main person. */
export interface PersentDoc {
  id: string;
  title: string;
  target: string;
  text: string;
  label: StanceModelLabel;
}

const LABELS: Record<string, StanceModelLabel> = { Positive: 'positive', Neutral: 'neutral', Negative: 'negative' };

/** Reads PerSenT's CSV (DOCUMENT_INDEX, TITLE, TARGET_ENTITY, DOCUMENT, ..., TRUE_SENTIMENT). */
export function readPersent(file: string): PersentDoc[] {
  const rows = parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Record<string, string>[];
  return rows.map((r, i) => {
    const label = LABELS[r.TRUE_SENTIMENT ?? ''];
    if (!label || !r.TARGET_ENTITY || !r.DOCUMENT) {
      throw new Error(`${file}: row ${i + 2} lacks TARGET_ENTITY, DOCUMENT or a TRUE_SENTIMENT of Positive/Neutral/Negative`);
    }
    return { id: r.DOCUMENT_INDEX ?? String(i), title: r.TITLE ?? '', target: r.TARGET_ENTITY.trim(), text: r.DOCUMENT, label };
  });
}

/**
 * The configured actor an operator would write for the document's main person: the full name
 * and the surname (articles name a person in full once, then by surname).
 */
export function personActor(name: string): Actor {
  const parts = name.split(/\s+/).filter((p) => p.length > 1 && !/^[A-Z]\.$/.test(p));
  const surname = parts.at(-1);
  const aliases = surname && surname !== name && surname.length > 2 ? [surname] : [];
  return { id: 'target', name, kind: 'person', aliases, demonyms: [] };
}

/**
 * Article-level stance of the main person through the analyzer (neutral when never mentioned),
 * over the title and the body as the analyze stage reads a stored article.
 */
export function documentStance(analyzer: (actors: readonly Actor[]) => Analyzer, doc: PersentDoc): { score: number; confidence: number; mentions: number; label: StanceModelLabel } {
  const text = doc.title.trim() === '' ? doc.text : `${doc.title}\n\n${doc.text}`;
  const analysis = analyzer([personActor(doc.target)])(text);
  const target = analysis.actors.find((a) => a.id === 'target');
  if (!target) return { score: 0, confidence: 0, mentions: 0, label: 'neutral' };
  return { ...target.stance, mentions: target.mentions.length };
}

/** Article-level label from a score with cut points: negative below `lo`, positive from `hi`. */
export function cutLabel(score: number, mentions: number, lo: number, hi: number): StanceModelLabel {
  if (mentions === 0) return 'neutral';
  if (score < lo) return 'negative';
  return score >= hi ? 'positive' : 'neutral';
}

const GRID = Array.from({ length: 73 }, (_, i) => Math.round((-0.9 + i * 0.025) * 1000) / 1000);

/** The cut points with the best F1m on these scored documents (grid of 0.025). */
export function bestCuts(
  scored: readonly { score: number; mentions: number; gold: StanceModelLabel }[],
  f1m: (gold: StanceModelLabel[], pred: StanceModelLabel[]) => number,
): { lo: number; hi: number; f1m: number } {
  const gold = scored.map((s) => s.gold);
  let best = { lo: -0.1, hi: 0.1, f1m: -1 };
  for (const lo of GRID) {
    for (const hi of GRID) {
      if (hi < lo) continue;
      const f = f1m(gold, scored.map((s) => cutLabel(s.score, s.mentions, lo, hi)));
      if (f > best.f1m) best = { lo, hi, f1m: f };
    }
  }
  return best;
}
