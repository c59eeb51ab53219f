import type { AlertsJob, AnalyzeJob, CrawlJob } from './payloads.js';

// BullMQ forbids ':' in custom job ids; every part below is a slug, a uuid or hex.

/**
 * One analysis per article content per analyzer version: a re-sent job is a no-op. A reanalysis
 * adds its marker, so it runs even when that version already analysed this content once.
 */
export function analyzeJobId(job: AnalyzeJob, analyzerVersion: string): string {
  const base = `analyze-${job.articleId}-${job.contentHash.slice(0, 16)}-${analyzerVersion.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  return job.rerun === undefined ? base : `${base}-r${job.rerun}`;
}

/** A manual crawl is keyed by outlet and minute, so a double click does not crawl twice. */
export function crawlJobId(job: CrawlJob, at: Date): string {
  return `crawl-${job.outletId}-${job.trigger}-${at.toISOString().slice(0, 16).replace(/[^0-9]/g, '')}`;
}

/** Alert checks are debounced per outlet: many analyses in a burst give one check. */
export function alertsDedupId(job: AlertsJob): string {
  return `alerts-${job.outletId}`;
}
