import type { Processors } from '../queue/index.js';
import { analyzeArticle } from './analyze-article.js';
import { checkAlerts } from './check-alerts.js';
import { runCrawl } from './crawl-outlet.js';
import type { PipelineDeps } from './deps.js';

/** The processor of every queue, the same for BullMQ workers and the in-process runner. */
export function buildProcessors(deps: PipelineDeps): Processors {
  return {
    crawl: (job, ctx) => runCrawl(deps, job, ctx),
    analyze: (job) => analyzeArticle(deps, job),
    alerts: (job) => checkAlerts(deps, job),
  };
}
