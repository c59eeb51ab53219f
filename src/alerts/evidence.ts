import type { EvidenceItem, SourceCount } from './details.js';
import { measureOf } from './measure.js';
import type { Detection, SeriesPoint } from './types.js';

/** One mention of the actor, as stored: the sentence it stands in, its score and frames. */
export interface MentionLine {
  articleId: string;
  sentence: string;
  score: number;
  frames: string[];
}

function risingName(d: Detection): string | undefined {
  return d.shares.find((s) => s.after > s.before)?.name;
}

/** The sentence of an article that shows the change best. */
function bestSentence(d: Detection, p: SeriesPoint, lines: MentionLine[]): string | null {
  if (d.kind === 'source-shift') {
    const key = d.direction > 0 ? d.measure.slice('source:'.length) : undefined;
    const shows = (s: { key: string; name: string }) => (key ? s.key === key : s.name === risingName(d));
    const quoted = p.sources?.find((s) => shows(s) && s.quote) ?? p.sources?.find((s) => s.quote);
    return quoted?.quote ?? null;
  }
  if (lines.length === 0) return null;
  if (d.kind === 'frame-shift') {
    const frame = d.direction > 0 ? d.measure.slice('frame:'.length) : risingName(d);
    const framed = lines.filter((l) => frame !== undefined && l.frames.includes(frame));
    const pool = framed.length > 0 ? framed : lines;
    return [...pool].sort((a, b) => Math.abs(b.score) - Math.abs(a.score))[0]!.sentence;
  }
  return [...lines].sort((a, b) => d.direction * (b.score - a.score))[0]!.sentence;
}

/** The 3–5 articles that drove a change, each with the sentence that shows it and a link. */
export function buildEvidence(d: Detection, series: SeriesPoint[], mentions: MentionLine[]): EvidenceItem[] {
  const read = measureOf(d.measure);
  return d.drivers.map((i) => {
    const p = series[i]!;
    return {
      url: p.url,
      title: p.title ?? p.url,
      publishedAt: p.at.toISOString(),
      value: read(p) ?? 0,
      sentence: bestSentence(d, p, mentions.filter((m) => m.articleId === p.articleId)),
    };
  });
}

function countSources(points: readonly SeriesPoint[], limit: number): SourceCount[] {
  const byKey = new Map<string, SourceCount>();
  for (const p of points) {
    for (const s of p.sources ?? []) {
      const c = byKey.get(s.key) ?? { name: s.name, kind: s.kind, quotes: 0 };
      c.quotes++;
      byKey.set(s.key, c);
    }
  }
  return [...byKey.values()].sort((a, b) => b.quotes - a.quotes || a.name.localeCompare(b.name)).slice(0, limit);
}

/** The sources quoted most about the actor before and after the change (up to five each). */
export function topSources(d: Detection, series: SeriesPoint[]): { before: SourceCount[]; after: SourceCount[] } {
  return {
    before: countSources(series.slice(d.refStart, d.changeIndex), 5),
    after: countSources(series.slice(d.changeIndex, d.detectIndex + 1), 5),
  };
}
