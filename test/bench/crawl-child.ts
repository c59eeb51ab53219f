import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
// The same cheerio build CheerioCrawler parses with (a dependency of crawlee).
import { load } from 'cheerio';
import type { CrawlOptions } from '../../src/crawl/index.js';

/**
 * One crawl bench measurement in a process of its own (so that its peak RSS is its own):
 * `ours` crawls the fixture's feeds with crawlOutlet, `fetch` runs a plain fetch + cheerio loop
 * over the same feeds and pages at the same concurrency. Prints one JSON line.
 */
export interface CrawlChildResult {
  mode: 'ours' | 'fetch' | 'extract';
  pages: number;
  articles: number;
  failures: number;
  ms: number;
  /** CPU time (user + system) of this process over the crawl, ms: steadier than `ms` on a busy machine. */
  cpuMs: number;
  /** Peak resident memory of this process (VmHWM), MB. */
  peakRssMb: number;
}

/** The politeness settings of the bench: relaxed, and printed with the figures. */
export function benchCrawlOptions(concurrency: number): Omit<CrawlOptions, 'log'> {
  return {
    maxConcurrency: concurrency,
    maxConcurrencyPerHost: Number(process.env.BENCH_CRAWL_PER_HOST ?? 4),
    maxRequestsPerMinute: 1_000_000,
    sameDomainDelaySecs: 0,
    maxRequestRetries: 0,
  };
}

export function feedUrls(origins: string[], pages: number): string[] {
  const perHost = Math.ceil(pages / origins.length);
  return origins.map((o) => `${o}/feed.xml?count=${perHost}`);
}

async function ours(origins: string[], pages: number, concurrency: number): Promise<Omit<CrawlChildResult, 'peakRssMb' | 'mode'>> {
  // Loaded here, so that the fetch + cheerio process carries none of it.
  const { outletSchema } = await import('../../src/config/index.js');
  const { crawlOutlet } = await import('../../src/crawl/index.js');
  const { silentLogger } = await import('../../src/log.js');
  // The schema caps maxArticlesPerCrawl at 10,000 for configs; the bench crawls beyond it.
  const outlet = {
    ...outletSchema.parse({
      id: 'bench',
      name: 'bench',
      homepage: `${origins[0]}/`,
      feeds: feedUrls(origins, pages),
      allowPrivateNetwork: ['127.0.0.0/8', '::1'],
    }),
    maxArticlesPerCrawl: pages,
  };
  let articles = 0;
  let failures = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const summary = await crawlOutlet(
    outlet,
    {
      knownUrls: async () => new Set(),
      onArticle: async () => {
        articles += 1;
      },
      onFailure: async () => {
        failures += 1;
      },
    },
    { log: silentLogger, ...benchCrawlOptions(concurrency) },
  );
  return { pages: summary.fetched, articles, failures, ms: performance.now() - started, cpuMs: cpuMsSince(cpu) };
}

async function plainFetch(origins: string[], pages: number, concurrency: number): Promise<Omit<CrawlChildResult, 'peakRssMb' | 'mode'>> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const urls: string[] = [];
  for (const feed of feedUrls(origins, pages)) {
    const $ = load(await (await fetch(feed)).text(), { xmlMode: true });
    $('item > link').each((_, el) => void urls.push($(el).text()));
  }
  const todo = urls.slice(0, pages);
  let next = 0;
  let articles = 0;
  let failures = 0;
  const worker = async () => {
    while (next < todo.length) {
      const url = todo[next++]!;
      try {
        const res = await fetch(url, { headers: { 'user-agent': 'bench' } });
        const $ = load(await res.text());
        const title = $('h1').first().text() || $('title').text();
        const text = $('article p')
          .map((_, p) => $(p).text())
          .get()
          .join('\n\n');
        if (res.ok && title !== '' && text.length > 0) articles += 1;
        else failures += 1;
      } catch {
        failures += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { pages: todo.length, articles, failures, ms: performance.now() - started, cpuMs: cpuMsSince(cpu) };
}

/** extractArticle alone on the fixture's pages, no network: the extraction share of `ours`. */
async function extractOnly(_origins: string[], pages: number): Promise<Omit<CrawlChildResult, 'peakRssMb' | 'mode'>> {
  const { extractArticle } = await import('../../src/crawl/index.js');
  const { articleHtml, articlePath } = await import('./crawl-fixture.js');
  const host = '127.0.0.2:8080';
  const html = Array.from({ length: pages }, (_, i) => articleHtml(host, i));
  const started = performance.now();
  const cpu = process.cpuUsage();
  let articles = 0;
  html.forEach((page, i) => {
    if (extractArticle(page, `http://${host}${articlePath(i)}`).text.length > 0) articles += 1;
  });
  return { pages, articles, failures: pages - articles, ms: performance.now() - started, cpuMs: cpuMsSince(cpu) };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

function peakRssMb(): number {
  const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  return kb === undefined ? 0 : Math.round(Number(kb) / 1024);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [mode, originsJson, pagesArg, concurrencyArg] = process.argv.slice(2);
  const origins = JSON.parse(originsJson ?? '[]') as string[];
  const run = mode === 'fetch' ? plainFetch : mode === 'extract' ? extractOnly : ours;
  const result = await run(origins, Number(pagesArg), Number(concurrencyArg));
  process.stdout.write(`${JSON.stringify({ mode, ...result, peakRssMb: peakRssMb() })}\n`);
}
