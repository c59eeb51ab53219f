import type { StancewatchConfig } from '../config/index.js';
import type { Analysis } from '../nlp/index.js';
import type { Logger } from '../log.js';
import type { JobDispatcher } from '../queue/index.js';
import type { Db } from '../store/index.js';

/** What every use case needs; built once per process by workers/ or the CLI. */
export interface PipelineDeps {
  db: Db;
  dispatcher: JobDispatcher;
  config: StancewatchConfig;
  log: Logger;
  /**
   * Where alert e-mail goes: SMTP when `smtpUrl` is set, else .eml files in `outboxDir`. Without
   * it, alerts are stored and left pending for `deliverPendingAlerts` or `alerts digest`.
   */
  mail?: { smtpUrl?: string | undefined; outboxDir?: string | undefined; from?: string | undefined };
  /**
   * Analyses one article's text with the configured actors off the calling thread (an analyze
   * worker's analysis thread). Without it, analysis runs on the calling thread.
   */
  analyzeText?: (text: string) => Promise<Analysis>;
  /** Crawl tuning for tests and benchmarks; defaults suit real outlets. */
  crawl?: { maxConcurrency?: number; requestTimeoutSecs?: number; maxRequestRetries?: number; extractOnThread?: boolean };
}
