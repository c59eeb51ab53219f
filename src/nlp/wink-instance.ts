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
  return winkNLP(model, [...pipe]);
}

/** What of wink-nlp 2.4's lexeme cache (a document's raw `rdd.cache`) the renewal reads. */
interface LexiconSize {
  currentSize(): number;
  intrinsicSize(): number;
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
