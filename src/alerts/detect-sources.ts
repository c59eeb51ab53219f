import { pickDrivers } from './detect-shift.js';
import type { DetectOptions, SourceTestOptions } from './sensitivity.js';
import { chiSquareSurvival } from './stats.js';
import type { Detection, SeriesPoint, ShareChange, Side } from './types.js';

interface Quote {
  key: string;
  article: number;
}

// More categories than this splits a small window into cells too thin for the G-test.
const MAX_CATEGORIES = 6;
const OTHER = 'other';

function counts(quotes: readonly Quote[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const q of quotes) m.set(q.key, (m.get(q.key) ?? 0) + 1);
  return m;
}

interface GTest {
  p: number;
  g: number;
  distance: number;
  shares: ShareChange[];
}

/** G-test of two multinomial samples over the most quoted sources (the rest pooled as "other"). */
export function gTest(before: readonly Quote[], after: readonly Quote[]): GTest | undefined {
  const b = counts(before);
  const a = counts(after);
  const total = counts([...before, ...after]);
  const top = [...total.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).map(([k]) => k);
  const kept = new Set(top.slice(0, total.size > MAX_CATEGORIES ? MAX_CATEGORIES - 1 : MAX_CATEGORIES));
  const cell = (m: Map<string, number>, key: string) =>
    key === OTHER ? [...m].filter(([k]) => !kept.has(k)).reduce((s, [, n]) => s + n, 0) : (m.get(key) ?? 0);
  const cats = [...kept, ...(total.size > kept.size ? [OTHER] : [])];
  if (cats.length < 2) return undefined;
  const n = before.length + after.length;
  let g = 0;
  let distance = 0;
  const shares: ShareChange[] = [];
  for (const c of cats) {
    const col = cell(b, c) + cell(a, c);
    for (const [row, m] of [[before.length, b], [after.length, a]] as const) {
      const o = cell(m, c);
      if (o > 0) g += 2 * o * Math.log(o / ((row * col) / n));
    }
    const share = { name: c, before: cell(b, c) / before.length, after: cell(a, c) / after.length };
    distance += Math.abs(share.after - share.before) / 2;
    shares.push(share);
  }
  shares.sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.name.localeCompare(y.name));
  return { p: chiSquareSurvival(g, cats.length - 1), g, distance, shares };
}

function shareSide(quotes: readonly Quote[], key: string): Side {
  const n = quotes.length;
  const p = n > 0 ? quotes.filter((q) => q.key === key).length / n : 0;
  const half = n > 0 ? 1.96 * Math.sqrt((p * (1 - p)) / n) : 1;
  const articles = new Set(quotes.map((q) => q.article)).size;
  return { articles, mean: p, ciLow: Math.max(0, p - half), ciHigh: Math.min(1, p + half) };
}

function displayNames(series: SeriesPoint[]): Map<string, string> {
  const names = new Map<string, string>([[OTHER, 'others']]);
  for (const p of series) for (const s of p.sources ?? []) if (!names.has(s.key)) names.set(s.key, s.name);
  return names;
}

function sourceDetection(
  series: SeriesPoint[],
  before: Quote[],
  after: Quote[],
  t: GTest,
  o: SourceTestOptions,
): Detection {
  const names = displayNames(series);
  const mover = t.shares[0]!;
  const direction = mover.after >= mover.before ? 1 : -1;
  const rising = t.shares.find((s) => s.after > s.before)?.name ?? mover.name;
  const first = after[0]!.article;
  const last = after[after.length - 1]!.article;
  const articles = Array.from({ length: last - first + 1 }, (_v, k) => first + k);
  const hits = series.map((p) => (p.sources ?? []).filter((s) => s.key === rising).length);
  return {
    kind: 'source-shift',
    measure: `source:${mover.name}`,
    direction,
    refStart: before[0]!.article,
    changeIndex: first,
    detectIndex: last,
    changeAt: series[first]!.at,
    detectedAt: series[last]!.at,
    before: shareSide(before, mover.name),
    after: shareSide(after, mover.name),
    statistic: { method: 'g-test', value: -Math.log10(Math.max(t.p, 1e-300)), threshold: -Math.log10(o.alpha) },
    shares: t.shares.map((s) => ({ ...s, name: names.get(s.name) ?? s.name })),
    drivers: pickDrivers(hits, articles, 0, 1),
  };
}

/**
 * Who is quoted about the actor: at each article, the last `window` quotes are compared with
 * up to `maxBefore` quotes before them (G-test). An alert needs a p-value under `alpha` and a
 * large enough change of the mix; then the test restarts at the new regime.
 */
export function detectSourceShifts(series: SeriesPoint[], opts: DetectOptions): Detection[] {
  const o = opts.sources;
  const quotes: Quote[] = series.flatMap((p, i) => (p.sources ?? []).map((s) => ({ key: s.key, article: i })));
  const found: Detection[] = [];
  let origin = 0;
  for (let end = 0; end < quotes.length; end++) {
    if (quotes[end + 1]?.article === quotes[end]!.article) continue;
    let from = end + 1 - o.window;
    // Both sides hold whole articles: an article's quotes are never split across them.
    while (from > origin && quotes[from - 1]!.article === quotes[from]?.article) from--;
    if (from < origin) continue;
    const start = Math.max(origin, from - o.maxBefore);
    if (from - start < o.minBefore) continue;
    const t = gTest(quotes.slice(start, from), quotes.slice(from, end + 1));
    if (!t || t.p >= o.alpha || t.distance < o.minDistance) continue;
    const split = refineSplit(quotes, origin, from, end, o);
    const before = quotes.slice(Math.max(origin, split - o.maxBefore), split);
    const after = quotes.slice(split, end + 1);
    found.push(sourceDetection(series, before, after, gTest(before, after) ?? t, o));
    origin = split;
  }
  return found;
}

/**
 * The fixed window only says that the mix changed somewhere in it; the change point is the
 * article boundary near it that separates the two mixes best (largest G).
 */
function refineSplit(quotes: Quote[], origin: number, from: number, end: number, o: SourceTestOptions): number {
  let best = { split: from, g: -1 };
  const lo = Math.max(origin + o.minBefore, from - o.window);
  for (let split = lo; split <= end + 1 - Math.ceil(o.window / 2); split++) {
    if (quotes[split - 1]?.article === quotes[split]?.article) continue;
    const t = gTest(quotes.slice(Math.max(origin, split - o.maxBefore), split), quotes.slice(split, end + 1));
    if (t && t.g > best.g) best = { split, g: t.g };
  }
  return best.split;
}
