import type { SeriesPoint } from '../../src/alerts/index.js';
import type { Tone } from '../../src/demo/index.js';
import { OUTLET_PROFILES } from '../../src/demo/world/outlets.js';
import { intBetween, pick, type Rng } from '../../src/demo/world/prng.js';
import { articleLabel } from '../../src/nlp/index.js';
import type { Labelled } from './pools.js';

export const WEEKS = 26;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Monday 5 January 2026, 00:00 UTC. */
const START_MS = Date.UTC(2026, 0, 5);
const TONES: readonly Tone[] = ['positive', 'neutral', 'negative'];

/**
 * `size` is the shift of the planted measure's expected mean (after minus before, over the
 * series' own tone mix): what the issue calls the size of a shift. `planted` is what was asked
 * for; the two differ when scores are clipped at ±1 or a frame cannot gain that much.
 */
export type PlantedShift =
  | { kind: 'stance'; week: number; index: number; at: Date; size: number; planted: number }
  | { kind: 'frame'; week: number; index: number; at: Date; size: number; planted: number; from: string; to: string };

export interface SyntheticSeries {
  id: string;
  actor: string;
  perWeek: number;
  points: SeriesPoint[];
  shift?: PlantedShift;
}

type Mix = Record<Tone, number>;

/** A tone mix of one (outlet, actor) of the demo world, jittered so no two series are alike. */
function drawMix(rng: Rng): { actor: string; mix: Mix } {
  const outlet = pick(rng, OUTLET_PROFILES);
  const actor = pick(rng, Object.keys(outlet.tones) as (keyof typeof outlet.tones)[]);
  const base = outlet.tones[actor];
  const raw = TONES.map((t) => base[t] + rng() * 0.1);
  const total = raw.reduce((s, x) => s + x, 0);
  return { actor, mix: { positive: raw[0]! / total, neutral: raw[1]! / total, negative: raw[2]! / total } };
}

function drawTone(rng: Rng, mix: Mix): Tone {
  const u = rng();
  return u < mix.positive ? 'positive' : u < mix.positive + mix.neutral ? 'neutral' : 'negative';
}

/** The labelled readings of this tone, the series' own actor's when it has a few. */
function poolFor(pool: readonly Labelled[], actor: string, tone: Tone): Labelled[] {
  const own = pool.filter((r) => r.actor === actor && r.tone === tone);
  return own.length >= 5 ? own : pool.filter((r) => r.tone === tone);
}

function publicationTimes(rng: Rng, perWeek: number): Date[] {
  const times: number[] = [];
  for (let w = 0; w < WEEKS; w++) {
    const n = Math.min(20, Math.max(3, perWeek + intBetween(rng, -2, 2)));
    for (let i = 0; i < n; i++) times.push(START_MS + w * WEEK_MS + Math.floor(rng() * WEEK_MS));
  }
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}

export interface SeriesPlan {
  id: string;
  shift?: { kind: 'stance' | 'frame'; size: number };
}

function point(id: string, i: number, at: Date, r: Labelled): SeriesPoint {
  return { articleId: `${id}-${i}`, url: `https://eval.invalid/${id}/${i}`, at, score: r.score, label: r.label, frames: { ...r.frames } };
}

function clip(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

function meanOf(xs: readonly number[]): number {
  return xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0;
}

function meanShare(rows: readonly Labelled[], frame: string): number {
  return rows.length > 0 ? rows.reduce((s, r) => s + (r.frames[frame] ?? 0), 0) / rows.length : 0;
}

/** The actor's usual frame and a rare one it could move to (e.g. economy -> security). */
function frameMove(rng: Rng, own: readonly Labelled[]): { from: string; to: string } {
  const names = ['diplomacy', 'economy', 'security', 'conflict', 'law', 'humanitarian', 'domestic-politics'];
  const ranked = names.map((f) => ({ f, m: meanShare(own, f) })).sort((a, b) => b.m - a.m);
  const rare = ranked.filter((x) => x.m < 0.15).map((x) => x.f);
  return { from: ranked[0]!.f, to: pick(rng, rare.length > 0 ? rare : names.slice(2)) };
}

/**
 * One synthetic (outlet, actor) series of 26 weeks at 3–20 articles a week, drawn from labelled
 * readings by a demo-world tone mix. A stance shift adds the planted size to every later score
 * (clipped to [-1, 1]); a frame shift replaces a share of later articles by real readings framed
 * the new way and not the old, so the new frame's expected share rises by the planted size when
 * the readings allow it. The shift's `size` is the expected change of the mean actually planted.
 */
export function buildSeries(rng: Rng, pool: readonly Labelled[], plan: SeriesPlan): SyntheticSeries {
  const { actor, mix } = drawMix(rng);
  const perWeek = intBetween(rng, 3, 20);
  const times = publicationTimes(rng, perWeek);
  const week = intBetween(rng, 4, WEEKS - 5);
  const shiftAt = new Date(START_MS + week * WEEK_MS);
  const own = pool.filter((r) => r.actor === actor);
  const move = frameMove(rng, own.length > 0 ? own : pool);
  const byTone = new Map(TONES.map((t) => [t, poolFor(pool, actor, t)]));
  const targets = new Map(
    TONES.map((t) => [t, pool.filter((x) => x.tone === t && (x.frames[move.to] ?? 0) > 0 && !(x.frames[move.from] ?? 0))]),
  );
  // A frame shift replaces each later article, with probability `replace`, by a real reading of
  // the same tone framed the new way: the new frame's expected share then rises by `replace`
  // times the expected gain, so `replace` = planted / gain (at most 1).
  const gain = TONES.reduce(
    (s, t) => s + mix[t] * (targets.get(t)!.length > 0 ? meanShare(targets.get(t)!, move.to) - meanShare(byTone.get(t)!, move.to) : 0),
    0,
  );
  const replace = plan.shift?.kind === 'frame' && gain > 0 ? Math.min(1, plan.shift.size / gain) : 0;
  const points = times.map((at, i) => {
    const tone = drawTone(rng, mix);
    let r = pick(rng, byTone.get(tone)!);
    const after = plan.shift !== undefined && at >= shiftAt;
    if (after && plan.shift?.kind === 'frame') {
      const target = targets.get(tone)!;
      if (target.length > 0 && rng() < replace) r = pick(rng, target);
    }
    const p = point(plan.id, i, at, r);
    if (after && plan.shift?.kind === 'stance') {
      p.score = clip(p.score + plan.shift.size);
      // The analyzer labels an article from its score: a moved score carries its new label.
      p.label = articleLabel(p.score);
    }
    return p;
  });
  const index = points.findIndex((p) => p.at >= shiftAt);
  // The expected shift of the mean over this series' tone mix: clipping at ±1 takes some of a
  // stance shift away, and a frame cannot gain more than its replacement readings carry.
  const stanceSize = (d: number) =>
    TONES.reduce((s, t) => s + mix[t] * meanOf(byTone.get(t)!.map((r) => clip(r.score + d) - r.score)), 0);
  const shift: PlantedShift | undefined =
    plan.shift === undefined
      ? undefined
      : plan.shift.kind === 'stance'
        ? { kind: 'stance', week, index, at: shiftAt, size: stanceSize(plan.shift.size), planted: plan.shift.size }
        : { kind: 'frame', week, index, at: shiftAt, size: replace * gain, planted: plan.shift.size, ...move };
  return { id: plan.id, actor, perWeek, points, ...(shift ? { shift } : {}) };
}
