import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { ZodError, type ZodType } from 'zod';
import { PermanentError, describeError } from '../errors.js';
import type { Logger } from '../log.js';
import type { JobContext } from './dispatcher.js';
import type { QueueName } from './payloads.js';

export interface WorkerOptions {
  connection: Redis;
  prefix: string;
  concurrency?: number;
  log: Logger;
}

/**
 * A BullMQ worker that validates each payload with zod before the processor sees it. A malformed
 * payload or a PermanentError becomes UnrecoverableError: straight to the failed set, no retries.
 */
export function makeWorker<T>(
  queue: QueueName,
  schema: ZodType<T>,
  processor: (data: T, ctx: JobContext) => Promise<unknown>,
  opts: WorkerOptions,
): Worker {
  const log = opts.log.child({ queue });
  const worker = new Worker(
    queue,
    async (job: Job) => {
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
        throw err;
      }
    },
    { connection: opts.connection, prefix: opts.prefix, concurrency: opts.concurrency ?? 1 },
  );
  worker.on('failed', (job, err) =>
    log.warn({ jobId: job?.id, attempts: job?.attemptsMade, err: describeError(err) }, 'job failed'),
  );
  worker.on('completed', (job) => log.debug({ jobId: job.id }, 'job completed'));
  worker.on('error', (err) => log.error({ err: describeError(err) }, 'worker error'));
  return worker;
}
