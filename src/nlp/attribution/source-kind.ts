import type { SourceKind } from '../types.js';
import { type Ctx, type Range, norm, posOf, remember, valueOf } from './context.js';
import { isHeadLike } from './phrases.js';
import {
  ANONYMOUS_HEADS,
  ANONYMOUS_MARKERS,
  DOCUMENT_HEADS,
  GROUP_HEADS,
  MEDIA_HEADS,
  MEDIA_NAMES,
  ORGANIZATION_HEADS,
  PERSON_HEADS,
  PLACES,
  POSTMODIFIERS,
  PRONOUNS,
  SOURCE_PREPOSITIONS,
  TIME_WORDS,
  TITLES,
} from './words.js';

/** What the kind rules need to know about configured actors inside a source phrase. */
export interface ActorLookup {
  /** The actor kind ('person', 'country', …) of a mention covering token k, if any. */
  kindAt(k: number): string | undefined;
}

const ACRONYM = /^(?:\p{Lu}\.?){2,}$/u;

/** Token index of a phrase's head: its last noun before a preposition, participle or comma. */
export function headOf(ctx: Ctx, r: Range): number {
  let head = r.from;
  for (let k = r.from; k < r.to; k += 1) {
    const v = norm(ctx, k);
    if (k > r.from && (SOURCE_PREPOSITIONS.has(v) || POSTMODIFIERS.has(v) || v === ',')) break;
    if (isHeadLike(ctx, k) || PRONOUNS.has(v)) head = k;
  }
  return head;
}

const singular = (w: string): string => {
  if (!w.endsWith('s')) return w;
  return w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.slice(0, -1);
};
const inSet = (set: ReadonlySet<string>, w: string): boolean =>
  set.has(w) || (w.endsWith('s') && set.has(singular(w)));
/** `inSet` with the singular computed once by the caller. */
const inEither = (set: ReadonlySet<string>, w: string, one: string): boolean =>
  set.has(w) || set.has(one);

// Words that are never part of a person's name: titles, places, institutions, kinds of text.
const NOT_NAME_WORDS = new Set(
  [
    TITLES,
    PLACES,
    ORGANIZATION_HEADS,
    MEDIA_HEADS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    TIME_WORDS,
  ].flatMap((s) => [...s]),
);
/** Head nouns that make a phrase a plausible source, one set so that the test is one lookup. */
const SOURCE_HEADS = new Set(
  [
    PERSON_HEADS,
    ANONYMOUS_HEADS,
    ORGANIZATION_HEADS,
    GROUP_HEADS,
    DOCUMENT_HEADS,
    MEDIA_HEADS,
  ].flatMap((set) => [...set]),
);
const MEDIA_WORDS = new Set(MEDIA_NAMES.filter((n) => !n.includes(' ')));
// Multi-word outlet names by their first word, so a phrase is matched word by word.
const MEDIA_PHRASES = new Map<string, string[][]>();
for (const name of MEDIA_NAMES.filter((n) => n.includes(' '))) {
  const words = name.split(' ');
  const first = words[0] ?? '';
  MEDIA_PHRASES.set(first, [...(MEDIA_PHRASES.get(first) ?? []), words]);
}

export function isDocument(ctx: Ctx, r: Range): boolean {
  return inSet(DOCUMENT_HEADS, norm(ctx, headOf(ctx, r)));
}

/** Whether a phrase plausibly names a source, for cues that are often not reporting ones. */
export function isLikelySource(ctx: Ctx, r: Range, prior: number): boolean {
  const head = headOf(ctx, r);
  const n = norm(ctx, head);
  if (PRONOUNS.has(n)) return n !== 'it' || prior >= 0.5;
  if (posOf(ctx, head) === 'PROPN' && !/^\d/.test(n)) return true;
  return inSet(SOURCE_HEADS, n);
}

/** Whether token k looks like part of a person's name (not a title, acronym, place or actor). */
export function isNameToken(ctx: Ctx, k: number, actors: ActorLookup): boolean {
  if (k < 0) return false;
  const known = ctx.memo.name[k] ?? 0;
  return known === 0 ? remember(ctx.memo.name, k, nameLike(ctx, k, actors)) : known === 2;
}

// An acronym: two or more capitals, with or without dots ("EU", "U.S.", "NATO").
function isAcronym(v: string): boolean {
  let capitals = 0;
  for (let c = 0; c < v.length; c += 1) {
    const code = v.charCodeAt(c);
    if (code >= 65 && code <= 90) capitals += 1;
    else if (code !== 46) return code > 127 && ACRONYM.test(v);
  }
  return capitals >= 2;
}

function nameLike(ctx: Ctx, k: number, actors: ActorLookup): boolean {
  const v = valueOf(ctx, k);
  const n = norm(ctx, k);
  const givenName = /^\p{Lu}/u.test(v) && posOf(ctx, k + 1) === 'PROPN';
  if (
    (posOf(ctx, k) !== 'PROPN' && !givenName) ||
    ACRONYM.test(v) ||
    actors.kindAt(k) !== undefined
  )
    return false;
  return !inSet(NOT_NAME_WORDS, n) && !MEDIA_WORDS.has(n);
}

/** The words of the outlet name a phrase contains ("tass", "washington post"), if any. */
function mentionsMedia(ctx: Ctx, r: Range): string[] | undefined {
  for (let k = r.from; k < r.to; k += 1) {
    const n = norm(ctx, k);
    if (MEDIA_WORDS.has(n)) return [n];
    const phrases = MEDIA_PHRASES.get(n);
    const found = phrases?.find((words) =>
      words.every((w, d) => k + d < r.to && norm(ctx, k + d) === w),
    );
    if (found !== undefined) return found;
  }
  return undefined;
}

function pronounKind(n: string): SourceKind {
  if (n === 'they' || n === 'we') return 'group';
  return n === 'it' ? 'organization' : 'person';
}

function hasName(ctx: Ctx, r: Range, head: number, actors: ActorLookup): boolean {
  for (let k = r.from; k <= head; k += 1) if (isNameToken(ctx, k, actors)) return true;
  return false;
}

/**
 * The kind of a source phrase from its head word and what surrounds it: a document ("the
 * poll"), an outlet ("TASS", "the broadcaster"), an unnamed source ("a senior EU official"),
 * a configured actor ("China" -> organization), a person, a group or an organisation.
 */
export function sourceKind(ctx: Ctx, r: Range, actors: ActorLookup): SourceKind {
  const head = headOf(ctx, r);
  const n = norm(ctx, head);
  if (PRONOUNS.has(n)) return pronounKind(n);
  const one = singular(n);
  const media = mentionsMedia(ctx, r);
  // "The Washington Post" is an outlet although "post" can name a document.
  if (media !== undefined && (media.includes(n) || MEDIA_WORDS.has(n))) return 'media';
  if (inEither(DOCUMENT_HEADS, n, one)) return 'document';
  if (inEither(MEDIA_HEADS, n, one) || media !== undefined) return 'media';
  const named = hasName(ctx, r, head, actors);
  let marked = false;
  for (let k = r.from; k < r.to && !marked; k += 1) marked = ANONYMOUS_MARKERS.has(norm(ctx, k));
  if ((inEither(ANONYMOUS_HEADS, n, one) && !named) || marked) return 'anonymous';
  const actorKind = actors.kindAt(head);
  if (actorKind !== undefined) return actorKind === 'person' ? 'person' : 'organization';
  if (PERSON_HEADS.has(n)) return 'person';
  if (inEither(ORGANIZATION_HEADS, n, one)) return 'organization';
  if (GROUP_HEADS.has(n) || (posOf(ctx, head) === 'NOUN' && n.endsWith('s'))) return 'group';
  if (PLACES.has(n) || isAcronym(valueOf(ctx, head))) return 'organization';
  return named || posOf(ctx, head) === 'PROPN' ? 'person' : 'organization';
}
