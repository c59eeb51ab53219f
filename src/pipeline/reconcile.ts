import { describeError } from '../errors.js';
import { ANALYZER_VERSION } from '../nlp/index.js';
import { countReanalysisCandidates, reanalysisCandidates } from '../store/index.js';
import { ANALYZED_LANGUAGES } from './analysis-policy.js';
import type { PipelineDeps } from './deps.js';
import { runPeriodically } from './periodic.js';


const backlogQuery = { analyzerVersion: ANALYZER_VERSION, languages: ANALYZED_LANGUAGES, excludeSkipped: true };

export interface ReconcileResult {
  analyzerVersion: string;
  /** Stored articles without an analysis of this version (and not recorded as skipped). */
  unanalysed: number;
  /** Of those, jobs added now: nothing held their job id (lost to a crash, a Redis restore, a bug). */
  enqueued: number;
  /** Already waiting, active or delayed: the workers will get to them. */
  queued: number;
  /** Held by a failed job: `stancewatch jobs retry --failed` re-drives them. */
  failed: number;
}

/**
 * Finds stored articles that have no analysis of the current analyzer version and whose analyze
 * job is not queued, and enqueues them under the job id the crawl would have used (analyzeJobId of
 * the article and its content), so a reconcile racing the crawl or another reconcile adds nothing
 * twice. Safe to run at any time, as often as wanted.
 */
export async function reconcile(deps: PipelineDeps, opts: { afterPage?: () => Promise<void> } = {}): Promise<ReconcileResult> {
  const result: ReconcileResult = { analyzerVersion: ANALYZER_VERSION, unanalysed: 0, enqueued: 0, queued: 0, failed: 0 };
  const { dispatcher } = deps;
  for await (const page of reanalysisCandidates(deps.db, backlogQuery)) {
    const outcomes = await Promise.all(
      page.map(async (c) => {
        const job = { articleId: c.id, contentHash: c.contentHash };
        if (dispatcher.ensureAnalyze) return dispatcher.ensureAnalyze(job);
        await dispatcher.enqueueAnalyze(job);
        return 'added' as const;
      }),
    );
    result.unanalysed += page.length;
    for (const o of outcomes) {
      if (o === 'added') result.enqueued++;
      else if (o === 'queued') result.queued++;
      else result.failed++;
    }
    await opts.afterPage?.();
  }
  if (result.enqueued > 0) deps.log.warn({ ...result }, 'reconciler enqueued unanalysed articles');
  else deps.log.info({ ...result }, 'reconciled: nothing lost');
  return result;
}

/** The unanalysed backlog: what `reconcile` would look at. */
export function unanalysedBacklog(deps: Pick<PipelineDeps, 'db'>): Promise<number> {
  return countReanalysisCandidates(deps.db, backlogQuery);
}

/** The reconciler on a timer (the scheduler, and `start` with Redis): once at start, then every `everyMs`, one pass at a time. */
export function startReconciler(deps: PipelineDeps, everyMs: number): { stop(): Promise<void> } {
  return runPeriodically(() => reconcile(deps), everyMs, (err) => deps.log.error({ err: describeError(err) }, 'reconcile failed'));
}
