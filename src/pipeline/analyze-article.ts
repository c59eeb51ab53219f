import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { ANALYZER_VERSION, analyze, identifySources, type Actor, type Analysis } from '../nlp/index.js';
import { PermanentError } from '../errors.js';
import type { AnalyzeJob } from '../queue/index.js';
import {
  getArticles,
  knownSources,
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
  return article.analysisSkippedReason ?? analysisSkipReason(article.language);
}

/**
 * Gives each attribution its normalised source ("Peskov" -> person:dmitry-peskov): nlp keys the
 * sources, the store says what earlier articles established about bare surnames (one query for
 * the batch), nlp resolves them.
 */
async function withSourceIdentities(
  deps: PipelineDeps,
  analysed: { articleId: string; analysis: Analysis }[],
): Promise<AnalysisForArticle[]> {
  const drafts = identifySources(analysed.map((a) => a.analysis), deps.config.actors);
  const identities = drafts.resolve(await knownSources(deps.db, drafts.surnames));
  return analysed.map(({ articleId, analysis }, n) => ({
    articleId,
    analysis: {
      ...analysis,
      attributions: analysis.attributions.map((at, k) => ({ ...at, identity: identities[n]?.[k] })),
    },
  }));
}

/** One job of a batch: its result, or the error that fails it alone; analyses go to `analysed`. */
function analyzeOne(
  deps: PipelineDeps,
  found: ReadonlyMap<string, StoredArticle>,
  job: AnalyzeJob,
  analysed: { articleId: string; analysis: Analysis }[],
): AnalyzeResult | Error {
  const article = found.get(job.articleId);
  if (!article) return new PermanentError(`article ${job.articleId} does not exist`);
  const skipped = skipReason(article);
  if (skipped !== undefined) {
    deps.log.info({ articleId: article.id, reason: skipped }, 'article not analyzed');
    return { articleId: article.id, actors: 0, mentions: 0, skipped };
  }
  const analysis = analyze(`${article.title}\n\n${article.text}`, deps.config.actors);
  analysed.push({ articleId: article.id, analysis });
  const mentions = analysis.actors.reduce((n, a) => n + a.mentions.length, 0);
  return { articleId: article.id, actors: analysis.actors.length, mentions };
}

/**
 * Analyses stored articles with the configured actors, replaces their analysis rows in one
 * transaction, then asks for an alert check of each outlet touched. Per job, the result or the
 * error: a missing article fails its own job only.
 */
export async function analyzeArticles(
  deps: PipelineDeps,
  jobs: AnalyzeJob[],
): Promise<(AnalyzeResult | Error)[]> {
  const found = new Map((await getArticles(deps.db, jobs.map((j) => j.articleId))).map((a) => [a.id, a]));
  const analysed: { articleId: string; analysis: Analysis }[] = [];
  const results: (AnalyzeResult | Error)[] = [];
  for (const job of jobs) {
    // Back to the event loop between articles: the other batch's save (several round trips) and
    // the next jobs' fetch move on while this batch is analysed. Analysing a whole batch in one
    // go (about 100 ms) held them up, left the worker waiting on them afterwards, and let the next
    // batch flush on its timer half full.
    if (results.length > 0) await yieldToEventLoop();
    results.push(analyzeOne(deps, found, job, analysed));
  }
  const toSave = await withSourceIdentities(deps, analysed);
  await saveAnalyses(deps.db, toSave);
  const outlets = new Set(toSave.map((s) => found.get(s.articleId)!.outletId));
  // Concurrently: the batch's jobs complete (and free their slots) after one round trip, not one per outlet.
  await Promise.all([...outlets].map((outletId) => deps.dispatcher.enqueueAlerts({ outletId })));
  deps.log.debug({ articles: toSave.length, version: ANALYZER_VERSION }, 'articles analyzed');
  return results;
}

// A made-up paragraph with a country, a person and an attributed quote: it reaches the stance
// model, the attribution rules and the frames, which a text without configured actors never does.
const WARM_UP_TEXT =
  'Officials said on Monday, according to Reuters, that "the talks will go on". Ruritania\'s ' +
  'president, Anna Volk, criticised the sanctions, but Ruritanian diplomats welcomed the new trade deal.';
const WARM_UP_ACTORS: Actor[] = [
  { id: 'ruritania', name: 'Ruritania', kind: 'country', aliases: [], demonyms: ['Ruritanian'] },
  { id: 'anna-volk', name: 'Anna Volk', kind: 'person', aliases: ['Volk'], demonyms: [], affiliation: 'ruritania' },
];
const WARM_UP_ROUNDS = 30;

/**
 * Loads what analysis loads on first use (the wink-nlp model, lexicons, compiled patterns and
 * the stance model's weights: about 0.5 s of CPU) and gives the JIT a first pass over the hot
 * paths, so an analyze worker pays this at start-up rather than in its first batch.
 */
export function warmUpAnalyzer(): void {
  for (let i = 0; i < WARM_UP_ROUNDS; i += 1) analyze(WARM_UP_TEXT, WARM_UP_ACTORS);
}

/** One article: see analyzeArticles. Throws what the batch would have returned as its error. */
export async function analyzeArticle(deps: PipelineDeps, job: AnalyzeJob): Promise<AnalyzeResult> {
  const [result] = await analyzeArticles(deps, [job]);
  if (result instanceof Error) throw result;
  return result!;
}
