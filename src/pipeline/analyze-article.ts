import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ANALYZER_VERSION, analyze, identifySources, type Analysis } from '../nlp/index.js';
import { PermanentError } from '../errors.js';
import type { AnalyzeJob } from '../queue/index.js';
import {
  getArticles,
  saveAnalyses,
  type AnalysisForArticle,
  type StoredArticle,
} from '../store/index.js';
import { analysisSkipReason } from './analysis-policy.js';
import type { PipelineDeps } from './deps.js';

export interface AnalyzeResult {
  articleId: string;
  actors: number;
  mentions: number;
  skipped?: string;
}

/** Why an article is stored but not analysed, or undefined when it is analysed. */
function skipReason(article: StoredArticle): string | undefined {
  if (article.text === null) return 'text pruned';
  return article.analysisSkippedReason ?? analysisSkipReason(article.language);
}

/**
 * Gives each attribution its normalised source ("Kremlin spokesman Dmitry Peskov" ->
 * person:dmitry-peskov) from its own article alone, so the stored rows are the same whatever was
 * analysed before; a bare "Peskov" is linked to a person other articles name in full at query
 * time (v_source_links).
 */
function withSourceIdentities(
  deps: PipelineDeps,
  analysed: { articleId: string; analysis: Analysis; text: string }[],
): AnalysisForArticle[] {
  const identities = identifySources(analysed.map((a) => a.analysis), deps.config.actors);
  return analysed.map(({ articleId, analysis, text }, n) => ({
    articleId,
    text,
    analysis: {
      ...analysis,
      attributions: analysis.attributions.map((at, k) => ({ ...at, identity: identities[n]?.[k] })),
    },
  }));
}

/** A job's article to analyse, or its outcome already: an error, or a skip. */
type Target = { article: StoredArticle } | { outcome: AnalyzeResult | Error };

function targetOf(deps: PipelineDeps, found: ReadonlyMap<string, StoredArticle>, job: AnalyzeJob): Target {
  const article = found.get(job.articleId);
  if (!article) return { outcome: new PermanentError(`article ${job.articleId} does not exist`) };
  const skipped = skipReason(article);
  if (skipped === undefined) return { article };
  deps.log.info({ articleId: article.id, reason: skipped }, 'article not analyzed');
  return { outcome: { articleId: article.id, actors: 0, mentions: 0, skipped } };
}

const textOf = (a: StoredArticle) => `${a.title}\n\n${a.text}`;

/**
 * Each article's analysis, or the error that fails its job alone. With an analysis thread all are
 * sent at once: it works through them while this thread does the I/O of other batches. Without,
 * they are analysed here, back to the event loop between articles, so that other batches' saves
 * and the next jobs' fetch move on meanwhile (a whole batch in one go, about 100 ms, held them up
 * and let the next batch flush on its timer half full).
 */
async function analyzeAll(deps: PipelineDeps, articles: readonly StoredArticle[]): Promise<(Analysis | Error)[]> {
  const { analyzeText } = deps;
  const asError = (err: unknown) => (err instanceof Error ? err : new Error(String(err)));
  if (analyzeText) {
    const settled = await Promise.allSettled(articles.map((a) => analyzeText(textOf(a))));
    return settled.map((s) => (s.status === 'fulfilled' ? s.value : asError(s.reason)));
  }
  const out: (Analysis | Error)[] = [];
  for (const a of articles) {
    if (out.length > 0) await yieldToEventLoop();
    try {
      out.push(analyze(textOf(a), deps.config.actors));
    } catch (err) {
      out.push(asError(err));
    }
  }
  return out;
}

/**
 * Analyses stored articles with the configured actors, replaces their analysis rows in one
 * transaction, then asks for an alert check of each outlet touched. Per job, the result or the
 * error: a missing article, or one whose analysis fails, fails its own job only.
 */
export async function analyzeArticles(
  deps: PipelineDeps,
  jobs: AnalyzeJob[],
): Promise<(AnalyzeResult | Error)[]> {
  const found = new Map((await getArticles(deps.db, jobs.map((j) => j.articleId))).map((a) => [a.id, a]));
  const targets = jobs.map((job) => targetOf(deps, found, job));
  const articles = targets.flatMap((t) => ('article' in t ? [t.article] : []));
  // outcomes[i] belongs to articles[i], which are the targets with an article, in order.
  const outcomes = await analyzeAll(deps, articles);
  const analysed = articles.flatMap((a, i) => {
    const analysis = outcomes[i];
    return analysis instanceof Error || analysis === undefined ? [] : [{ articleId: a.id, analysis, text: textOf(a) }];
  });
  let next = 0;
  const results = targets.map((t): AnalyzeResult | Error => {
    if ('outcome' in t) return t.outcome;
    const analysis = outcomes[next++] as Analysis | Error;
    if (analysis instanceof Error) return analysis;
    const mentions = analysis.actors.reduce((n, a) => n + a.mentions.length, 0);
    return { articleId: t.article.id, actors: analysis.actors.length, mentions };
  });
  const toSave = withSourceIdentities(deps, analysed);
  await saveAnalyses(deps.db, toSave);
  const outlets = new Set(toSave.map((s) => found.get(s.articleId)!.outletId));
  // Concurrently: the batch's jobs complete (and free their slots) after one round trip, not one per outlet.
  await Promise.all([...outlets].map((outletId) => deps.dispatcher.enqueueAlerts({ outletId })));
  deps.log.debug({ articles: toSave.length, version: ANALYZER_VERSION }, 'articles analyzed');
  return results;
}

/** One article: see analyzeArticles. Throws what the batch would have returned as its error. */
export async function analyzeArticle(deps: PipelineDeps, job: AnalyzeJob): Promise<AnalyzeResult> {
  const [result] = await analyzeArticles(deps, [job]);
  if (result instanceof Error) throw result;
  return result!;
}
