import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { ZodError, type ZodType } from 'zod';
import { PermanentError, describeError, isServiceOutage } from '../errors.js';
import type { Logger } from '../log.js';
import { outage } from '../outage.js';
import type { JobContext } from './dispatcher.js';
import type { QueueName } from './payloads.js';

export interface WorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency?: number;
  log: Logger;
  /** Stalls (its worker died or lost Redis mid-job) a job may have before it fails; default STALL_LIMIT. */
  maxStalledCount?: number;
  /** BullMQ's lock and stall-check periods (default 30 s each): shorter in tests and the soak. */
  lockDurationMs?: number;
  stalledIntervalMs?: number;
}

/**
 * A killed worker's jobs stall: BullMQ gives them back after their lock expires and fails them
 * for good after `maxStalledCount` stalls (its default is 1, so one crash loop failed 18% of a
 * backlog). A stall is an attempt like any other here: retried with backoff, and failed only
 * when the job itself seems to kill its workers (more stalls than a crash loop gives one job).
 */
export const STALL_LIMIT = 10;
/** Backoff of the n-th stall: 2 s, 4 s, 8 s ... capped at 5 min. */
export const stallBackoffMs = (stalls: number) => Math.min(300_000, 2_000 * 2 ** Math.max(0, stalls - 1));
/** Backoff while PostgreSQL is unreachable; an outage costs the job no attempt. */
export const outageBackoffMs = (deferrals: number) => Math.min(60_000, 1_000 * 2 ** Math.min(deferrals, 6));

/** ioredis' own wording for a command on a connection that is down. */
const isRedisError = (err: unknown) => /Connection is closed|MaxRetriesPerRequest|redis/i.test(describeError(err));

/** What the worker keeps in a job's progress field: how many stalls and outages it has waited out. */
interface Deferrals {
  stalls: number;
  outages: number;
}
function deferralsOf(job: Job): Deferrals {
  const p = job.progress as Partial<Deferrals> | number | undefined;
  if (typeof p !== 'object' || p === null) return { stalls: 0, outages: 0 };
  return { stalls: Number(p.stalls ?? 0), outages: Number(p.outages ?? 0) };
}

async function deferJob(job: Job, token: string | undefined, ms: number, next: Deferrals): Promise<never> {
  await job.updateProgress({ ...next });
  await job.moveToDelayed(Date.now() + ms, token);
  // Tells BullMQ the job was moved on purpose: no failure, no attempt used.
  throw new DelayedError();
}

/**
 * A BullMQ worker that validates each payload with zod before the processor sees it. A malformed
 * payload or a PermanentError becomes UnrecoverableError: straight to the failed set, no retries.
 * A job back from a stall waits its backoff first; a job whose processor failed because the
 * database was unreachable waits and is tried again without using an attempt.
 */
export function makeWorker<T>(
  queue: QueueName,
  schema: ZodType<T>,
  processor: (data: T, ctx: JobContext) => Promise<unknown>,
  opts: WorkerOptions,
): Worker {
  const log = opts.log.child({ queue });
  const redisOutage = outage('redis', opts.log);
  const dbOutage = outage('database', opts.log);
  const worker = new Worker(
    queue,
    async (job: Job, token?: string) => {
      const deferrals = deferralsOf(job);
      if (job.stalledCounter > deferrals.stalls) {
        log.info({ jobId: job.id, stalls: job.stalledCounter }, 'stalled job backs off before its retry');
        await deferJob(job, token, stallBackoffMs(job.stalledCounter), { ...deferrals, stalls: job.stalledCounter });
      }
      let data: T;
      try {
        data = schema.parse(job.data);
      } catch (err) {
        const reason = err instanceof ZodError ? err.issues.map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`).join('; ') : describeError(err);
        throw new UnrecoverableError(`malformed ${queue} job payload: ${reason}`);
      }
      try {
        return await processor(data, { jobId: job.id ?? 'unknown', attempt: job.attemptsMade + 1 });
      } catch (err) {
        if (err instanceof PermanentError) throw new UnrecoverableError(describeError(err));
        if (isServiceOutage(err)) {
          (isRedisError(err) ? redisOutage : dbOutage).failed(err);
          log.debug({ jobId: job.id, err: describeError(err) }, 'job deferred: service unreachable');
          await deferJob(job, token, outageBackoffMs(deferrals.outages), { ...deferrals, outages: deferrals.outages + 1 });
        }
        throw err;
      }
    },
    {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.concurrency ?? 1,
      maxStalledCount: opts.maxStalledCount ?? STALL_LIMIT,
      ...(opts.lockDurationMs ? { lockDuration: opts.lockDurationMs } : {}),
      ...(opts.stalledIntervalMs ? { stalledInterval: opts.stalledIntervalMs } : {}),
    },
  );
  worker.on('failed', (job, err) =>
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: describeError(err) }, 'job failed'),
  );
  worker.on('completed', (job) => {
    // A completed job read and wrote the database and Redis: both are back.
    dbOutage.recovered();
    redisOutage.recovered();
    log.debug({ jobId: job.id }, 'job completed');
  });
  // After an outage (or a stall) the locks of the jobs in hand are gone: BullMQ reports each
  // one, when renewing it and again when the job tries to finish ('Missing lock … moveToFinished').
  // Counted and logged once a second: the jobs are retried, and their writes are idempotent.
  let lostLocks = 0;
  let lostTimer: NodeJS.Timeout | undefined;
  worker.on('error', (err) => {
    if (isServiceOutage(err)) redisOutage.failed(err);
    else if (/could not renew lock|missing lock for job/i.test(err.message)) {
      lostLocks++;
      lostTimer ??= setTimeout(() => {
        log.warn({ jobs: lostLocks }, 'job locks lost (Redis outage or stall): those jobs are retried');
        lostLocks = 0;
        lostTimer = undefined;
      }, 1_000).unref();
    } else log.error({ err: describeError(err) }, 'worker error');
  });
  return worker;
}
