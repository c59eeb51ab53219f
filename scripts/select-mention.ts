/**
 * Chooses the mention model's regression recipe on a fold of NewsMTSC train held back by article
 * (never on dev): trains each variant of the softmax regression on the other folds plus the
 * analyst examples, and scores the held-back fold alone and averaged with the GRU readers of a
 * model trained without that fold (`train:stance -- --hold-out-fold K --out FILE`):
 *   npm run select:mention -- --fold 0 --gru-from FILE [--variants base,blind,...] [--write VARIANT --out FILE]
 * The readers are the same for every variant, so only the regression is retrained (about a
 * minute each). `--write` saves the named variant with those readers as a model file, for
 * `eval:stance -- --articles|--calibrate --model FILE --pool train-fold-K`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { decodeModel, type SerializedStanceModel } from '../src/nlp/stance-model/model.js';
import { STANCE_LABELS } from '../src/nlp/stance-model/types.js';
import { articleFolds, FOLDS } from './stance/cv.js';
import { GRU_SHARE, LINEAR_DEFAULTS } from './stance/hyper.js';
import { indexExamples, trainLinear, type LinearOptions } from './stance/linear-train.js';
import { evaluate, formatReport } from './stance/metrics.js';
import { buildModel, serializeModel, type ModelParts } from './stance/package-model.js';
import { linearVocabulary } from './stance/recipe.js';
import { log, prepare } from './stance/prepare.js';
import { predictExamples } from './stance/predict-examples.js';

const { values } = parseArgs({
  options: {
    fold: { type: 'string', default: '0' },
    'gru-from': { type: 'string' },
    variants: { type: 'string' },
    shares: { type: 'string', default: String(GRU_SHARE) },
    /** Which of the --gru-from readers to average (indices, comma-separated; default all). */
    readers: { type: 'string' },
    write: { type: 'string' },
    out: { type: 'string' },
  },
});
const fold = Number(values.fold);
if (!(Number.isInteger(fold) && fold >= 0 && fold < FOLDS)) {
  console.error(`--fold must be an integer from 0 to ${FOLDS - 1}, not ${values.fold}`);
  process.exit(2);
}
if (values.write && !values.out) {
  console.error('--write needs --out FILE');
  process.exit(2);
}

interface Variant {
  /** Drop the target's own proper-name words as features (the model cannot learn who is good). */
  blind: boolean;
  /** Keep the role features (`R|…`, agent or patient of an evaluative verb); analyzer a5's model has none. */
  roles: boolean;
  /** Class weights of the loss, negative / neutral / positive. */
  weights?: [number, number, number];
  l2: number;
}

const data = prepare();
const folds = articleFolds(data.trainExamples, FOLDS);
const fit = [...data.trainExamples.filter((_, i) => folds[i] !== fold), ...data.analystExamples];
const held = data.trainExamples.filter((_, i) => folds[i] === fold);
const counts = [0, 1, 2].map((c) => fit.filter((e) => e.label === c).length);
/** Inverse class frequency, scaled so the mean weight per example stays 1. */
const balanced = counts.map((c) => fit.length / (3 * c)) as [number, number, number];
const sqrtBalanced = balanced.map((w) => Math.sqrt(w)) as [number, number, number];
log(`fold ${fold} held back: ${held.length} targets; training on ${fit.length} (neg/neu/pos ${counts.join('/')}); balanced weights ${balanced.map((w) => w.toFixed(2)).join('/')}`);

const L2 = LINEAR_DEFAULTS.l2;
const VARIANTS: Record<string, Variant> = {
  base: { blind: false, roles: false, l2: L2 },
  blind: { blind: true, roles: false, l2: L2 },
  sqrtbal: { blind: false, roles: false, weights: sqrtBalanced, l2: L2 },
  bal: { blind: false, roles: false, weights: balanced, l2: L2 },
  'blind-sqrtbal': { blind: true, roles: false, weights: sqrtBalanced, l2: L2 },
  'blind-bal': { blind: true, roles: false, weights: balanced, l2: L2 },
  'blind-l2-16': { blind: true, roles: false, l2: 16 },
  'blind-l2-64': { blind: true, roles: false, l2: 64 },
  role: { blind: false, roles: true, l2: L2 },
  'role-blind': { blind: true, roles: true, l2: L2 },
  'role-bal': { blind: false, roles: true, weights: balanced, l2: L2 },
  'role-blind-bal': { blind: true, roles: true, weights: balanced, l2: L2 },
  'l2-16': { blind: false, roles: false, l2: 16 },
  'l2-64': { blind: false, roles: false, l2: 64 },
};

const gru = values['gru-from']
  ? decodeModel(JSON.parse(readFileSync(values['gru-from'], 'utf8')) as SerializedStanceModel).gru
  : undefined;
if (values['gru-from'] && !gru) throw new Error(`${values['gru-from']} has no GRU readers`);
const readers = gru && values.readers !== undefined
  ? values.readers.split(',').map((k) => {
      const r = gru.readers[Number(k)];
      if (!r) throw new Error(`--readers: ${values['gru-from']} has no reader ${k} (it has ${gru.readers.length})`);
      return r;
    })
  : gru?.readers;

function nll(probs: readonly (readonly number[])[], gold: readonly number[]): number {
  return probs.reduce((s, p, i) => s - Math.log(Math.max(1e-9, p[gold[i]!] ?? 0)), 0) / probs.length;
}

const names = values.variants ? values.variants.split(',') : Object.keys(VARIANTS);
const shares = values.shares.split(',').map(Number);
const gold = held.map((e) => STANCE_LABELS[e.label] ?? 'neutral');
const goldIdx = held.map((e) => e.label);
for (const name of names) {
  const v = VARIANTS[name];
  if (!v) throw new Error(`unknown variant ${name} (known: ${Object.keys(VARIANTS).join(', ')})`);
  const options: LinearOptions = { ...LINEAR_DEFAULTS, l2: v.l2, nameBlind: v.blind, roles: v.roles, ...(v.weights ? { classWeights: v.weights } : {}) };
  const features = linearVocabulary(fit, options);
  const weights = trainLinear(indexExamples(fit, features, data.vocab), features.size, [...features.keys()], options);
  const parts: ModelParts = { version: 'select', features, weights, vocab: data.vocab, lexicon: data.lexicon, classBias: [0, 0, 0] };
  const linear = predictExamples(buildModel(parts), held);
  const lr = evaluate(gold, linear.map((r) => r.label));
  console.log(`${name}: regression alone F1m ${lr.f1m.toFixed(2)} NLL ${nll(linear.map((r) => r.probs), goldIdx).toFixed(4)} (${features.size} features)`);
  if (gru) {
    for (const share of shares) {
      const results = predictExamples(buildModel({ ...parts, gru: { readers: readers ?? [], share } }), held);
      const r = evaluate(gold, results.map((x) => x.label));
      console.log(formatReport(`${name}, with the readers (share ${share}), NLL ${nll(results.map((x) => x.probs), goldIdx).toFixed(4)}`, r));
    }
  }
  if (values.write === name && values.out) {
    if (!gru) throw new Error('--write needs --gru-from');
    const { STANCE_MODEL_VERSION } = await import('../src/nlp/stance-model/version.js');
    const serialized = serializeModel({ ...parts, version: STANCE_MODEL_VERSION, gru: { readers: readers ?? [], share: shares[0] ?? GRU_SHARE } });
    writeFileSync(values.out, `${JSON.stringify(serialized)}\n`);
    log(`wrote ${values.out}`);
  }
}
