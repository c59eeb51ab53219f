/**
 * Source identity across articles, for storage: one key per speaker however an article writes it.
 *
 * The tagger already gives each source a kind, an affiliation and, inside one article, the
 * fullest name ("Peskov" -> "Dmitry Peskov" when the article names him in full). This file turns
 * that into the stored identity:
 * - people: `person:dmitry-peskov`, titles, roles and affiliation descriptors stripped
 *   ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "Mr. Peskov" -> one key); a bare surname
 *   takes the full name its own article gives, when exactly one person there has it (other
 *   articles' full names are linked at query time, by the `v_source_links` view);
 * - unnamed sources cannot be told apart, only grouped by whom they speak for: `anonymous:eu`
 *   ("a senior EU official", "EU diplomats who asked not to be named"), `anonymous:unaffiliated`;
 * - configured actors speaking as themselves keep the tagger's `actor:<id>`;
 * - organisations, outlets, groups and documents: kind, then the affiliation's id when known,
 *   then the rest of the description ("China's Foreign Ministry", "the Chinese foreign ministry"
 *   -> `organization:china/foreign-ministry`).
 * Pure, and a function of one article (and the actors) alone: the caller stores the result.
 */
import type { Actor, Attribution, AttributionSource, SourceKind } from '../types.js';
import { canonical } from './names.js';
import { PRONOUNS, TITLES } from './words.js';

/** A source as it is stored: one row per key, and the alias it was written as. */
export interface SourceIdentity {
  /** Deterministic identity across articles, e.g. `person:dmitry-peskov`, `anonymous:eu`. */
  key: string;
  /** Display name: "Dmitry Peskov", "unnamed European Union source". */
  name: string;
  kind: SourceKind;
  /** The configured actor the source speaks for. */
  actor?: string;
  /** Canonical last name of a person named in full: what a bare surname can be linked to. */
  surname?: string;
  /** The surface form, canonical ("kremlin spokesman dmitry peskov"); none for pronouns. */
  alias?: string;
}

/** The stored identities of one attribution's source and channel. */
export interface AttributionIdentity {
  source?: SourceIdentity;
  via?: SourceIdentity;
}

/** The parts of a tagged source that identity needs (the tagger's `AttributionSource` has them). */
export type SourceLike = Pick<AttributionSource, 'text' | 'kind' | 'actor' | 'name' | 'key' | 'antecedent'>;

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'some', 'one', 'two', 'three', 'several']);

const words = (text: string): string[] => canonical(text).split(' ').filter((w) => w !== '');
const slug = (ws: readonly string[]): string => ws.join('-');

function dropDeterminers(ws: string[]): string[] {
  let i = 0;
  while (i < ws.length - 1 && DETERMINERS.has(ws[i] ?? '')) i += 1;
  return ws.slice(i);
}

/**
 * The canonical words of every configured form of each actor (name, aliases, demonyms), longest
 * first, so that "european union" is removed before "european".
 */
function actorForms(actors: readonly Actor[]): Map<string, string[][]> {
  const forms = new Map<string, string[][]>();
  for (const a of actors) {
    const all = [a.name, ...a.aliases, ...a.demonyms].map(words).filter((w) => w.length > 0);
    all.sort((x, y) => y.length - x.length);
    forms.set(a.id, all);
  }
  return forms;
}

/** `ws` without the first occurrence of any of the actor's forms (its affiliation descriptor). */
function withoutActor(ws: string[], forms: readonly string[][]): string[] {
  for (const form of forms) {
    for (let i = 0; i + form.length <= ws.length; i += 1) {
      if (form.every((w, k) => ws[i + k] === w || ws[i + k] === `${w}s`)) {
        return [...ws.slice(0, i), ...ws.slice(i + form.length)];
      }
    }
  }
  return ws;
}

/**
 * A person's name words: what follows the last title or role word ("kremlin spokesman dmitry
 * peskov" -> "dmitry peskov"), or the words themselves when nothing follows it.
 */
function personWords(ws: string[], written: string): string[] {
  let last = -1;
  ws.forEach((w, i) => {
    if (TITLES.has(w) || TITLES.has(`${w}.`)) last = i;
  });
  const rest = ws.slice(last + 1);
  // Only a name follows a role: "head of a farmers' union" stays a description.
  return rest.length > 0 && looksLikeName(lastWords(written, rest.length)) ? rest : ws;
}

const NAME_PARTICLES = new Set('von van der den de del della di da du la le bin ibn al el ter ten dos das'.split(' '));

/** Every word capitalised, name particles ("von der") aside. */
function looksLikeName(text: string): boolean {
  return text.split(/\s+/).every((w) => NAME_PARTICLES.has(w) || /^\p{Lu}/u.test(w));
}

function leadingTitlesOff(ws: string[]): string[] {
  let i = 0;
  while (i < ws.length - 1 && (TITLES.has(ws[i] ?? '') || TITLES.has(`${ws[i] ?? ''}.`))) i += 1;
  return ws.slice(i);
}

/** The last `n` whitespace-separated words of `text` as written (for display). */
function lastWords(text: string, n: number): string {
  return text.trim().split(/\s+/).slice(-n).join(' ').replace(/['’]s$/u, '');
}

function isPronoun(source: SourceLike): boolean {
  return source.antecedent !== undefined || PRONOUNS.has(canonical(source.text));
}

/** A compiled identifier: `identify(source)` for each source, with the actors indexed once. */
export interface SourceIdentifier {
  identify(source: SourceLike): SourceIdentity | undefined;
}

export function sourceIdentifier(actors: readonly Actor[] = []): SourceIdentifier {
  const forms = actorForms(actors);
  const names = new Map(actors.map((a) => [a.id, a.name]));
  const cache = new Map<string, SourceIdentity | undefined>();

  function compute(source: SourceLike): SourceIdentity | undefined {
    // An unresolved pronoun ("he said" with no one before it) has no identity of its own.
    if (source.key === undefined && isPronoun(source)) return undefined;
    const alias = isPronoun(source) ? undefined : dropDeterminers(words(source.text)).join(' ') || undefined;
    const base = { kind: source.kind, ...(source.actor !== undefined && { actor: source.actor }), ...(alias !== undefined && { alias }) };
    if (source.key?.startsWith('actor:')) {
      const id = source.key.slice('actor:'.length);
      return { ...base, key: source.key, name: source.name ?? names.get(id) ?? source.text };
    }
    if (source.kind === 'anonymous') {
      const actorName = source.actor === undefined ? undefined : (names.get(source.actor) ?? source.actor);
      return {
        ...base,
        key: `anonymous:${source.actor ?? 'unaffiliated'}`,
        name: actorName === undefined ? 'unnamed source' : `unnamed ${actorName} source`,
      };
    }
    const written = source.name ?? source.text;
    let ws = dropDeterminers(words(written));
    if (source.kind === 'person') {
      // The tagger's name is already the name run; only leading titles ("Sen.") may remain.
      ws = source.name === undefined ? personWords(ws, source.text) : leadingTitlesOff(ws);
      if (ws.length === 0) return undefined;
      const name = source.name ?? lastWords(source.text, ws.length);
      return { ...base, key: `person:${slug(ws)}`, name, ...(ws.length > 1 && { surname: ws.at(-1) }) };
    }
    if (ws.length === 0) return undefined;
    // An outlet's own name ("TASS" of "Russian news agency TASS") is its identity; a description
    // ("the Chinese foreign ministry") is told apart by whom it belongs to.
    const byName = source.kind === 'media' && source.name !== undefined;
    const affiliated = source.actor === undefined || byName ? ws : withoutActor(ws, forms.get(source.actor) ?? []);
    const rest = dropDeterminers(affiliated);
    const prefix = source.actor === undefined || byName ? '' : `${source.actor}/`;
    const key = `${source.kind}:${prefix}${slug(rest)}`.replace(/\/$/, '');
    const name = written.trim().replace(/^(?:the|a|an)\s+/i, '');
    return { ...base, key, name };
  }

  return {
    identify(source) {
      // Keyed on what identity depends on: the same phrase recurs across a batch.
      const k = `${source.kind}|${source.actor ?? ''}|${source.key ?? ''}|${source.name ?? ''}|${source.antecedent ? 1 : 0}|${source.text}`;
      if (cache.has(k)) return cache.get(k);
      const id = compute(source);
      if (cache.size > 10_000) cache.clear();
      cache.set(k, id);
      return id;
    },
  };
}

/** One source's identity (see `sourceIdentifier` to identify many with the actors indexed once). */
export function sourceIdentity(source: SourceLike, actors: readonly Actor[] = []): SourceIdentity | undefined {
  return sourceIdentifier(actors).identify(source);
}

/**
 * The names a person named in full may later be called by alone: the last word, and for a
 * two-word name the first too (Chinese, Korean and Hungarian names put the family name first:
 * "Guo Lanying" is then "Guo"). Ambiguity is settled by the caller: a form that fits two people
 * resolves to neither.
 */
export function familyNames(id: SourceIdentity): string[] {
  if (id.kind !== 'person' || !id.key.startsWith('person:')) return [];
  const words = id.key.slice('person:'.length).split('-');
  if (words.length < 2) return [];
  const last = words.at(-1) ?? '';
  return words.length === 2 && words[0] !== last ? [last, words[0] ?? ''] : [last];
}

/** The canonical surname a person source was written as alone ("Peskov"), else undefined. */
export function bareSurname(id: SourceIdentity): string | undefined {
  if (id.kind !== 'person' || !id.key.startsWith('person:')) return undefined;
  const rest = id.key.slice('person:'.length);
  return rest.includes('-') || rest === '' ? undefined : rest;
}

/**
 * Identifies the sources and channels of some analyses, each article on its own: a bare surname
 * takes the full name its own article gives ("Guo Lanying ... Guo said"), never one from another
 * article, so that an article's stored rows do not depend on what was analysed before it (two
 * workers take articles in no fixed order). Linking a bare surname to a person other articles
 * name in full is done at query time, over every stored source (the `v_source_links` view).
 */
export function identifySources(
  analyses: readonly { attributions: readonly Pick<Attribution, 'source' | 'via'>[] }[],
  actors: readonly Actor[] = [],
): AttributionIdentity[][] {
  const identifier = sourceIdentifier(actors);
  return analyses.map((a) =>
    withOwnFullNames(
      a.attributions.map((at): AttributionIdentity => {
        const source = at.source === null ? undefined : identifier.identify(at.source);
        const via = at.via === undefined ? undefined : identifier.identify(at.via);
        return { ...(source !== undefined && { source }), ...(via !== undefined && { via }) };
      }),
    ),
  );
}

/** One article's identities with bare surnames resolved where the article names exactly one person so. */
function withOwnFullNames(article: readonly AttributionIdentity[]): AttributionIdentity[] {
  const byForm = new Map<string, Map<string, string>>();
  for (const { source: s } of article) {
    if (s === undefined) continue;
    for (const form of familyNames(s)) {
      const byKey = byForm.get(form) ?? new Map<string, string>();
      if (!byKey.has(s.key)) byKey.set(s.key, s.name);
      byForm.set(form, byKey);
    }
  }
  return article.map((d): AttributionIdentity => {
    const surname = d.source === undefined ? undefined : bareSurname(d.source);
    if (d.source === undefined || surname === undefined) return d;
    const found = [...(byForm.get(surname) ?? [])].filter(([key]) => key !== `person:${surname}`);
    const only = found.length === 1 ? found[0] : undefined;
    if (only === undefined) return d;
    const [key, name] = only;
    const full = key.slice('person:'.length).split('-').at(-1);
    return { ...d, source: { ...d.source, key, name, ...(full !== undefined && { surname: full }) } };
  });
}
