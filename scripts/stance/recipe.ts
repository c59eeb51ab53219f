import type { Example } from './featurize.js';
import { featureVocabulary, type LinearOptions } from './linear-train.js';

/** The regression's feature list for `options`: seen often enough, less what the recipe leaves out. */
export function linearVocabulary(examples: readonly Example[], options: LinearOptions): Map<string, number> {
  let features = featureVocabulary(examples, options.minCount);
  if (options.nameBlind) features = nameBlind(features, examples);
  if (!options.roles) features = withoutRoles(features);
  return features;
}

/**
 * The feature list without the target's own name words: `T|lemma` features of tokens tagged as
 * proper nouns inside a training target ("T|trump", "T|clinton"). With them the regression learns
 * who NewsMTSC's sentences were kind to, which says nothing about a new article, nor about the
 * fictional people of the article evaluation. Other target words stay ("T|he", "T|police"), and
 * so do the mention-shape features (`T|<first>`, `T|<inquote>`, `T|<othersN>`).
 */
export function nameBlind(features: ReadonlyMap<string, number>, examples: readonly Example[]): Map<string, number> {
  const names = new Set<string>();
  for (const e of examples) {
    for (let i = e.target.from; i < e.target.to; i += 1) {
      const t = e.tokens[i];
      if (t?.pos === 'PROPN') names.add(`T|${t.lemma}`);
    }
  }
  const kept = [...features.keys()].filter((n) => !names.has(n));
  return new Map(kept.map((n, i) => [n, i]));
}

/** The feature list without the role features (`R|…`), as analyzer a5's model was trained. */
export function withoutRoles(features: ReadonlyMap<string, number>): Map<string, number> {
  const kept = [...features.keys()].filter((n) => !n.startsWith('R|'));
  return new Map(kept.map((n, i) => [n, i]));
}
