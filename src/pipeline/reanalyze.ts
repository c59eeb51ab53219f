import { createHash } from 'node:crypto';
import { ANALYZER_VERSION } from '../nlp/index.js';
import { countReanalysisCandidates, reanalysisCandidates, type ReanalysisCandidate } from '../store/index.js';
import { ANALYZED_LANGUAGES } from './analysis-policy.js';
import type { PipelineDeps } from './deps.js';

// Other languages are recorded as skipped and left without a version (analysis-policy.ts):
// asking for them again would only skip them again.

export interface ReanalyzeOptions {
  /** Only articles published on or after this instant. */
  since?: Date;
  outletIds?: readonly string[];
  /** Every article, not only those whose analysis is not of the current version. */
  all?: boolean;
  /**
   * Called after each page of jobs is handed to the dispatcher; the embedded mode drains its
   * runner here, so a large backfill never holds more than a page of jobs.
   */
  afterPage?: () => Promise<void>;
  /** Told how many articles will be queued, before the first is (for progress reports). */
  onTotal?: (total: number) => void;
  pageSize?: number;
}

export interface ReanalyzeResult {
  analyzerVersion: string;
  /** Articles selected and handed to the dispatcher (a job id it already holds is not added twice). */
  queued: number;
}

/**
 * Names the stored analysis state a reanalysis starts from. The job id carries it, so asking
 * again before the analysis has run gives the same id (BullMQ and the runner ignore the repeat),
 * while once the article has been analysed (new version, new analyzed_at) `--all` can ask again.
 */
export function rerunMarker(c: Pick<ReanalysisCandidate, 'analyzerVersion' | 'analyzedAt'>): string {
  const state = `${c.analyzerVersion ?? 'none'}@${c.analyzedAt?.toISOString() ?? 'never'}`;
  return createHash('sha256').update(state).digest('hex').slice(0, 12);
}

/**
 * Backfills analyses: enqueues an analyze job, through the pipeline's dispatcher, for each stored
 * article whose current analysis is not of ANALYZER_VERSION (or for every article with `all`),
 * published since `since`. Saving replaces an article's rows for the version and moves its
 * rollup contribution, so a re-run never duplicates anything.
 */
export async function reanalyze(deps: PipelineDeps, opts: ReanalyzeOptions = {}): Promise<ReanalyzeResult> {
  const query = {
    analyzerVersion: ANALYZER_VERSION,
    languages: ANALYZED_LANGUAGES,
    ...(opts.all ? { all: true } : {}),
    ...(opts.since ? { since: opts.since } : {}),
    ...(opts.outletIds ? { outletIds: opts.outletIds } : {}),
    ...(opts.pageSize ? { pageSize: opts.pageSize } : {}),
  };
  if (opts.onTotal) opts.onTotal(await countReanalysisCandidates(deps.db, query));
  let queued = 0;
  for await (const page of reanalysisCandidates(deps.db, query)) {
    for (const c of page) {
      await deps.dispatcher.enqueueAnalyze({ articleId: c.id, contentHash: c.contentHash, rerun: rerunMarker(c) });
    }
    queued += page.length;
    deps.log.debug({ queued }, 'reanalysis jobs queued');
    await opts.afterPage?.();
  }
  deps.log.info({ queued, version: ANALYZER_VERSION, all: opts.all ?? false }, 'reanalysis queued');
  return { analyzerVersion: ANALYZER_VERSION, queued };
}
