export type { PipelineDeps } from './deps.js';
export { ingestArticle } from './ingest-article.js';
export { runCrawl, type CrawlResult } from './crawl-outlet.js';
export { analyzeArticle, type AnalyzeResult } from './analyze-article.js';
export { checkAlerts, type CheckAlertsResult } from './check-alerts.js';
export { buildProcessors } from './processors.js';
export { ingestFile, importedArticleSchema, type IngestFileResult, type ImportedArticle } from './ingest-file.js';
export { openRuntime, type Runtime, type RuntimeOptions } from './runtime.js';
