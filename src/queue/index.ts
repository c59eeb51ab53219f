export {
  QUEUE,
  crawlJobSchema,
  analyzeJobSchema,
  alertsJobSchema,
  payloadSchemas,
  type QueueName,
  type CrawlJob,
  type AnalyzeJob,
  type AlertsJob,
  type JobPayloads,
} from './payloads.js';
export type { JobDispatcher, Processors, JobContext } from './dispatcher.js';
export { jobDefaults, crawlJobDefaults } from './job-defaults.js';
export { analyzeJobId, crawlJobId, alertsDedupId } from './job-ids.js';
export { createBullQueues, type BullQueues } from './bullmq-dispatcher.js';
export { makeWorker, STALL_LIMIT, stallBackoffMs, outageBackoffMs, type WorkerOptions } from './make-worker.js';
export {
  queueStatus,
  retryFailedJobs,
  ensureJob,
  type QueueStatus,
  type FailureReason,
  type EnsureOutcome,
} from './queue-admin.js';
export { syncCrawlSchedulers, rescheduleCrawlEvery } from './schedulers.js';
export { InProcessRunner, type RunnerStats, type FailedJob } from './in-process-runner.js';
export { createRedis, pingRedis } from './redis.js';
export type { Worker, Queue } from 'bullmq';
export { startInProcessScheduler, msUntilNext } from './in-process-scheduler.js';
export { createMicroBatcher } from './micro-batcher.js';
