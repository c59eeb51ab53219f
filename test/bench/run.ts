import { availableParallelism } from 'node:os';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { buildDemoConfig } from '../../src/demo/index.js';
import { createAnalyzer, modelScorer, scoreMentions } from '../../src/nlp/index.js';
import { benchAnalyzeStage } from './analyze-stage.js';
import { benchCrawl, crawlBenchOptionsFromEnv, formatCrawlBench } from './crawl.js';
import { fmt, timeRounds, trackPeakRss } from './measure.js';
import { DEFAULT_SIZE } from './query-data.js';
import { formatQueryBench } from './query-report.js';
import { benchQueryTrends } from './query-trends.js';
import { benchTexts } from './texts.js';

// Each figure is measured in this run on the same texts and shown as a ratio to raw wink-nlp:
// absolute numbers move with the machine's load, ratios much less.
const MIN_MS = Number(process.env.BENCH_MIN_MS ?? 4_000);

const texts = benchTexts();
const inputs = texts.map((t) => `${t.title}\n\n${t.text}`);
const config = buildDemoConfig('http://127.0.0.1:1');
const nlp = winkNLP(model);
const tokens = inputs.reduce((n, t) => n + nlp.readDoc(t).tokens().length(), 0);
const analyzer = createAnalyzer(config.actors);
inputs.forEach((t) => analyzer(t));

const raw = timeRounds(() => inputs.forEach((t) => nlp.readDoc(t)), MIN_MS);
const rawTps = (tokens * raw.rounds) / (raw.ms / 1000);
const rss = trackPeakRss();
const ours = timeRounds(() => inputs.forEach((t) => analyzer(t)), MIN_MS);
const analyzerRss = rss.stop();
const oursTps = (tokens * ours.rounds) / (ours.ms / 1000);
// What attribution costs (issue 5's bar: at most +30% analyzer time), and what the learned stance
// model would cost as the scorer (issue 4), on the same texts in the same run.
const noAttribution = createAnalyzer(config.actors, scoreMentions, { attributions: false });
inputs.forEach((t) => noAttribution(t));
const bare = timeRounds(() => inputs.forEach((t) => noAttribution(t)), MIN_MS);
const bareTps = (tokens * bare.rounds) / (bare.ms / 1000);
const withModel = createAnalyzer(config.actors, modelScorer());
inputs.forEach((t) => withModel(t));
const modelRun = timeRounds(() => inputs.forEach((t) => withModel(t)), MIN_MS);
const modelTps = (tokens * modelRun.rounds) / (modelRun.ms / 1000);

const copies = Number(process.env.BENCH_STAGE_COPIES ?? 8);
const cores = availableParallelism();
const stage1 = await benchAnalyzeStage(texts, config, copies, 1);
const stageN = cores > 1 ? await benchAnalyzeStage(texts, config, copies, cores) : undefined;
const stageRow = (s: { articles: number; ms: number }, processes: number): [string, string, string] => {
  const tps = (tokens * copies) / (s.ms / 1000);
  return [
    `analyze stage: BullMQ + PostgreSQL, ${processes} worker process${processes > 1 ? 'es' : ''} (${s.articles} articles)`,
    `${fmt(tps)} tokens/s = ${fmt((s.articles * 1000) / s.ms, 1)} articles/s`,
    fmt(tps / rawTps, 2),
  ];
};

const rows: [string, string, string][] = [
  ['raw wink-nlp readDoc (default pipeline, one thread)', `${fmt(rawTps)} tokens/s`, '1.00'],
  ['analyzer: analyze(text, actors), one thread', `${fmt(oursTps)} tokens/s`, fmt(oursTps / rawTps, 2)],
  ['  the same without attribution tagging', `${fmt(bareTps)} tokens/s`, fmt(bareTps / rawTps, 2)],
  ['  the same with the learned stance model as scorer', `${fmt(modelTps)} tokens/s`, fmt(modelTps / rawTps, 2)],
  stageRow(stage1, 1),
  ...(stageN ? [stageRow(stageN, cores)] : []),
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
process.stdout.write(`stancewatch bench: ${texts.length} demo articles, ${fmt(tokens)} tokens\n\n`);
process.stdout.write(`${'figure'.padEnd(w0)}  ${'throughput'.padEnd(w1)}  ratio to raw\n`);
for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`);
process.stdout.write(`\nattribution adds ${fmt((100 * (bareTps / oursTps - 1)), 1)}% to the analyzer's time (issue 5 bar: at most 30%)\n`);
process.stdout.write(`bench process peak RSS during the analyzer run: ${analyzerRss} MB\n`);
process.stdout.write(`analyze worker process peak RSS (VmHWM): ${stage1.workerPeakRssMb} MB\n`);


// Analysts' query latency on a generated database of the issue's size (a few minutes to load).
const queryBench = await benchQueryTrends({
  size: { ...DEFAULT_SIZE, articles: Number(process.env.BENCH_QUERY_ARTICLES ?? DEFAULT_SIZE.articles) },
  log: (s) => process.stderr.write(`${s}\n`),
});
process.stdout.write(`\n${formatQueryBench(queryBench)}\n`);

// Crawl: our crawler beside fetch + cheerio on loopback news sites, and peak RSS over 20,000 pages
// (BENCH_CRAWL_* in test/bench/crawl.ts; `npx tsx test/bench/crawl.ts` runs this part alone).
const crawlBench = await benchCrawl(crawlBenchOptionsFromEnv(), (s) => process.stderr.write(`${s}\n`));
process.stdout.write(`\n${formatCrawlBench(crawlBench)}\n`);
