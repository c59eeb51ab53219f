import type { AlertsJob, AnalyzeJob, CrawlJob } from './payloads.js';
import type { EnsureOutcome } from './queue-admin.js';

/**
 * How pipeline code hands work to the next stage. BullMQ implements it on servers; the in-process
 * runner implements it in the embedded mode. Processors never know which one they talk to.
 */
export interface JobDispatcher {
  enqueueCrawl(job: CrawlJob): Promise<void>;
  enqueueAnalyze(job: AnalyzeJob): Promise<void>;
  enqueueAlerts(job: AlertsJob): Promise<void>;
  /** Many analyze jobs at once (a backfill's batch), as enqueueAnalyze each; optional. */
  enqueueAnalyzeMany?(jobs: AnalyzeJob[]): Promise<void>;
  /**
   * Adaptive polling: crawl this outlet every `everyMs` from now on (its scheduler is moved; an
   * outlet on a cron schedule is never moved). Optional: a dispatcher without schedules ignores it.
   */
  rescheduleCrawl?(outletId: string, everyMs: number): Promise<void>;
  /**
   * The reconciler's enqueue: adds the analyze job unless its id is queued already, and says what
   * it found. Optional: the in-process runner's plain enqueue already ignores an id it holds.
   */
  ensureAnalyze?(job: AnalyzeJob): Promise<EnsureOutcome>;
}

/** The processors of each queue, as the pipeline provides them. */
export interface Processors {
  crawl(job: CrawlJob, ctx: JobContext): Promise<unknown>;
  analyze(job: AnalyzeJob, ctx: JobContext): Promise<unknown>;
  alerts(job: AlertsJob, ctx: JobContext): Promise<unknown>;
}

export interface JobContext {
  /** The job id (BullMQ's, or the runner's): stable across redeliveries of the same job. */
  jobId: string;
  attempt: number;
}
