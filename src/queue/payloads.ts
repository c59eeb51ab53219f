import { z } from 'zod';

export const QUEUE = { crawl: 'crawl', analyze: 'analyze', alerts: 'alerts' } as const;
export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];

const outletId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,62}$/);

export const crawlJobSchema = z
  .object({
    outletId,
    trigger: z.enum(['schedule', 'manual', 'once', 'demo']).default('schedule'),
  })
  .strict();
export type CrawlJob = z.infer<typeof crawlJobSchema>;

export const analyzeJobSchema = z
  .object({
    articleId: z.string().uuid(),
    /** Part of the job id: a changed article is analysed again, an unchanged one is not. */
    contentHash: z.string().regex(/^[0-9a-f]{8,64}$/),
    /**
     * Set by `reanalyze`, from the article's stored analysis state: a deliberate re-run gets a job
     * id of its own (the crawl's id for this content and version may still be kept by BullMQ),
     * yet asking twice before the analysis changes gives the same id again.
     */
    rerun: z.string().regex(/^[0-9a-z]{1,32}$/).optional(),
  })
  .strict();
export type AnalyzeJob = z.infer<typeof analyzeJobSchema>;

export const alertsJobSchema = z.object({ outletId }).strict();
export type AlertsJob = z.infer<typeof alertsJobSchema>;

export interface JobPayloads {
  crawl: CrawlJob;
  analyze: AnalyzeJob;
  alerts: AlertsJob;
}

export const payloadSchemas = {
  crawl: crawlJobSchema,
  analyze: analyzeJobSchema,
  alerts: alertsJobSchema,
} as const;
