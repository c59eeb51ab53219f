import { ANALYZER_VERSION, analyze } from '../nlp/index.js';
import { PermanentError } from '../errors.js';
import type { AnalyzeJob } from '../queue/index.js';
import { getArticle, saveAnalysis } from '../store/index.js';
import type { PipelineDeps } from './deps.js';

export interface AnalyzeResult {
  articleId: string;
  actors: number;
  mentions: number;
  skipped?: string;
}

/**
 * Analyses one stored article with the configured actors, replaces its analysis rows in one
 * transaction, then asks for an alert check of its outlet.
 */
export async function analyzeArticle(deps: PipelineDeps, job: AnalyzeJob): Promise<AnalyzeResult> {
  const article = await getArticle(deps.db, job.articleId);
  if (!article) throw new PermanentError(`article ${job.articleId} does not exist`);
  const log = deps.log.child({ articleId: article.id, outletId: article.outletId });
  if (article.language !== null && article.language !== 'en') {
    log.info({ language: article.language }, 'article not analyzed: not English');
    return { articleId: article.id, actors: 0, mentions: 0, skipped: `language ${article.language}` };
  }
  const analysis = analyze(`${article.title}\n\n${article.text}`, deps.config.actors);
  await saveAnalysis(deps.db, article.id, analysis);
  await deps.dispatcher.enqueueAlerts({ outletId: article.outletId });
  const mentions = analysis.actors.reduce((n, a) => n + a.mentions.length, 0);
  log.debug({ actors: analysis.actors.length, mentions, version: ANALYZER_VERSION }, 'article analyzed');
  return { articleId: article.id, actors: analysis.actors.length, mentions };
}
