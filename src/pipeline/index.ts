export type { PipelineDeps } from './deps.js';
export { ingestArticle, ingestArticles } from './ingest-article.js';
export { runCrawl, type CrawlResult } from './crawl-outlet.js';
export { analyzeArticle, analyzeArticles, type AnalyzeResult } from './analyze-article.js';
export { startAnalysisPool, startAnalysisThread, type AnalysisThread } from './analysis-thread.js';
export {
  checkAlerts,
  scanAlerts,
  FRESH_WINDOW_MS,
  type CheckAlertsResult,
  type CheckAlertsOptions,
  type FoundChange,
} from './check-alerts.js';
export {
  deliverPendingAlerts,
  sendDigests,
  alertViewOf,
  alertOutboxFile,
  SEND_LEASE_MS,
  type DeliveryResult,
} from './send-alert.js';
export { buildProcessors } from './processors.js';
export { ingestFile, importedArticleSchema, type IngestFileResult, type ImportedArticle } from './ingest-file.js';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
export { reanalyze, rerunMarker, type ReanalyzeOptions, type ReanalyzeResult } from './reanalyze.js';
export { reconcile, startReconciler, unanalysedBacklog, type ReconcileResult } from './reconcile.js';
export { pruneOlderThan, startRetention, type PruneAges } from './prune.js';
export { actorFromSuggestion, planConfig, renderConfig, slugId, type ConfigPlan, type PlanOptions, type PlannedActor } from './init-config.js';
