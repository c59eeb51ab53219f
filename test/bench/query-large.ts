// Issue 19's query bench at five times the default size (10M article-actor rows, 25M mentions;
// about 5 GB and tens of minutes to generate on two busy cores; the database is dropped after):
//   nice -n 10 npx tsx test/bench/query-large.ts
// Bars: one actor, one outlet p95 < 20 ms; one actor, all outlets pooled p95 < 50 ms; every
// outlet's line at once p95 < 150 ms (all from the views); the analyze stage at that size at
// least 0.9x its throughput on an empty database, in the same run.
// BENCH_QUERY_ARTICLES scales it down for a quick look (default 5,000,000).
import { buildDemoConfig } from '../../src/demo/index.js';
import { benchAnalyzeStage } from './analyze-stage.js';
import { fmt } from './measure.js';
import { LARGE_SIZE } from './query-data.js';
import { formatQueryBench } from './query-report.js';
import { benchQueryTrends } from './query-trends.js';
import { benchTexts, realNewsTexts } from './texts.js';

const articles = Number(process.env.BENCH_QUERY_ARTICLES ?? LARGE_SIZE.articles);
const config = buildDemoConfig('http://127.0.0.1:1');
const texts = realNewsTexts(config.outlets.map((o) => o.id)) ?? benchTexts();
const copies = Number(process.env.BENCH_STAGE_COPIES ?? 16);
const log = (s: string) => process.stderr.write(`${s}\n`);

const perSecond = (r: { articles: number; ms: number }) => (r.articles * 1000) / r.ms;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// The empty-database and at-size runs alternate (empty, at size, empty, ...) so that the load of a
// shared machine, which drifts over the tens of minutes of generation, weighs on both alike; the
// ratio is the median of each at-size run over the mean of the empty runs either side of it.
const rounds = Number(process.env.BENCH_STAGE_ROUNDS ?? 3);
const empty: number[] = [];
const atSize: number[] = [];
let stageArticles = 0;
const emptyRun = async () => {
  log(`analyze stage on an empty database (${texts.length} pages x ${copies}, one worker process)`);
  const r = await benchAnalyzeStage(texts, config, copies, 1);
  stageArticles = r.articles;
  empty.push(perSecond(r));
};
const result = await benchQueryTrends({
  size: { ...LARGE_SIZE, articles },
  log,
  atSize: async (db) => {
    await emptyRun();
    for (let round = 0; round < rounds; round++) {
      log(`analyze stage on the filled database (round ${round + 1} of ${rounds})`);
      atSize.push(perSecond(await benchAnalyzeStage(texts, config, copies, 1, db, `r${round}/`)));
      await emptyRun();
    }
  },
});
process.stdout.write(`${formatQueryBench(result)}\n\n`);
const bars = [
  ['one actor, one outlet', 20],
  ['one actor, all outlets', 50],
  ['one actor, 50 outlet lines', 150],
] as const;
for (const [query, ms] of bars) {
  const f = result.figures.find((x) => x.query === query && x.source === 'rollup view');
  process.stdout.write(`bar (issue 19): ${query} p95 < ${ms} ms from the views: ${fmt(f?.p95Ms ?? NaN, 1)} ms, ${(f?.p95Ms ?? Infinity) < ms ? 'met' : 'not met'}\n`);
}
const ratios = atSize.map((x, i) => x / ((empty[i]! + empty[i + 1]!) / 2));
const ratio = median(ratios);
const list = (xs: number[]) => xs.map((x) => fmt(x, 1)).join(', ');
process.stdout.write(
  `analyze stage (1 worker process, ${stageArticles} articles a run, alternating): empty database ${list(empty)} articles/s, ` +
    `at size ${list(atSize)} articles/s; ratios ${ratios.map((r) => fmt(r, 2)).join(', ')}, median ${fmt(ratio, 2)} (bar >= 0.9: ${ratio >= 0.9 ? 'met' : 'not met'})\n`,
);
