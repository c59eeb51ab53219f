import { analyze, type Actor } from '../nlp/index.js';

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
