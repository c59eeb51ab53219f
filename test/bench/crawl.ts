import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { benchCrawlOptions, type CrawlChildResult } from './crawl-child.js';
import { startCrawlFixture } from './crawl-fixture.js';
import { fmt } from './measure.js';

/**
 * The crawl bench: our crawler (crawlOutlet, the path a crawl job takes, with politeness relaxed
 * to bench values) beside a plain fetch + cheerio loop at the same concurrency, on the same
 * loopback news sites in the same run; then the peak RSS of one crawl over many more pages.
 * Each measurement runs in a process of its own; the sites run in another.
 *
 * BENCH_CRAWL_PAGES (2,000), BENCH_CRAWL_RSS_PAGES (20,000; 0 skips), BENCH_CRAWL_HOSTS (20),
 * BENCH_CRAWL_CONCURRENCY (16), BENCH_CRAWL_PER_HOST (4, our per-host concurrency).
 */
export interface CrawlBenchOptions {
  pages: number;
  rssPages: number;
  hosts: number;
  concurrency: number;
}

export interface CrawlBench extends CrawlBenchOptions {
  ours: CrawlChildResult;
  fetch: CrawlChildResult;
  /** extractArticle alone on the same kind of pages, one thread, no network. */
  extract: CrawlChildResult;
  /** One crawl over `rssPages`, with the crawl worker's heap cap. */
  large: CrawlChildResult | undefined;
  /** The same crawl under Node's default heap limit. */
  largeDefaultHeap: CrawlChildResult | undefined;
}

export function crawlBenchOptionsFromEnv(env = process.env): CrawlBenchOptions {
  return {
    pages: Number(env.BENCH_CRAWL_PAGES ?? 2_000),
    rssPages: Number(env.BENCH_CRAWL_RSS_PAGES ?? 20_000),
    hosts: Number(env.BENCH_CRAWL_HOSTS ?? 20),
    concurrency: Number(env.BENCH_CRAWL_CONCURRENCY ?? 16),
  };
}

/**
 * The heap cap a crawl worker should run with (NODE_OPTIONS=--max-old-space-size=256): its live
 * heap stays near 150 MB over 20,000 pages, but under Node's default limit (a quarter of RAM, to
 * 4 GB) V8 lets garbage pile up to several times that between collections.
 */
export const CRAWL_HEAP_CAP_MB = 256;

export async function measure(
  mode: CrawlChildResult['mode'],
  origins: string[],
  pages: number,
  concurrency: number,
  nodeArgs: string[] = [],
): Promise<CrawlChildResult> {
  const child = new URL('./crawl-child.ts', import.meta.url).pathname;
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', child, mode, JSON.stringify(origins), String(pages), String(concurrency)],
    { maxBuffer: 16 * 1024 * 1024, env: { ...process.env, CRAWLEE_LOG_LEVEL: 'ERROR' } },
  );
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as CrawlChildResult;
}

export async function benchCrawl(opts: CrawlBenchOptions, log: (line: string) => void = () => undefined): Promise<CrawlBench> {
  const fixture = await startCrawlFixture(opts.hosts);
  try {
    log(`crawl bench: ${opts.pages} pages on ${opts.hosts} hosts, concurrency ${opts.concurrency}`);
    // Cold start alike for both: each measurement is a fresh process.
    const ours = await measure('ours', fixture.origins, opts.pages, opts.concurrency);
    const plain = await measure('fetch', fixture.origins, opts.pages, opts.concurrency);
    const extract = await measure('extract', [], Math.min(opts.pages, 500), 1);
    let large: CrawlChildResult | undefined;
    let largeDefaultHeap: CrawlChildResult | undefined;
    if (opts.rssPages > 0) {
      log(`crawl bench: one crawl over ${opts.rssPages} pages for peak RSS, with and without the heap cap`);
      large = await measure('ours', fixture.origins, opts.rssPages, opts.concurrency, [
        `--max-old-space-size=${CRAWL_HEAP_CAP_MB}`,
      ]);
      largeDefaultHeap = await measure('ours', fixture.origins, opts.rssPages, opts.concurrency);
    }
    return { ...opts, ours, fetch: plain, extract, large, largeDefaultHeap };
  } finally {
    fixture.stop();
  }
}

const perSec = (r: CrawlChildResult) => (r.pages * 1000) / r.ms;

export function formatCrawlBench(b: CrawlBench): string {
  const o = benchCrawlOptions(b.concurrency);
  const row = (name: string, r: CrawlChildResult) =>
    `${name.padEnd(54)} ${fmt(perSec(r), 1).padStart(7)} pages/s  ${fmt(r.cpuMs / r.pages, 2).padStart(6)} CPU ms/page  (${r.pages} pages, ${r.articles} articles, ${r.failures} failed, ${fmt(r.ms / 1000, 1)} s, peak RSS ${r.peakRssMb} MB)`;
  const lines = [
    `crawl: ${b.pages} article pages on ${b.hosts} loopback hosts (127.0.0.x), concurrency ${b.concurrency}`,
    `  bench politeness: maxConcurrencyPerHost ${o.maxConcurrencyPerHost}, hostDelay ${o.sameDomainDelaySecs}s, maxRequestsPerMinute unlimited, no retries, robots.txt read (404)`,
    `  ${row('ours: crawlOutlet (Crawlee + extraction + metadata)', b.ours)}`,
    `  ${row('plain fetch + cheerio (title and <article> <p> text)', b.fetch)}`,
    `  of which extraction (extractArticle alone, ${b.extract.pages} pages, one thread, no network): ${fmt(b.extract.cpuMs / b.extract.pages, 2)} CPU ms/page`,
    `  ratio ours / fetch+cheerio: ${fmt(perSec(b.ours) / perSec(b.fetch), 2)} in pages/s, ${fmt(b.fetch.cpuMs / b.fetch.pages / (b.ours.cpuMs / b.ours.pages), 2)} in CPU per page`,
  ];
  if (b.large !== undefined) {
    const ok = b.large.peakRssMb < 500 ? 'below' : 'ABOVE';
    lines.push(
      `  ${row(`ours over ${b.rssPages} pages, --max-old-space-size=${CRAWL_HEAP_CAP_MB}`, b.large)}`,
      `  peak RSS (VmHWM) of that crawl process: ${b.large.peakRssMb} MB, ${ok} the 500 MB bar (the crawl worker's heap cap, NODE_OPTIONS)`,
    );
  }
  if (b.largeDefaultHeap !== undefined) {
    lines.push(
      `  ${row(`ours over ${b.rssPages} pages, Node's default heap limit`, b.largeDefaultHeap)}`,
      `  peak RSS (VmHWM) without the cap: ${b.largeDefaultHeap.peakRssMb} MB (V8 collects lazily under a large limit)`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bench = await benchCrawl(crawlBenchOptionsFromEnv(), (s) => process.stderr.write(`${s}\n`));
  process.stdout.write(`${formatCrawlBench(bench)}\n`);
}
