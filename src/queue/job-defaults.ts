import type { JobsOptions } from 'bullmq';

/**
 * Every queue retries with exponential backoff (BullMQ's default is a single attempt) and keeps
 * failed jobs with their reason for inspection.
 */
export const jobDefaults = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 10_000 },
} satisfies JobsOptions;

/** Crawls are heavier and the schedule brings the next one anyway: fewer attempts. */
export const crawlJobDefaults = { ...jobDefaults, attempts: 3, backoff: { type: 'exponential', delay: 30_000 } } satisfies JobsOptions;
