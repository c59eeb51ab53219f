import { ZodError } from 'zod';
import { PermanentError, describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { JobDispatcher, Processors } from './dispatcher.js';
import { alertsDedupId, analyzeJobId, crawlJobId } from './job-ids.js';
import { payloadSchemas, type JobPayloads, type QueueName } from './payloads.js';

interface Item {
  queue: QueueName;
  jobId: string;
  data: unknown;
}

export interface FailedJob {
  queue: QueueName;
  jobId: string;
  reason: string;
  attempts: number;
}

export interface RunnerStats {
  completed: Record<QueueName, number>;
  failed: FailedJob[];
}

const SEEN_LIMIT = 50_000;

/** Stages in pipeline order: a crawl's analyses run before their alert checks. */
const ORDER: QueueName[] = ['crawl', 'analyze', 'alerts'];

/**
 * The embedded stand-in for BullMQ: the same processors and payload schemas, called in this
 * process in pipeline order. Like BullMQ it ignores a job id it already has, retries with a
 * bounded number of attempts, and keeps failed jobs with their reason.
 */
export class InProcessRunner implements JobDispatcher {
  private readonly pending: Record<QueueName, Item[]> = { crawl: [], analyze: [], alerts: [] };
  private readonly seen = new Set<string>();
  private readonly stats: RunnerStats = { completed: { crawl: 0, analyze: 0, alerts: 0 }, failed: [] };
  private processors: Processors | undefined;

  constructor(
    private readonly opts: { analyzerVersion: string; log: Logger; attempts?: number },
  ) {}

  /** Processors are set after construction because they themselves need this dispatcher. */
  setProcessors(processors: Processors): void {
    this.processors = processors;
  }

  /** Each outlet's current polling interval (adaptive polling). */
  readonly pollIntervals = new Map<string, number>();
  /** Told of each new interval: the in-process scheduler moves the outlet's next run. */
  onReschedule: ((outletId: string, everyMs: number) => void) | undefined;

  async rescheduleCrawl(outletId: string, everyMs: number): Promise<void> {
    this.pollIntervals.set(outletId, everyMs);
    this.onReschedule?.(outletId, everyMs);
  }

  async enqueueCrawl(job: JobPayloads['crawl']): Promise<void> {
    this.push('crawl', crawlJobId(job, new Date()), job);
  }

  async enqueueAnalyze(job: JobPayloads['analyze']): Promise<void> {
    this.push('analyze', analyzeJobId(job, this.opts.analyzerVersion), job);
  }

  async enqueueAlerts(job: JobPayloads['alerts']): Promise<void> {
    const id = alertsDedupId(job);
    // Debounce like BullMQ's deduplication: one pending check per outlet.
    if (this.pending.alerts.some((i) => i.jobId === id)) return;
    this.seen.delete(id);
    this.push('alerts', id, job);
  }

  /** Runs every pending job, and the jobs they enqueue, until nothing is left. */
  async drain(): Promise<RunnerStats> {
    for (;;) {
      const queue = ORDER.find((q) => this.pending[q].length > 0);
      if (queue === undefined) return this.stats;
      const item = this.pending[queue].shift()!;
      await this.run(item);
    }
  }

  /** Jobs finished (completed or failed) and still pending per queue, for progress reports. */
  counts(queue: QueueName): { done: number; pending: number } {
    const failed = this.stats.failed.filter((f) => f.queue === queue).length;
    return { done: this.stats.completed[queue] + failed, pending: this.pending[queue].length };
  }

  get failed(): readonly FailedJob[] {
    return this.stats.failed;
  }

  private push(queue: QueueName, jobId: string, data: unknown): void {
    if (this.seen.has(jobId)) return;
    this.seen.add(jobId);
    // Bounded like BullMQ's removeOnComplete: a long-running process must not grow forever.
    if (this.seen.size > SEEN_LIMIT) this.seen.delete(this.seen.values().next().value!);
    this.pending[queue].push({ queue, jobId, data });
  }

  private async run(item: Item): Promise<void> {
    if (!this.processors) throw new Error('InProcessRunner: setProcessors() was not called');
    const attempts = this.opts.attempts ?? 3;
    const log = this.opts.log.child({ queue: item.queue, jobId: item.jobId });
    for (let attempt = 1; attempt <= attempts; attempt++) {
      try {
        await this.process(item, attempt);
        this.stats.completed[item.queue]++;
        return;
      } catch (err) {
        const permanent = err instanceof PermanentError || err instanceof ZodError;
        log.warn({ attempt, err: describeError(err) }, 'job failed');
        if (permanent || attempt === attempts) {
          this.stats.failed.push({ queue: item.queue, jobId: item.jobId, reason: describeError(err), attempts: attempt });
          return;
        }
      }
    }
  }

  private async process(item: Item, attempt: number): Promise<void> {
    const p = this.processors!;
    const ctx = { jobId: item.jobId, attempt };
    switch (item.queue) {
      case 'crawl':
        await p.crawl(payloadSchemas.crawl.parse(item.data), ctx);
        return;
      case 'analyze':
        await p.analyze(payloadSchemas.analyze.parse(item.data), ctx);
        return;
      case 'alerts':
        await p.alerts(payloadSchemas.alerts.parse(item.data), ctx);
        return;
    }
  }
}
