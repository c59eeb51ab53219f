/**
 * Evaluates the committed stance model on a NewsMTSC-format file:
 *   npm run eval:stance -- FILE.jsonl [--json]
 * or runs 5-fold cross-validation on the training set, grouped by article (retrains per fold):
 *   npm run eval:stance -- --cv [--linear-only] [--json]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
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
  },
});

/** Tokens per second of a pass over all sentences, after one untimed pass to warm the JIT. */
function throughput(sentences: readonly LabelledSentence[], pass: () => number): number {
  pass();
  const t0 = performance.now();
  const tokens = pass();
  return tokens / ((performance.now() - t0) / 1000);
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

if (values.cv) {
  const { crossValidate } = await import('./stance/cv.js');
  const result = await crossValidate(values['linear-only']);
  console.log(values.json ? JSON.stringify(result) : result.text);
} else {
  if (positionals.length === 0) {
    console.error('usage: npm run eval:stance -- FILE.jsonl [--json]   |   npm run eval:stance -- --cv [--json]');
    process.exit(2);
  }
  for (const file of positionals) evaluateFile(file);
}
