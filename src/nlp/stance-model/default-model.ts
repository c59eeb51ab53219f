import { z } from 'zod';
import type { Calibration } from './calibration.js';
import { decodeModel, type SerializedStanceModel, type StanceModel } from './model.js';
import { STANCE_MODEL_VERSION } from './version.js';
import { createRequire } from 'node:module';

let model: StanceModel | undefined;

function isSerialized(x: unknown): x is SerializedStanceModel {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  const strings = ['version', 'features', 'sparse', 'dense', 'words', 'vectors', 'vectorScales', 'lexicon'];
  return strings.every((k) => typeof o[k] === 'string') && typeof o.sparseScale === 'number' && Array.isArray(o.classBias) && o.classBias.length === 3;
}

const calibrationSchema = z.object({
  model: z.string(),
  temperature: z.number().positive(),
  bias: z.tuple([z.number(), z.number(), z.number()]),
});

/** stance-model/calibration.json: fitted for this recipe by `npm run eval:stance -- --calibrate`. */
export function committedCalibration(): Calibration {
  const parsed = calibrationSchema.safeParse(createRequire(import.meta.url)('./calibration.json'));
  if (!parsed.success) throw new Error(`stance-model/calibration.json is malformed: ${parsed.error.message}`);
  if (parsed.data.model !== STANCE_MODEL_VERSION) {
    throw new Error(`stance calibration is for ${parsed.data.model}, code expects ${STANCE_MODEL_VERSION}: run npm run eval:stance -- --calibrate`);
  }
  return { temperature: parsed.data.temperature, bias: parsed.data.bias };
}

/** The committed model, decoded on first use (the weights are bundled: nothing is read or fetched). */
export function defaultModel(): StanceModel {
  if (model) return model;
  // Read on first use, not at import: processes that never score with the model (the lexicon
  // analyzer, crawlers) should not hold 5 MB of JSON and its decoded tables.
  const raw: unknown = createRequire(import.meta.url)('./weights.json');
  if (!isSerialized(raw)) throw new Error('stance-model/weights.json is malformed');
  if (raw.version !== STANCE_MODEL_VERSION) {
    throw new Error(`stance weights are ${raw.version}, code expects ${STANCE_MODEL_VERSION}: run npm run train:stance`);
  }
  model = { ...decodeModel(raw), calibration: committedCalibration() };
  return model;
}
