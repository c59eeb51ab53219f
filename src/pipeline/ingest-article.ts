import type { ArticleCandidate } from '../crawl/index.js';
import { upsertArticle, type UpsertResult } from '../store/index.js';
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
