import type { CrawlFailure, CrawlSummary, Outlet, SourceFetch, SourceValidators } from '../crawl/index.js';
import { PermanentError, describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { CrawlJob, JobContext } from '../queue/index.js';
import {
  findKnownUrls,
  finishCrawlRun,
  loadFeedStates,
  pollIntervals,
  recordCrawlFailure,
  recordFeedFailure,
  recordFeedFetch,
  recordOutletCrawl,
  stableId,
  startCrawlRun,
  type FeedRow,
} from '../store/index.js';
import type { PipelineDeps } from './deps.js';
import { ingestArticle } from './ingest-article.js';

export interface CrawlResult extends CrawlSummary {
  runId: string;
  /** Articles stored for the first time by this crawl. */
  newArticles: number;
  /** The outlet's polling interval from now on (adaptive polling), for interval schedules. */
  pollIntervalMs?: number;
}

/** What the crawl reads of the stored feed state: validators to send, sources to skip. */
function feedInputs(states: FeedRow[]): { validators: Map<string, SourceValidators>; skip: Set<string> } {
  const validators = new Map<string, SourceValidators>();
  for (const f of states) {
    if (f.etag === null && f.lastModified === null) continue;
    validators.set(f.url, {
      ...(f.etag !== null && { etag: f.etag }),
      ...(f.lastModified !== null && { lastModified: f.lastModified }),
    });
  }
  return { validators, skip: new Set(states.filter((f) => f.disabledAt !== null).map((f) => f.url)) };
}

/** Keeps the fetch state of the outlet's listed feeds and sitemaps: conditional GET, failures in a row. */
function feedStateHooks(deps: PipelineDeps, outlet: Outlet, runId: string, listed: Set<string>, log: Logger) {
  return {
    async onSourceFetched(s: SourceFetch): Promise<void> {
      if (!listed.has(s.url)) return;
      await recordFeedFetch(deps.db, { outletId: outlet.id, runId, ...s });
    },
    async onSourceFailed(f: CrawlFailure): Promise<void> {
      if ((f.stage !== 'feed' && f.stage !== 'sitemap') || !listed.has(f.url)) return;
      const r = await recordFeedFailure(deps.db, {
        outletId: outlet.id,
        url: f.url,
        runId,
        reason: f.reason,
        maxFailures: outlet.maxFeedFailures,
        ...(f.status !== undefined && { status: f.status }),
      });
      if (r.disabled) log.warn({ url: f.url, failures: r.failures, reason: f.reason }, 'feed disabled');
    },
  };
}

/**
 * One crawl of one outlet: a crawl-run row, every failure recorded with its reason, every article
 * ingested. The run id derives from the job id, so a redelivered job updates the same run.
 * Listed feeds and sitemaps are fetched conditionally (their stored ETag / Last-Modified), one
 * that failed `maxFeedFailures` crawls in a row is disabled and skipped, and the outlet's polling
 * interval moves with what the crawl found (halved with new articles, longer without).
 */
/**
 * The crawl domain, loaded on first use: it brings Crawlee (and jsdom) with it, which analyze and
 * alerts workers, importing the pipeline for their own use cases, should not hold in memory.
 */
export function crawlDomain(): Promise<typeof import('../crawl/index.js')> {
  return import('../crawl/index.js');
}

export async function runCrawl(deps: PipelineDeps, job: CrawlJob, ctx: JobContext): Promise<CrawlResult> {
  const outlet = deps.config.outlets.find((o) => o.id === job.outletId);
  if (!outlet) throw new PermanentError(`crawl job names unknown outlet "${job.outletId}"`);
  const runId = stableId(`crawl-run|${ctx.jobId}`);
  const log = deps.log.child({ outletId: outlet.id, runId });
  await startCrawlRun(deps.db, { id: runId, outletId: outlet.id, trigger: job.trigger });
  const states = await loadFeedStates(deps.db, outlet.id);
  const { validators, skip } = feedInputs(states);
  if (skip.size > 0) log.info({ skipped: [...skip] }, 'disabled feeds skipped');
  const feedState = feedStateHooks(deps, outlet, runId, new Set(states.map((f) => f.url)), log);
  let newArticles = 0;
  try {
    const crawl = await crawlDomain();
    const summary = await crawl.crawlOutlet(
      outlet,
      {
        knownUrls: (urls) => findKnownUrls(deps.db, urls),
        onArticle: async (a) => {
          const r = await ingestArticle(deps, a);
          if (r.status === 'new') newArticles += 1;
        },
        onFailure: async (f) => {
          await recordCrawlFailure(deps.db, { runId, ...f });
          await feedState.onSourceFailed(f);
        },
        onSourceFetched: feedState.onSourceFetched,
      },
      { log, ...deps.crawl, validators, skipSources: skip },
    );
    await finishCrawlRun(deps.db, runId, summary);
    const pollIntervalMs = await adaptPolling(deps, outlet, newArticles);
    log.info({ ...summary, newArticles, pollIntervalMs }, 'crawl finished');
    return { runId, ...summary, newArticles, ...(pollIntervalMs !== undefined && { pollIntervalMs }) };
  } catch (err) {
    const totals = { feedsRead: 0, discovered: 0, fetched: 0, articles: 0, failures: 1 };
    await finishCrawlRun(deps.db, runId, totals, describeError(err));
    throw err;
  }
}

/**
 * Stores the crawl's time and the outlet's next polling interval, and moves its schedule there
 * (interval schedules only: a cron schedule stays as written).
 */
async function adaptPolling(deps: PipelineDeps, outlet: Outlet, newArticles: number): Promise<number | undefined> {
  const { nextPollInterval, pollBounds } = await crawlDomain();
  const bounds = pollBounds(outlet.schedule, outlet.minInterval);
  const current = bounds === undefined ? undefined : (await pollIntervals(deps.db)).get(outlet.id);
  const next = bounds === undefined ? undefined : nextPollInterval(current, newArticles, bounds);
  await recordOutletCrawl(deps.db, { outletId: outlet.id, at: new Date(), newArticles, pollIntervalMs: next ?? null });
  if (next !== undefined && next !== current) await deps.dispatcher.rescheduleCrawl?.(outlet.id, next);
  return next;
}
