import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { StanceModelLabel } from '../../src/nlp/stance-model/types.js';

/** Where the shared NewsMTSC files live, relative to the repository root. */
export const NEWSMTSC_DIR = path.resolve(import.meta.dirname, '../../../shared/data/newsmtsc');

const targetSchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  mention: z.string(),
  polarity: z.number(),
});
const lineSchema = z.object({
  primary_gid: z.string(),
  sentence_normalized: z.string(),
  targets: z.array(targetSchema).min(1),
});

export interface LabelledTarget {
  from: number;
  to: number;
  label: StanceModelLabel;
}

export interface LabelledSentence {
  gid: string;
  /** The article the sentence comes from: folds of the cross-validation never split one. */
  article: string;
  text: string;
  targets: LabelledTarget[];
}

const LABELS: Record<number, StanceModelLabel> = { 2: 'negative', 4: 'neutral', 6: 'positive' };

/**
 * Article id of a NewsMTSC gid: `allsides_<article>_<story>_<sentence>_...` and
 * `polusa_v1_<article>_-1_<sentence>_...` both keep their first three parts.
 */
export function articleOf(gid: string): string {
  return gid.split('_').slice(0, 3).join('_');
}

/** Reads a NewsMTSC jsonl file (polarity 2 negative, 4 neutral, 6 positive). */
export function readNewsMtsc(file: string): LabelledSentence[] {
  if (!existsSync(file)) throw new Error(`NewsMTSC file not found: ${file}`);
  const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    const parsed = lineSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path.basename(file)}:${i + 1}: ${parsed.error.message}`);
    const row = parsed.data;
    return {
      gid: row.primary_gid,
      article: articleOf(row.primary_gid),
      text: row.sentence_normalized,
      targets: row.targets.map((t) => {
        const label = LABELS[t.polarity];
        if (!label) throw new Error(`${file}:${i + 1}: unknown polarity ${t.polarity}`);
        return { from: t.from, to: t.to, label };
      }),
    };
  });
}
