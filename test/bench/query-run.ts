// The analysts' query bench alone: `npx tsx test/bench/query-run.ts` (npm run bench runs it too).
// BENCH_QUERY_ARTICLES scales the generated data down for a quick look (default 1,000,000 articles).
import { DEFAULT_SIZE } from './query-data.js';
import { formatQueryBench } from './query-report.js';
import { benchQueryTrends } from './query-trends.js';

const articles = Number(process.env.BENCH_QUERY_ARTICLES ?? DEFAULT_SIZE.articles);
const result = await benchQueryTrends({
  size: { ...DEFAULT_SIZE, articles },
  log: (s) => process.stderr.write(`${s}\n`),
});
process.stdout.write(`${formatQueryBench(result)}\n`);
