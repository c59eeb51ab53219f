import { createRequire } from 'node:module';
import type { WinkMethods } from 'wink-nlp';
import type winkNLPType from 'wink-nlp';

const require = createRequire(import.meta.url);

/**
 * A new wink-nlp instance on the bundled English model. Both are loaded on first use: the model's
 * module alone costs a process about 23 MB of RSS, and an analyze worker's main thread, which
 * imports nlp for source names and the analyzer version, never reads a document.
 */
function newWink(pipe: readonly string[]): WinkMethods {
  const winkNLP = require('wink-nlp') as typeof winkNLPType;
  const model = require('wink-eng-lite-web-model') as Parameters<typeof winkNLPType>[0];
  const nlp = winkNLP(model, [...pipe]);
  forgetLearntWordsWhenTokenizing(lexiconOf(nlp));
  return nlp;
}

/** What of wink-nlp 2.4's lexeme cache (a document's raw `rdd.cache`) we read or wrap. */
interface LexiconSize {
  currentSize(): number;
  intrinsicSize(): number;
  lookup(text: string): number[] | null;
  add(text: string, category: number): number;
}

/**
 * wink's tokenizer asks the cache whether a piece of text is a known word (`cache.lookup`) to
 * decide whether to split it ("Trump's", "U.S.-led", "Beijing."), and the cache answers yes for
 * every word the instance has learnt from earlier documents. So the same text was tokenised, and
 * scored, differently depending on what the process had read before (4 of 1,156 repeated readings
 * of PerSenT articles). Answering "unknown" for learnt words makes every reading tokenise like
 * the first one; wink still adds (and reuses) the learnt word when it emits the token, so ids and
 * memory behave as before. wink-nlp is pinned exactly (2.4.0): the tokenizer and the document
 * wrapper read `cache.lookup` at call time, and the determinism test would catch a change.
 */
function forgetLearntWordsWhenTokenizing(cache: LexiconSize): void {
  const { lookup, add } = cache;
  const intrinsic = cache.intrinsicSize();
  // The model's feature extractors, run inside `add`, look up the word being added: they must
  // see it.
  let adding = false;
  cache.add = (text, category) => {
    adding = true;
    try {
      return add(text, category);
    } finally {
      adding = false;
    }
  };
  cache.lookup = (text) => {
    const found = lookup(text);
    if (adding || found === null || found.length !== 1) return found;
    return (found[0] ?? 0) >= intrinsic ? null : found;
  };
}

let allowList: Set<unknown> | undefined;

/**
 * Lets `fn` read wink's raw document data as an `its` function: wink passes its raw data only to
 * functions on its allow-list (wink-nlp 2.4's src/allowed.js; the version is pinned exactly).
 */
export function allowTokenFunction(fn: unknown): void {
  allowList ??= (require('wink-nlp/src/allowed.js') as { its4token: Set<unknown> }).its4token;
  allowList.add(fn);
}

const cacheProbe = (_index: number, rdd: { cache: LexiconSize }) => rdd.cache;

/** The instance's lexeme cache, read through a one-token document. */
function lexiconOf(nlp: WinkMethods): LexiconSize {
  allowTokenFunction(cacheProbe);
  const [cache] = nlp.readDoc('.').tokens().out(cacheProbe as never) as LexiconSize[];
  if (!cache) throw new Error('wink-nlp gave no lexeme cache: is wink-nlp still 2.4?');
  return cache;
}

/**
 * A wink-nlp instance on the bundled English model, replaced by a fresh one (about 80 ms, 10 MB)
 * once it has added more than `maxAdded` words to the model's own lexicon. wink keeps every new
 * word it reads for the life of the instance (about 150-200 bytes each: 500,000 new words added
 * 96 MB of heap), so an analyze worker reading news for months, with its heap capped at 256 MB,
 * would otherwise grow until it is killed. A fresh instance reads as a restarted worker's would.
 */
export function renewingWink(pipe: readonly string[], maxAdded: number): () => WinkMethods {
  let current: { nlp: WinkMethods; lexicon: LexiconSize } | undefined;
  return () => {
    if (current && current.lexicon.currentSize() - current.lexicon.intrinsicSize() > maxAdded) current = undefined;
    if (!current) {
      const nlp = newWink(pipe);
      current = { nlp, lexicon: lexiconOf(nlp) };
    }
    return current.nlp;
  };
}
