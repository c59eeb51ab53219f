import type { SeriesPoint, StanceLabelName } from '../../src/alerts/index.js';
import { intBetween, pick, seededRng, type Rng } from '../../src/demo/world/prng.js';
import { createAnalyzer, type Actor } from '../../src/nlp/index.js';
import {
  allPeople,
  assembleArticle,
  devPortrayals,
  poolsOf,
  trainFoldPortrayals,
  type Person,
  type PortrayalSet,
} from '../real-articles/index.js';

/**
 * The real-sentence shift world of issue 16: 40 (outlet, person) series over 26 weeks at 3-10
 * articles a week, each article assembled from real labelled NewsMTSC sentences about a fictional
 * person. Each series has a mix of sentence stance about its person (share positive / neutral /
 * negative); in 23 of them the mix switches to another at a random week. Every article is read
 * by the analyzer (the same `createAnalyzer` the analyze stage runs), so the detector sees the
 * analyzer's own scores and labels; beside them each article keeps the score and label its gold
 * sentence labels give (the perfect-label ceiling).
 */

export const REAL_WEEKS = 26;
export const REAL_SERIES = 40;
export const REAL_SHIFTED = 23;
const OUTLETS = 5;
const PEOPLE = REAL_SERIES / OUTLETS;
const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** Monday 5 January 2026, 00:00 UTC. */
const START_MS = Date.UTC(2026, 0, 5);

/** Share of sentences about the person that are positive, neutral, negative. */
export type Mix = readonly [number, number, number];
export const MIXES: Record<string, Mix> = {
  'mostly positive': [0.6, 0.3, 0.1],
  neutral: [0.2, 0.6, 0.2],
  'mostly negative': [0.1, 0.3, 0.6],
};
const MIX_NAMES = Object.keys(MIXES);
const LABELS: readonly StanceLabelName[] = ['positive', 'neutral', 'negative'];

export interface RealShift {
  week: number;
  /** Index of the first article at or after the switch. */
  index: number;
  at: Date;
  from: string;
  to: string;
  /** +1 when the new mix is more positive (its expected sentence stance is higher), -1 when less. */
  direction: 1 | -1;
}

export interface RealSeries {
  id: string;
  outlet: string;
  person: string;
  mix: string;
  /** The analyzer's reading of each article that names the person. */
  analyzer: SeriesPoint[];
  /** The same articles scored by their gold sentence labels (mean of +1/0/-1; its sign as label). */
  perfect: SeriesPoint[];
  /** Articles the analyzer did not find the person in (left out of both series). */
  missed: number;
  shift?: RealShift;
}

export interface RealWorld {
  pool: string;
  seed: string;
  series: RealSeries[];
  articles: number;
}

/** `dev` or `train-fold-K` (K in 1..5) to the labelled sentences it names. */
export function portrayalSet(pool: string): PortrayalSet {
  if (pool === 'dev') return devPortrayals();
  const m = /^train-fold-([1-5])$/.exec(pool);
  if (!m) throw new Error(`--pool must be dev or train-fold-1 .. train-fold-5, got "${pool}"`);
  return trainFoldPortrayals(Number(m[1]) - 1);
}

const expected = (m: Mix) => m[0] - m[2];

function drawLabel(rng: Rng, m: Mix): StanceLabelName {
  const u = rng();
  return u < m[0] ? 'positive' : u < m[0] + m[1] ? 'neutral' : 'negative';
}

function labelOfMean(x: number): StanceLabelName {
  return x > 0 ? 'positive' : x < 0 ? 'negative' : 'neutral';
}

function publicationTimes(rng: Rng): number[] {
  const base = intBetween(rng, 3, 10);
  const times: number[] = [];
  for (let w = 0; w < REAL_WEEKS; w++) {
    const n = Math.min(10, Math.max(3, base + intBetween(rng, -1, 1)));
    for (let i = 0; i < n; i++) times.push(START_MS + w * WEEK_MS + Math.floor(rng() * WEEK_MS));
  }
  return times.sort((a, b) => a - b);
}

/** One world; `shifted` of its series switch mix (23 in the world, 0 for a null world). */
/** `onSeries` is told after each series is analysed (the evaluation's progress). */
export function buildRealWorld(set: PortrayalSet, seed: string, shifted = REAL_SHIFTED, onSeries?: () => void): RealWorld {
  const pools = poolsOf(set.portrayals);
  const people: Person[] = allPeople().slice(0, PEOPLE);
  const actors: Actor[] = people.map((p, i) => ({
    id: `person-${i + 1}`,
    name: p.full,
    kind: 'person',
    aliases: [p.surname],
    demonyms: [],
  }));
  const analyze = createAnalyzer(actors);
  const reserved = new Set(people.map((p) => p.surname));
  const plan = seededRng(`${seed}/plan`);
  const shiftedIds = new Set<number>();
  while (shiftedIds.size < Math.min(shifted, REAL_SERIES)) shiftedIds.add(Math.floor(plan() * REAL_SERIES));
  const series: RealSeries[] = [];
  let articles = 0;
  for (let s = 0; s < REAL_SERIES; s++) {
    const rng = seededRng(`${seed}/series-${s}`);
    const outlet = `outlet-${Math.floor(s / PEOPLE) + 1}`;
    const p = s % PEOPLE;
    const mix = pick(rng, MIX_NAMES);
    let shift: Omit<RealShift, 'index'> | undefined;
    if (shiftedIds.has(s)) {
      const to = pick(rng, MIX_NAMES.filter((m) => m !== mix));
      const week = intBetween(rng, 8, 19);
      const direction = expected(MIXES[to]!) > expected(MIXES[mix]!) ? 1 : -1;
      shift = { week, at: new Date(START_MS + week * WEEK_MS), from: mix, to, direction };
    }
    const id = `${outlet}/${actors[p]!.id}`;
    const analyzer: SeriesPoint[] = [];
    const perfect: SeriesPoint[] = [];
    let missed = 0;
    for (const t of publicationTimes(rng)) {
      const now = shift && t >= shift.at.getTime() ? shift.to : mix;
      const labels = Array.from({ length: intBetween(rng, 1, 2) }, () => drawLabel(rng, MIXES[now]!));
      const a = assembleArticle(rng, { person: people[p]!, labels, pools, fillers: set.portrayals, reserved });
      articles += 1;
      const reading = analyze(a.text).actors.find((x) => x.id === actors[p]!.id);
      if (!reading) {
        missed += 1;
        continue;
      }
      const base = { articleId: `${id}/${articles}`, url: `https://eval.invalid/${id}/${articles}`, title: a.title, at: new Date(t) };
      const frames = Object.fromEntries(Object.entries(reading.frames).filter((e): e is [string, number] => typeof e[1] === 'number'));
      analyzer.push({ ...base, score: reading.stance.score, label: reading.stance.label, frames });
      perfect.push({ ...base, score: a.goldMean, label: labelOfMean(a.goldMean), frames });
    }
    const index = shift ? analyzer.findIndex((x) => x.at >= shift!.at) : -1;
    onSeries?.();
    series.push({
      id,
      outlet,
      person: actors[p]!.name,
      mix,
      analyzer,
      perfect,
      missed,
      ...(shift ? { shift: { ...shift, index } } : {}),
    });
  }
  return { pool: set.name, seed, series, articles };
}

export { LABELS as REAL_LABELS };
