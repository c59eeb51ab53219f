export {
  openDatabase,
  openPostgres,
  openPglite,
  PGLITE_SEED,
  pingDatabase,
  type Db,
  type Tx,
  type DatabaseHandle,
} from './client.js';
export { stableId, articleIdFor, contentHash } from './ids.js';
export { syncConfig } from './queries/config-sync.js';
export {
  upsertArticle,
  upsertArticles,
  findKnownUrls,
  getArticle,
  getArticles,
  type NewArticle,
  type UpsertResult,
  type StoredArticle,
} from './queries/articles.js';
export {
  saveAnalysis,
  saveAnalyses,
  type AnalysisToSave,
  type AnalysisForArticle,
} from './queries/analysis.js';
export {
  loadFeedStates,
  recordFeedFetch,
  recordFeedFailure,
  enableFeeds,
  recordOutletCrawl,
  pollIntervals,
  outletStatus,
  type FeedRow,
  type OutletStatusRow,
} from './queries/feeds.js';
export {
  upsertSources,
  listSources,
  type SourceToSave,
  type StoredSource,
} from './queries/sources.js';
export {
  startCrawlRun,
  recordCrawlFailure,
  finishCrawlRun,
  listCrawlFailures,
  type CrawlRunTotals,
  type CrawlRun,
  type CrawlFailureRow,
} from './queries/crawl-runs.js';
export { stanceTrend, rowsOf, type TrendRow, type TrendInterval, type TrendQuery } from './queries/trends.js';
export { rebuildRollups, rollupDrift } from './queries/rollups.js';
export { withIndexesRebuilt } from './queries/bulk-indexes.js';
export { ensurePartitions, monthOf, MONTHLY_TABLES, type MonthlyTable } from './queries/partitions.js';
export {
  actorsWithData,
  listOutlets,
  frameShares,
  topSources,
  alertMarkers,
  articlesAbout,
  type AnalystFilter,
  type NamedId,
  type FrameShareRow,
  type SourceRow,
  type AlertMarker,
  type ArticleStanceRow,
} from './queries/analyst.js';
export {
  articleEvidence,
  type ArticleEvidence,
  type EvidenceMention,
  type EvidenceAttribution,
} from './queries/evidence.js';
export {
  ANALYST_VIEWS,
  isAnalystView,
  viewColumns,
  exportView,
  type AnalystView,
  type ViewColumn,
  type ExportRange,
} from './queries/export.js';
export { ANALYST_ROLE, grantAnalystRole, createAnalystLogin } from './queries/roles.js';
export * as tables from './schema/index.js';
export {
  outletStanceSeries,
  actorStanceSeries,
  outletQuotedSources,
  mentionEvidence,
  mentionEvidenceQuery,
  monthsOfArticles,
  findSameChange,
  insertAlert,
  listAlerts,
  getAlert,
  pendingAlerts,
  claimAlerts,
  markAlertsSent,
  releaseAlerts,
  type SeriesRow,
  type QuotedSourceRow,
  type MentionEvidenceRow,
  type NewAlert,
  type AlertRow,
  type AlertFilter,
} from './queries/alerts.js';
export { articleTextPages, type ArticleText, type ArticleTextQuery } from './queries/suggest.js';
export { countReanalysisCandidates, reanalysisCandidates, type ReanalysisCandidate, type ReanalysisQuery } from './queries/reanalyze.js';
export { pruneStorage, type PruneRequest, type PrunedPart } from './queries/prune.js';
