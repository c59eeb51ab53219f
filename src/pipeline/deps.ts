import type { StancewatchConfig } from '../config/index.js';
import type { Logger } from '../log.js';
import type { JobDispatcher } from '../queue/index.js';
import type { Db } from '../store/index.js';

/** What every use case needs; built once per process by workers/ or the CLI. */
export interface PipelineDeps {
  db: Db;
  dispatcher: JobDispatcher;
  config: StancewatchConfig;
  log: Logger;
  /** Crawl tuning for tests and benchmarks; defaults suit real outlets. */
  crawl?: { maxConcurrency?: number; requestTimeoutSecs?: number; maxRequestRetries?: number };
}
