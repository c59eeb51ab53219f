import type { ArticleCandidate } from '../crawl/index.js';
import type { AnalyzeJob } from '../queue/index.js';
import { upsertArticle, upsertArticles, type UpsertResult } from '../store/index.js';
import { analysisSkipReason } from './analysis-policy.js';
import type { PipelineDeps } from './deps.js';

/**
 * Stores a crawled (or imported) article and, when it is new or its text changed, asks for its
 * analysis (unless it is not in English: then the reason is stored instead). Calling it twice with the same article stores and enqueues nothing twice.
 */
export async function ingestArticle(deps: PipelineDeps, a: ArticleCandidate): Promise<UpsertResult> {
  // A non-English article is stored with its language and the reason, and never queued.
  const skipped = analysisSkipReason(a.language);
  const result = await upsertArticle(deps.db, { ...a, analysisSkippedReason: skipped ?? null });
  if (result.status !== 'unchanged' && skipped === undefined) {
    await deps.dispatcher.enqueueAnalyze({ articleId: result.id, contentHash: result.contentHash });
  }
  deps.log.debug({ articleId: result.id, outletId: a.outletId, status: result.status, skipped }, 'article ingested');
  return result;
}

/**
 * ingestArticle for a batch: one transaction stores them all (upsertArticles), then the analyses
 * are asked for in one go (one round trip to Redis when the dispatcher can enqueue in bulk).
 * With `enqueue: false` nothing is enqueued: the caller analyses the returned jobs itself.
 */
export async function ingestArticles(
  deps: PipelineDeps,
  items: readonly ArticleCandidate[],
  opts: { enqueue?: boolean } = {},
): Promise<{ results: UpsertResult[]; jobs: AnalyzeJob[] }> {
  const skipped = items.map((a) => analysisSkipReason(a.language));
  const results = await upsertArticles(
    deps.db,
    items.map((a, i) => ({ ...a, analysisSkippedReason: skipped[i] ?? null })),
  );
  const jobs = results.flatMap((r, i) =>
    r.status !== 'unchanged' && skipped[i] === undefined ? [{ articleId: r.id, contentHash: r.contentHash }] : [],
  );
  if (opts.enqueue ?? true) {
    if (deps.dispatcher.enqueueAnalyzeMany) await deps.dispatcher.enqueueAnalyzeMany(jobs);
    else for (const job of jobs) await deps.dispatcher.enqueueAnalyze(job);
  }
  deps.log.debug({ articles: items.length, queued: jobs.length }, 'articles ingested');
  return { results, jobs };
}
