import type { MentionLine, OutletSeries, QuotedSource, SeriesPoint, StanceLabelName } from '../alerts/index.js';
import {
  actorStanceSeries,
  mentionEvidence,
  outletQuotedSources,
  outletStanceSeries,
  type Db,
  type QuotedSourceRow,
} from '../store/index.js';

export interface OutletData {
  /** Each actor's series in this outlet, oldest first. */
  byActor: Map<string, SeriesPoint[]>;
  /** When each article was last analysed: new evidence is what the worker alerts on. */
  analyzedAt: Map<string, Date | null>;
}

/**
 * Sources are keyed by their normalised identity (sources.key: "Peskov" and "Kremlin spokesman
 * Dmitry Peskov" are one source, unnamed ones are grouped by whom they speak for). An attribution
 * stored without one (analysed before sources were normalised) falls back to its name as written,
 * or its kind when unnamed.
 */
function quotedSource(row: QuotedSourceRow): QuotedSource {
  const name = row.name?.replace(/\s+/g, ' ').trim();
  const kind = row.kind ?? 'unknown';
  if (row.key !== null) return { key: row.key, name: name || row.key, kind, quote: row.content };
  const base = name
    ? { key: name.toLowerCase(), name, kind }
    : { key: `(${kind})`, name: `unnamed ${kind} source`, kind };
  return { ...base, quote: row.content };
}

const LABELS: readonly string[] = ['negative', 'neutral', 'positive'];
const labelOf = (l: string): StanceLabelName | undefined => (LABELS.includes(l) ? (l as StanceLabelName) : undefined);

/** One outlet's stance, frame and source series per actor, as the detectors read them. */
export async function loadOutletData(db: Db, outletId: string): Promise<OutletData> {
  const quotes = new Map<string, QuotedSource[]>();
  for (const row of await outletQuotedSources(db, outletId)) {
    const key = `${row.articleId}|${row.actorId}`;
    quotes.set(key, [...(quotes.get(key) ?? []), quotedSource(row)]);
  }
  const byActor = new Map<string, SeriesPoint[]>();
  const analyzedAt = new Map<string, Date | null>();
  for (const r of await outletStanceSeries(db, outletId)) {
    const list = byActor.get(r.actorId) ?? [];
    const sources = quotes.get(`${r.articleId}|${r.actorId}`) ?? [];
    const { articleId, url, title, at, score, frames } = r;
    const label = labelOf(r.label);
    list.push({ articleId, url, title, at, score, ...(label ? { label } : {}), frames, sources });
    byActor.set(r.actorId, list);
    analyzedAt.set(r.articleId, r.analyzedAt);
  }
  return { byActor, analyzedAt };
}

/** The same actor in every other outlet over [from, to], for the news-driven check. */
export async function otherOutlets(
  db: Db,
  outletId: string,
  actorId: string,
  from: Date,
  to: Date,
): Promise<OutletSeries[]> {
  const byOutlet = new Map<string, SeriesPoint[]>();
  for (const r of await actorStanceSeries(db, actorId, { from, to })) {
    if (r.outletId === outletId) continue;
    const list = byOutlet.get(r.outletId) ?? [];
    list.push({ articleId: r.articleId, url: r.url, at: r.at, score: r.score, frames: r.frames });
    byOutlet.set(r.outletId, list);
  }
  return [...byOutlet].map(([id, points]) => ({ outletId: id, points }));
}

export async function driverMentions(
  db: Db,
  actorId: string,
  series: SeriesPoint[],
  drivers: number[],
): Promise<MentionLine[]> {
  return mentionEvidence(db, actorId, drivers.map((i) => series[i]!.articleId));
}
