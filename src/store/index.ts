export {
  openDatabase,
  openPostgres,
  openPglite,
  pingDatabase,
  type Db,
  type Tx,
  type DatabaseHandle,
} from './client.js';
export { stableId, articleIdFor, contentHash } from './ids.js';
export { syncConfig } from './queries/config-sync.js';
export {
  upsertArticle,
  findKnownUrls,
  getArticle,
  type NewArticle,
  type UpsertResult,
  type StoredArticle,
} from './queries/articles.js';
export { saveAnalysis, type AnalysisToSave } from './queries/analysis.js';
export {
  startCrawlRun,
  recordCrawlFailure,
  finishCrawlRun,
  listCrawlFailures,
  type CrawlRunTotals,
  type CrawlRun,
  type CrawlFailureRow,
} from './queries/crawl-runs.js';
export { stanceTrend, rowsOf, type TrendRow, type TrendInterval } from './queries/trends.js';
export * as tables from './schema/index.js';
export {
  outletStanceSeries,
  insertAlert,
  listAlerts,
  type SeriesRow,
  type NewAlert,
  type AlertRow,
} from './queries/alerts.js';
