import { crawlOutlet, type CrawlSummary } from '../crawl/index.js';
import { PermanentError, describeError } from '../errors.js';
import type { CrawlJob, JobContext } from '../queue/index.js';
import {
  findKnownUrls,
  finishCrawlRun,
  recordCrawlFailure,
  stableId,
  startCrawlRun,
} from '../store/index.js';
import type { PipelineDeps } from './deps.js';
import { ingestArticle } from './ingest-article.js';

export interface CrawlResult extends CrawlSummary {
  runId: string;
}

/**
 * One crawl of one outlet: a crawl-run row, every failure recorded with its reason, every article
 * ingested. The run id derives from the job id, so a redelivered job updates the same run.
 */
export async function runCrawl(deps: PipelineDeps, job: CrawlJob, ctx: JobContext): Promise<CrawlResult> {
  const outlet = deps.config.outlets.find((o) => o.id === job.outletId);
  if (!outlet) throw new PermanentError(`crawl job names unknown outlet "${job.outletId}"`);
  const runId = stableId(`crawl-run|${ctx.jobId}`);
  const log = deps.log.child({ outletId: outlet.id, runId });
  await startCrawlRun(deps.db, { id: runId, outletId: outlet.id, trigger: job.trigger });
  try {
    const summary = await crawlOutlet(
      outlet,
      {
        knownUrls: (urls) => findKnownUrls(deps.db, urls),
        onArticle: async (a) => {
          await ingestArticle(deps, a);
        },
        onFailure: (f) => recordCrawlFailure(deps.db, { runId, ...f }),
      },
      { log, ...deps.crawl },
    );
    await finishCrawlRun(deps.db, runId, summary);
    log.info({ ...summary }, 'crawl finished');
    return { runId, ...summary };
  } catch (err) {
    const totals = { feedsRead: 0, discovered: 0, fetched: 0, articles: 0, failures: 1 };
    await finishCrawlRun(deps.db, runId, totals, describeError(err));
    throw err;
  }
}
