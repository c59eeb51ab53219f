import type { Queue } from 'bullmq';
import type { QueueName } from './payloads.js';

export interface FailureReason {
  reason: string;
  jobs: number;
}

export interface QueueStatus {
  queue: QueueName;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  /** The most frequent failure reasons among the failed jobs looked at (most frequent first). */
  topReasons: FailureReason[];
}

/** Failed jobs read to rank their reasons: enough to see a pattern, bounded for a huge failed set. */
const REASON_SAMPLE = 2_000;

/** Job counts of one queue and the top reasons of its failed jobs. */
export async function queueStatus(name: QueueName, queue: Queue, opts: { reasons?: number } = {}): Promise<QueueStatus> {
  const counts = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
  const byReason = new Map<string, number>();
  if ((counts.failed ?? 0) > 0) {
    for (const job of await queue.getFailed(0, REASON_SAMPLE - 1)) {
      // The first line only: a stack or a long cause chain would split one reason into many.
      const reason = (job.failedReason || 'unknown').split('\n')[0]!.slice(0, 200);
      byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
    }
  }
  const topReasons = [...byReason]
    .map(([reason, jobs]) => ({ reason, jobs }))
    .sort((a, b) => b.jobs - a.jobs || a.reason.localeCompare(b.reason))
    .slice(0, opts.reasons ?? 5);
  return {
    queue: name,
    waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0),
    active: counts.active ?? 0,
    delayed: counts.delayed ?? 0,
    failed: counts.failed ?? 0,
    topReasons,
  };
}

/**
 * Moves every failed job of the queue back to waiting, with its attempts counted afresh (it failed
 * for good once; a re-drive is a new chance, not the rest of the old one). Returns how many.
 */
export async function retryFailedJobs(queue: Queue, opts: { pageSize?: number } = {}): Promise<number> {
  const pageSize = opts.pageSize ?? 500;
  let retried = 0;
  for (;;) {
    // Always the first page: each retried job leaves the failed set.
    const page = await queue.getFailed(0, pageSize - 1);
    if (page.length === 0) return retried;
    let moved = 0;
    for (const job of page) {
      try {
        await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        retried++;
        moved++;
      } catch {
        // Retried or removed meanwhile by someone else (another operator, a clean): nothing to do.
      }
    }
    if (moved === 0) return retried;
  }
}

/** What `ensureJob` found for a job id. */
export type EnsureOutcome = 'added' | 'queued' | 'failed';

/**
 * Adds the job unless the queue already holds its id in a live state. A job kept as completed
 * is removed and added again (the caller knows its work is not done: its result is missing);
 * a failed one is left for `jobs retry --failed`, which shows it and lets an operator decide.
 */
export async function ensureJob(queue: Queue, name: string, data: object, jobId: string): Promise<EnsureOutcome> {
  const state = await queue.getJobState(jobId);
  if (state === 'failed') return 'failed';
  if (state === 'completed') await queue.remove(jobId);
  else if (state !== 'unknown') return 'queued';
  await queue.add(name, data, { jobId });
  return 'added';
}
