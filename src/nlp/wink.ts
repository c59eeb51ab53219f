import type { Document, WinkMethods } from 'wink-nlp';
import { allowTokenFunction, renewingWink } from './wink-instance.js';

// NER, custom entities and sentiment are never read from an article's document and cost about
// 40% of readDoc's time; word polarity has its own instance (below), built only if asked for.
const PIPE = ['sbd', 'negation', 'pos'];
/** New words an instance may add to the model's lexicon before it is replaced (~20 MB of heap). */
const MAX_ADDED_WORDS = 100_000;

const shared = renewingWink(PIPE, MAX_ADDED_WORDS);

/**
 * The wink-nlp instance of the process, built on first use (building it takes ~100 ms) and
 * replaced by a fresh one once it has learnt 100,000 new words (see renewingWink).
 */
export function getNlp(): WinkMethods {
  return shared();
}

/** wink-nlp 2.4's raw document data, as its own `its` functions receive it. */
interface RawDoc {
  tokens: Uint32Array | number[];
  nonBreakingSpaces: Record<number, string>;
  cache: {
    value(id: number): string;
    normal(id: number): number;
    nox(id: number): number;
    valueOf(kind: 'pos', id: number): string;
    mappedSpelling(id: number): number;
    property(id: number, name: string): number;
    intrinsicSize(): number;
  };
}
interface Addons {
  lemmatize(value: string, pos: string, cache: RawDoc['cache']): string;
}
type ItsFn = (index: number, rdd: RawDoc, addons: Addons) => unknown;

/** Per token: surface, lowercased normal, lemma, POS, negation scope and the whitespace before it. */
export interface TokenColumns {
  values: string[];
  normals: string[];
  lemmas: string[];
  pos: string[];
  negated: boolean[];
  /** Length of the whitespace wink saw before each token. */
  spaces: Int32Array;
}

// Layout constants of wink-nlp 2.4 (src/constants.js); the version is pinned exactly and the
// token tests would catch a change.
const TK_SIZE = 4;
const BITS_FOR_LEMMA = 20;
const POS_MASK = 0x3f00000;
const LEMMA_MASK = 0xfffff;
const PS_MASK = 0xffff;
const NEGATION_FLAG = 2 ** 31;
const CONTRACTION = 65535;

// Lemmatizing a word that has several candidate lemmas costs microseconds; articles repeat words.
const MAX_MEMO = 50_000;
const lemmaMemo = new Map<string, Map<string, string>>();

/**
 * What a token's lexeme id alone decides (its surface, normal form and, when the word has a single
 * lemma, that lemma): wink works each out through several calls per token, and articles repeat
 * their words. The model's own lexicon is a fixed set; out-of-vocabulary words are kept up to a bound.
 */
interface Lexeme {
  value: string;
  normal: string;
  /** Lower-cased single lemma, or null when the lemma depends on the part of speech. */
  lemma: string | null;
}
const byId: (Lexeme | undefined)[] = [];
// Out-of-vocabulary ids are numbered by each instance in the order it met the words: the memo
// belongs to one instance's cache and is emptied when a document of another is read.
const oovById = new Map<number, Lexeme>();
let oovOwner: unknown;
/** The model's part-of-speech names by index (a few dozen). */
const posNames: string[] = [];

let columns: TokenColumns | undefined;

/**
 * Reads every column in one pass over wink's token array. Six `tokens().out(its.x)` calls cost
 * more than reading the document itself (a function call per token per column, and a fresh
 * lemmatization per token); wink only passes its raw data to functions in its allow-list, so this
 * reader joins the list once.
 */
const readAll: ItsFn = (i, rdd, addons) => {
  const out = columns;
  if (!out) return undefined;
  const t = rdd.tokens;
  const cache = rdd.cache;
  if (cache !== oovOwner) {
    oovById.clear();
    oovOwner = cache;
  }
  const id = t[i * TK_SIZE] ?? 0;
  const second = t[i * TK_SIZE + 1] ?? 0;
  const third = t[i * TK_SIZE + 2] ?? 0;
  const posIndex = (third & POS_MASK) >>> BITS_FOR_LEMMA;
  const pos = posNames[posIndex] ?? (posNames[posIndex] = cache.valueOf('pos', posIndex));
  const contraction = second > CONTRACTION;
  let value: string;
  let normal: string;
  let lemma: string;
  if (contraction) {
    value = cache.value(id);
    normal = cache.value(cache.nox(second));
    lemma = cache.value(third & LEMMA_MASK).toLowerCase();
  } else {
    const native = id < cache.intrinsicSize();
    let known = native ? byId[id] : oovById.get(id);
    if (known === undefined) {
      const n = cache.value(cache.normal(id));
      const mapped = cache.mappedSpelling(id);
      const single = cache.property(mapped, 'isSLemma') === 1 ? cache.value(cache.property(mapped, 'lemma')).toLowerCase() : null;
      known = { value: cache.value(id), normal: n, lemma: single };
      if (native) byId[id] = known;
      else {
        // Out-of-vocabulary ids grow with every new word a worker sees: a bounded memo for them.
        if (oovById.size >= MAX_MEMO) oovById.clear();
        oovById.set(id, known);
      }
    }
    value = known.value;
    normal = known.normal;
    if (known.lemma !== null) lemma = known.lemma;
    else {
      let byPos = lemmaMemo.get(pos);
      if (!byPos) lemmaMemo.set(pos, (byPos = new Map()));
      let hit = byPos.get(normal);
      if (hit === undefined) {
        if (byPos.size >= MAX_MEMO) byPos.clear();
        hit = addons.lemmatize(normal, pos, cache).toLowerCase();
        byPos.set(normal, hit);
      }
      lemma = hit;
    }
  }
  const count = second & PS_MASK;
  out.values.push(value);
  out.normals.push(normal);
  out.lemmas.push(lemma);
  out.pos.push(pos);
  out.negated.push((t[i * TK_SIZE + 3] ?? 0) >= NEGATION_FLAG);
  out.spaces[i] = count < 0xffff ? count : (rdd.nonBreakingSpaces[i] ?? '').length;
  return undefined;
};

/** Every token column of `doc` (read by `getNlp()` or any instance of the same wink-nlp). */
export function readColumns(doc: Document): TokenColumns {
  allowTokenFunction(readAll);
  const tokens = doc.tokens();
  const n = tokens.length();
  columns = { values: [], normals: [], lemmas: [], pos: [], negated: [], spaces: new Int32Array(n) };
  try {
    tokens.out(readAll as never);
    return columns;
  } finally {
    columns = undefined;
  }
}

const polarityNlp = renewingWink(['sbd', 'negation', 'sentiment'], MAX_ADDED_WORDS);
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
    const nlp = polarityNlp();
    const value = Number(nlp.readDoc(word).out(nlp.its.sentiment));
    polarity = Number.isFinite(value) ? value : 0;
  }
  if (wordPolarity.size >= MAX_MEMO) wordPolarity.clear();
  wordPolarity.set(word, polarity);
  return polarity;
}
