import type { Document, WinkMethods } from 'wink-nlp';
import { getNlp, readColumns } from '../wink.js';
import type { StanceToken } from './types.js';

/**
 * The wink-nlp instance the model reads with: the analyzer's own (pipe sbd, negation, pos: lemmas
 * need POS tags, negation flags the negation pipe), so a process holds one language model.
 */
export function stanceNlp(): WinkMethods {
  return getNlp();
}

const docTokens = new WeakMap<Document, StanceToken[]>();

const POSSESSIVE = /^(.*[a-z0-9.])(['’]s)$/;

/**
 * wink-nlp splits "Trump's" into "Trump" + "'s" until a merged form has entered its lexeme cache,
 * after which the same text reads as one token: its output depends on what the instance read
 * before. Splitting here makes features independent of that history (and of whose instance
 * read the document).
 */
export function splitPossessive(t: StanceToken): StanceToken[] {
  const m = POSSESSIVE.exec(t.lower);
  if (!m || t.pos === 'PUNCT') return [t];
  const head = m[1] ?? '';
  const cut = t.start + head.length;
  return [
    { ...t, end: cut, lower: head, lemma: t.lemma === t.lower ? head : t.lemma.replace(/['’]s$/, '') },
    { start: cut, end: t.end, lower: m[2] ?? "'s", lemma: m[2] ?? "'s", pos: 'PART', negated: t.negated },
  ];
}

/**
 * The model's tokens for one wink token at [start, end): none for whitespace, two for a
 * possessive ("Trump's"), else one, lower-cased.
 */
export function toStanceTokens(value: string, start: number, end: number, lemma: string, pos: string, negated: boolean): StanceToken[] {
  if (value.trim() === '') return [];
  const lower = value.toLowerCase();
  const token = { start, end, lower, lemma: lemma.toLowerCase(), pos, negated };
  // The regular expression only for words that can be possessives.
  return lower.endsWith('s') && (lower.includes("'") || lower.includes('’')) ? splitPossessive(token) : [token];
}

/**
 * Tokens of a wink-nlp document with character offsets into `text` (the string the document was
 * read from). Cached per document, so scoring several mentions of one document reads it once.
 */
export function tokensOfDoc(doc: Document, text: string): StanceToken[] {
  const cached = docTokens.get(doc);
  if (cached) return cached;
  const { values, spaces, lemmas, pos, negated } = readColumns(doc);
  const out: StanceToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i += 1) {
    const value = values[i] ?? '';
    let start = cursor + (spaces[i] ?? 0);
    // wink keeps the original characters, but a mismatch must not shift every later offset.
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, cursor);
      start = found >= 0 ? found : start;
    }
    const end = start + value.length;
    cursor = end;
    out.push(...toStanceTokens(value, start, end, lemmas[i] ?? value, pos[i] ?? 'X', negated[i] === true));
  }
  docTokens.set(doc, out);
  return out;
}

/** Reads `text` with this model's wink-nlp instance and returns its tokens. */
export function tokenize(text: string): StanceToken[] {
  return tokensOfDoc(stanceNlp().readDoc(text), text);
}
