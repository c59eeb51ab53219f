import type { ArticleCandidate } from '../crawl/index.js';
import { upsertArticle, type UpsertResult } from '../store/index.js';
import type { PipelineDeps } from './deps.js';

/**
 * Stores a crawled (or imported) article and, when it is new or its text changed, asks for its
 * analysis. Calling it twice with the same article stores and enqueues nothing twice.
 */
export async function ingestArticle(deps: PipelineDeps, a: ArticleCandidate): Promise<UpsertResult> {
  const result = await upsertArticle(deps.db, a);
  if (result.status !== 'unchanged') {
    await deps.dispatcher.enqueueAnalyze({ articleId: result.id, contentHash: result.contentHash });
  }
  deps.log.debug({ articleId: result.id, outletId: a.outletId, status: result.status }, 'article ingested');
  return result;
}
