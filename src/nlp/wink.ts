import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

// NER and custom entities are never read here and cost about a third of readDoc's time;
// sentiment stays because the lexicon backs off to wink's per-word polarity.
const PIPE = ['sbd', 'negation', 'sentiment', 'pos'];

let shared: WinkMethods | undefined;

/** The one wink-nlp instance of the process, built on first use (building it takes ~100 ms). */
export function getNlp(): WinkMethods {
  shared ??= winkNLP(model, PIPE);
  return shared;
}

// Bounded so that a stream of junk tokens (ids, URLs that slip through) cannot grow it forever.
const MAX_MEMO = 50_000;
const wordPolarity = new Map<string, number>();
const PLAIN_WORD = /^[a-z][a-z-]+$/;

/**
 * Wink's sentiment of a single lowercase word in [-1, 1] (0 when it has none), memoised per word
 * because reading a one-word document costs far more than a map lookup.
 */
export function winkWordPolarity(word: string): number {
  const known = wordPolarity.get(word);
  if (known !== undefined) return known;
  let polarity = 0;
  // Numbers, URLs and other odd tokens have no sentiment worth a readDoc.
  if (PLAIN_WORD.test(word)) {
    const nlp = getNlp();
    const value = Number(nlp.readDoc(word).out(nlp.its.sentiment));
    polarity = Number.isFinite(value) ? value : 0;
  }
  if (wordPolarity.size >= MAX_MEMO) wordPolarity.clear();
  wordPolarity.set(word, polarity);
  return polarity;
}
