import type { SourceKind } from '../types.js';
import { type Ctx, type Range, norm, posOf } from './context.js';
import { headOf, isNameToken, type ActorLookup } from './source-kind.js';
import { TITLES } from './words.js';

const PARTICLES = new Set(
  'von van der den de del della di da du la le bin ibn al el ter ten dos das'.split(' '),
);
const INITIAL = /^\p{Lu}\.$/u;
const DETERMINERS = /^(?:the|a|an|this|that|these|those)\s+/;
const POSSESSIVE = /['’]s\b/g;
// The right single quote of "Beijing’s" is read as an apostrophe by the ASCII path.
const NON_ASCII = /[^\u0000-\u007f\u2019]/;

/** Lowercased, without diacritics, punctuation or extra spaces: the comparable form of a name. */
export function canonical(text: string): string {
  if (!NON_ASCII.test(text)) return canonicalAscii(text);
  // Decomposing drops accents ("Häkkänen" -> "hakkanen").
  return (
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(POSSESSIVE, '')
      // "U.S." -> "us", "Sen." -> "sen": abbreviation dots join, other punctuation separates.
      .replace(/\./g, '')
      .replace(/[^\p{L}\p{N}\s-]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

// The same as `canonical` for ASCII text, in one pass: most sources are written in ASCII.
function canonicalAscii(text: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < text.length; i += 1) {
    let c = text.charCodeAt(i);
    const apostrophe = c === 39 || c === 8217;
    if (apostrophe && (text.charCodeAt(i + 1) | 32) === 115 && !isAlnum(text.charCodeAt(i + 2))) {
      i += 1;
      continue;
    }
    if (c === 46) continue;
    if (c >= 65 && c <= 90) c += 32;
    if (isAlnum(c) || c === 45) {
      if (space && out.length > 0) out += ' ';
      out += String.fromCharCode(c);
      space = false;
    } else space = true;
  }
  return out;
}

const isAlnum = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/** `name` must already be canonical. */
function withoutTitles(name: string): string {
  const words = name.split(' ');
  let i = 0;
  while (i < words.length - 1 && (TITLES.has(words[i] ?? '') || TITLES.has(`${words[i] ?? ''}.`)))
    i += 1;
  return words.slice(i).join(' ');
}

/**
 * A key that is the same for one source across articles: the kind and the canonical name, with
 * titles ("Kremlin spokesman", "Sen.") and determiners stripped. Uses `name` (the fullest name
 * the article gives, e.g. "Dmitry Peskov" for a later "Peskov") when present, else `text`.
 * Anonymous sources are keyed by their description ("anonymous:senior eu official"): they
 * cannot be told apart, only grouped.
 */
export function normalizeSourceKey(source: {
  kind: SourceKind;
  text: string;
  name?: string;
}): string {
  const base = source.name ?? source.text;
  const plain = canonical(base).replace(DETERMINERS, '');
  const name = source.kind === 'person' ? withoutTitles(plain) : plain;
  return `${source.kind}:${name}`;
}

/**
 * The run of name words that ends a person source ("Dmitry Peskov" in "Kremlin spokesman
 * Dmitry Peskov"), with particles ("von der") and initials. Undefined when it names no one.
 */
export function personNameRange(ctx: Ctx, r: Range, actors: ActorLookup): Range | undefined {
  const head = headOf(ctx, r);
  if (!isNameToken(ctx, head, actors)) return undefined;
  let from = head;
  for (let k = head - 1; k >= r.from; k -= 1) {
    const n = norm(ctx, k);
    const v = ctx.table.values[k] ?? '';
    const hyphen = (v === '-' || v === '‐') && isNameToken(ctx, k - 1, actors);
    const joins =
      isNameToken(ctx, k, actors) || INITIAL.test(v) || hyphen || (PARTICLES.has(n) && k > r.from);
    if (!joins || TITLES.has(n)) break;
    from = k;
  }
  while (PARTICLES.has(norm(ctx, from)) && from < head) from += 1;
  return { from, to: head + 1 };
}

/** Whether a name range is a surname-only form ("Peskov"), to be completed from the article. */
export const isShortName = (ctx: Ctx, r: Range): boolean =>
  r.to - r.from === 1 && posOf(ctx, r.from) === 'PROPN';

/**
 * Completes short person names from the fullest name the article gives with the same last
 * word: "Peskov" -> "Dmitry Peskov". A surname shared by two full names stays as it is.
 */
export function completeNames(names: readonly string[]): Map<string, string> {
  const fullest = new Map<string, string | null>();
  for (const name of names) {
    const words = name.split(/\s+/);
    const last = (words.at(-1) ?? '').toLowerCase();
    if (words.length < 2 || last === '') continue;
    const known = fullest.get(last);
    if (known === undefined) fullest.set(last, name);
    else if (known !== null && !known.endsWith(name) && !name.endsWith(known))
      fullest.set(last, null);
    else if (known !== null && name.length > known.length) fullest.set(last, name);
  }
  const completed = new Map<string, string>();
  for (const name of names) {
    const full = fullest.get((name.split(/\s+/).at(-1) ?? '').toLowerCase());
    completed.set(name, full ?? name);
  }
  return completed;
}
