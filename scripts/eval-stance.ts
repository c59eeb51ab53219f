/**
 * Evaluates the committed stance model on a NewsMTSC-format file:
 *   npm run eval:stance -- FILE.jsonl [--json]
 * (`--scorer lexicon` scores the same targets with the analyzer's rule scorer instead), or runs
 * 5-fold cross-validation on the training set, grouped by article (retrains per fold):
 *   npm run eval:stance -- --cv [--linear-only] [--json]
 * or scores whole articles of PerSenT (the author's sentiment towards the main person) through the
 * analyzer's article-level stance:
 *   npm run eval:stance -- --persent FILE.csv [--scorer lexicon|model] [--json]
 * or scores articles assembled from real labelled sentences (scripts/real-articles) through the
 * analyzer, against the mean gold label of their sentences about the person:
 *   npm run eval:stance -- --articles [--pool dev|train-fold-K] [--model FILE] [--raw] [--select] [--json]
 * (`--select` chooses the aggregation on the pool: only ever on a train fold held back from --model),
 * or fits the calibration on a held-back fold of train with a model that never saw it:
 *   npm run eval:stance -- --calibrate --model FILE --pool train-fold-K [--write]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startProgress } from '../src/progress/index.js';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { scoreTargetsInDoc, STANCE_MODEL_VERSION } from '../src/nlp/stance-model/index.js';
import { defaultModel } from '../src/nlp/stance-model/default-model.js';
import { readNewsMtsc, type LabelledSentence } from './stance/data.js';
import { evaluate, formatReport } from './stance/metrics.js';
import { scoreSentences } from './stance/score-set.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean', default: false },
    cv: { type: 'boolean', default: false },
    'linear-only': { type: 'boolean', default: false },
    persent: { type: 'string' },
    articles: { type: 'boolean', default: false },
    calibrate: { type: 'boolean', default: false },
    pool: { type: 'string', default: 'dev' },
    model: { type: 'string' },
    raw: { type: 'boolean', default: false },
    select: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
    per: { type: 'string', default: '60' },
    /** model (the analyzer's default, and the default here) or lexicon (the old rule scorer). */
    scorer: { type: 'string' },
  },
});

/** Tokens per second of a pass over all sentences, after one untimed pass to warm the JIT. */
function throughput(sentences: readonly LabelledSentence[], pass: () => number): number {
  pass();
  const t0 = performance.now();
  const tokens = pass();
  return tokens / ((performance.now() - t0) / 1000);
}

/**
 * The analyzer's default rule scorer on the same targets: each sentence read as one sentence
 * view, each target as a mention slot, for comparison with the model.
 */
async function evaluateRuleScorer(file: string): Promise<void> {
  const { readTokens, tokenAt } = await import('../src/nlp/tokens.js');
  const { scoreMentions } = await import('../src/nlp/index.js');
  const sentences = readNewsMtsc(path.resolve(file));
  const gold: (typeof sentences)[number]['targets'][number]['label'][] = [];
  const pred: typeof gold = [];
  for (const s of sentences) {
    const table = readTokens(s.text);
    const slots = s.targets.map((t) => ({ first: tokenAt(table, t.from), last: tokenAt(table, t.to - 1) }));
    scoreMentions({ table, from: 0, to: table.count }, slots).forEach((r, i) => {
      gold.push(s.targets[i]!.label);
      pred.push(r.label);
    });
  }
  const report = evaluate(gold, pred);
  if (values.json) console.log(JSON.stringify({ file: path.basename(file), scorer: 'lexicon', n: report.n, f1m: report.f1m, accuracy: report.accuracy, perClass: report.perClass }));
  else console.log(formatReport(`${path.basename(file)} (rule scorer, the analyzer's default before the learned model)`, report));
}

function evaluateFile(file: string): void {
  const sentences = readNewsMtsc(path.resolve(file));
  const scored = scoreSentences(defaultModel(), sentences);
  const report = evaluate(scored.gold, scored.results.map((r) => r.label));
  const full = throughput(sentences, () => scoreSentences(defaultModel(), sentences).tokens);
  // The analyzer reads each text once with the full default pipe and hands the document over.
  const nlp = winkNLP(model);
  const docs = sentences.map((s) => ({ s, doc: nlp.readDoc(s.text) }));
  const scoreDocs = (fast: boolean) => () => {
    let n = 0;
    for (const { s, doc } of docs) {
      n += doc.tokens().length();
      const spans = s.targets.map((t) => ({ sentenceStart: 0, sentenceEnd: s.text.length, targetStart: t.from, targetEnd: t.to }));
      scoreTargetsInDoc(doc, s.text, spans, { fast });
    }
    return n;
  };
  const scoringOnly = throughput(sentences, scoreDocs(false));
  const fastScoring = throughput(sentences, scoreDocs(true));
  const readDoc = throughput(sentences, () => {
    let n = 0;
    for (const s of sentences) n += nlp.readDoc(s.text).tokens().length();
    return n;
  });
  const out = {
    file: path.basename(file),
    model: STANCE_MODEL_VERSION,
    n: report.n,
    f1m: report.f1m,
    accuracy: report.accuracy,
    perClass: report.perClass,
    /** Own wink reading plus scoring, per token of the scored sentences. */
    tokensPerSecond: full,
    /** Scoring a document the analyzer already read. */
    scoringOnlyTokensPerSecond: scoringOnly,
    /** The same with `{ fast: true }` (softmax regression alone). */
    fastScoringOnlyTokensPerSecond: fastScoring,
    /** Raw wink-nlp readDoc (default pipe) on the same sentences, for comparison. */
    readDocTokensPerSecond: readDoc,
  };
  if (values.json) {
    console.log(JSON.stringify(out));
    return;
  }
  console.log(formatReport(`${out.file} (${STANCE_MODEL_VERSION})`, report));
  console.log(
    `  tokens/s ${Math.round(full)} (read + score), ${Math.round(scoringOnly)} (score a read doc), ` +
      `${Math.round(fastScoring)} (score a read doc, fast); wink readDoc alone ${Math.round(readDoc)}`,
  );
  const targets = sentences.reduce((n, s) => n + s.targets.length, 0);
  console.log(`  ${(targets / sentences.length).toFixed(2)} scored mentions per sentence`);
}

/**
 * Document-level F1m on PerSenT with the analyzer's own article-level labels, and what cut points
 * on the article score would give: tuned on the whole file (optimistic) and 5-fold cross-validated
 * (tuned on four folds, applied to the fifth), since the file is both the tuning and the test set.
 */
async function evaluatePersent(file: string): Promise<void> {
  const { createAnalyzer, modelScorer, scoreMentions } = await import('../src/nlp/index.js');
  const { bestCuts, cutLabel, documentStance, readPersent } = await import('./stance/persent.js');
  const scorerName = values.scorer ?? 'model';
  // Named explicitly both ways: the analyzer's default scorer is the model.
  const scorer = scorerName === 'model' ? modelScorer() : scoreMentions;
  if (scorerName !== 'model' && scorerName !== 'lexicon') {
    console.error(`--scorer must be lexicon or model, not ${scorerName}`);
    process.exit(2);
  }
  const docs = readPersent(path.resolve(file));
  const t0 = performance.now();
  const progress = startProgress({ label: 'eval:stance persent', unit: 'documents', total: docs.length });
  const scored = docs.map((d) => {
    const one = { ...documentStance((actors) => createAnalyzer(actors, scorer), d), gold: d.label };
    progress.tick();
    return one;
  });
  progress.stop();
  const seconds = (performance.now() - t0) / 1000;
  const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
  const f1 = (g: typeof scored[number]['gold'][], p: typeof scored[number]['gold'][]) => evaluate(g, p).f1m;
  const report = evaluate(scored.map((s) => s.gold), scored.map((s) => s.label));
  const tuned = bestCuts(scored, f1);
  const folds = 5;
  const cvPred = new Array<(typeof scored)[number]['gold']>(scored.length);
  for (let k = 0; k < folds; k += 1) {
    const cuts = bestCuts(scored.filter((_, i) => i % folds !== k), f1);
    scored.forEach((s, i) => {
      if (i % folds === k) cvPred[i] = cutLabel(s.score, s.mentions, cuts.lo, cuts.hi);
    });
  }
  const cv = evaluate(scored.map((s) => s.gold), cvPred);
  const out = {
    file: path.basename(file),
    scorer: scorerName,
    n: report.n,
    f1m: report.f1m,
    accuracy: report.accuracy,
    perClass: report.perClass,
    tokensPerSecond: words / seconds,
    withoutMention: scored.filter((s) => s.mentions === 0).length,
    tunedCuts: { negativeBelow: tuned.lo, positiveFrom: tuned.hi, f1m: tuned.f1m },
    crossValidatedCutsF1m: cv.f1m,
  };
  if (values.json) {
    console.log(JSON.stringify(out));
    return;
  }
  console.log(formatReport(`${out.file}, article-level stance (${scorerName} scorer, the analyzer's own labels)`, report));
  console.log(`  ${out.withoutMention} documents never mention their person (counted neutral); ~${Math.round(out.tokensPerSecond)} words/s`);
  console.log(`  cut points tuned on the whole file: negative below ${tuned.lo.toFixed(3)}, positive from ${tuned.hi.toFixed(3)}: F1m ${tuned.f1m.toFixed(2)} (optimistic)`);
  console.log(`  the same cut search, 5-fold cross-validated: F1m ${cv.f1m.toFixed(2)}`);
}

async function evaluateArticles(): Promise<void> {
  const a = await import('./stance/articles.js');
  const { ARTICLE_CUTS } = await import('../src/nlp/aggregate.js');
  if (values.select && values.pool === 'dev') {
    console.error('--select chooses on the pool it scores: use a held-back train fold (--pool train-fold-K with a --model trained without it), never dev');
    process.exit(2);
  }
  const per = Number(values.per);
  if (!Number.isInteger(per) || per < 1) {
    console.error(`--per must be a whole number of articles per mix of labels, not ${values.per}`);
    process.exit(2);
  }
  const set = a.poolOf(values.pool);
  const model = a.loadModel(values.model, values.raw);
  const progress = startProgress({ label: 'eval:stance articles', unit: 'articles', total: per * a.COMBINATIONS.length });
  const scored = a.scoreArticles(set, model, per, 'articles', () => progress.tick());
  progress.stop();
  // The analyzer's own article scores (the shipped aggregation and cut points).
  const analyzer = a.ownFigures(scored, ARTICLE_CUTS);
  const plain = a.plainMeanFigures(scored, ARTICLE_CUTS);
  const ceiling = a.balanceFigures(scored, a.BALANCE, ARTICLE_CUTS, true);
  const header = `${scored.length} articles from ${set.name} (${set.portrayals.length} portrayals, ${set.skipped} targets skipped), model ${values.model ?? 'committed'}${values.raw ? ' uncalibrated' : ' calibrated'}`;
  const selection = values.select ? a.selectBalance(scored) : undefined;
  if (values.json) {
    console.log(JSON.stringify({ pool: set.name, n: scored.length, balance: a.BALANCE, analyzer, plainMean: plain, ceiling, selection }));
    return;
  }
  console.log(header);
  console.log(a.formatFigures(`analyzer ${JSON.stringify(a.BALANCE)}`, analyzer));
  console.log(a.formatFigures('plain mean of p(pos) - p(neg)', plain));
  console.log(a.formatFigures('ceiling: perfect mention labels', ceiling));
  if (selection) {
    for (const row of selection.table) console.log(a.formatFigures(`  ${row.options.pool} ${row.options.pool === 'lean' ? `sharp ${row.options.sharpness}` : `gain ${row.options.gain}`} power ${row.options.massPower} prior ${row.options.prior}`, row.figures));
    console.log(`selected (least squared error among those meeting ${JSON.stringify(a.SELECT_BARS)}, prior > 0): ${JSON.stringify(selection.options)}, cuts: negative below ${selection.cuts.negativeBelow}, positive from ${selection.cuts.positiveFrom}`);
  }
}

async function fitCalibration(): Promise<void> {
  const c = await import('./stance/calibrate.js');
  await c.runCalibration({ pool: values.pool, model: values.model, write: values.write, json: values.json });
}

if (values.articles) {
  await evaluateArticles();
} else if (values.calibrate) {
  await fitCalibration();
} else if (values.persent !== undefined) {
  await evaluatePersent(values.persent);
} else if (values.cv) {
  const { crossValidate } = await import('./stance/cv.js');
  const result = await crossValidate(values['linear-only']);
  console.log(values.json ? JSON.stringify(result) : result.text);
} else {
  if (positionals.length === 0) {
    console.error('usage: npm run eval:stance -- FILE.jsonl [--json]   |   npm run eval:stance -- --cv [--json]');
    process.exit(2);
  }
  for (const file of positionals) {
    if (values.scorer === 'lexicon') await evaluateRuleScorer(file);
    else evaluateFile(file);
  }
}
