import type { Actor } from '../types.js';
import { compileActorMatcher, type ActorMatch, type ActorMatcher } from '../actor-matcher.js';
import { surfaceFormsOf } from '../actor-forms.js';
import { phrasesOfSentence, type PhraseOccurrence } from './chunk.js';
import { addVotes, guessKind, nameVotes, noVotes, type KindVotes, type SuggestedKind } from './kind.js';
import { readSentences, type NameToken, type SentenceTokens } from './read.js';
import { NOT_NAMES } from './words.js';

/** An unconfigured proper-noun phrase worth adding to the config. */
export interface ActorSuggestion {
  /** The most frequent way it is written. */
  phrase: string;
  kind: SuggestedKind;
  /** Documents (articles) it occurs in. */
  articles: number;
  mentions: number;
  /** Other spellings and short forms counted with it ("Scholz" with "Olaf Scholz"). */
  forms: string[];
  /** Up to two sentences it occurs in, from different documents when there are. */
  examples: string[];
}

export interface SuggestOptions {
  /** At least this many mentions (default 2). */
  minCount?: number;
  /** At most this many suggestions, the most widespread first (default 50). */
  limit?: number;
}

interface Entry {
  /** Shown instead of the commonest form (a full name that absorbed its short form). */
  name?: string;
  forms: Map<string, number>;
  docs: Set<number>;
  mentions: number;
  votes: KindVotes;
  examples: { doc: number; text: string }[];
}

const MAX_EXAMPLE_CHARS = 280;
// A long run over a big archive meets hundreds of thousands of one-off capitalised strings; past
// this many phrases the single mentions are dropped (a phrase seen once so far rarely ends frequent).
const MAX_ENTRIES = 200_000;

function exampleText(text: string, sentence: SentenceTokens, at: PhraseOccurrence): string {
  const raw = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ').trim();
  if (raw.length <= MAX_EXAMPLE_CHARS) return raw;
  const offset = Math.max(0, at.start - sentence.start - MAX_EXAMPLE_CHARS / 2);
  return `…${raw.slice(offset, offset + MAX_EXAMPLE_CHARS).trim()}…`;
}

function newEntry(): Entry {
  return { forms: new Map(), docs: new Set(), mentions: 0, votes: noVotes(), examples: [] };
}

function mergeInto(target: Entry, from: Entry): void {
  for (const [form, n] of from.forms) target.forms.set(form, (target.forms.get(form) ?? 0) + n);
  for (const doc of from.docs) target.docs.add(doc);
  target.mentions += from.mentions;
  addVotes(target.votes, from.votes);
  for (const ex of from.examples) addExample(target, ex.doc, ex.text);
}

function addExample(entry: Entry, doc: number, text: string): void {
  if (entry.examples.some((e) => e.text === text)) return;
  if (entry.examples.length < 2) entry.examples.push({ doc, text });
  // A second example from another document says more than two from the same one.
  else if (entry.examples[0]!.doc === entry.examples[1]!.doc && doc !== entry.examples[0]!.doc) {
    entry.examples[1] = { doc, text };
  }
}

const keyOf = (phrase: string) => phrase.toLowerCase();

/**
 * Collects proper-noun phrases over many documents and ranks those that are not configured
 * actors. Feed it documents one at a time (`add`), then read `suggestions`; memory grows with the
 * number of distinct phrases, not documents.
 */
export class ActorSuggester {
  private readonly matcher: ActorMatcher;
  private readonly knownForms: Set<string>;
  private readonly entries = new Map<string, Entry>();
  /** Phrases met only at the head of a sentence, judged once the whole corpus is read. */
  private readonly initial = new Map<string, Entry & { rest: string }>();
  /** One-word modifiers ("Kazakh officials"): counted only for phrases also seen as names. */
  private readonly weak = new Map<string, Entry>();
  /** Words seen in lowercase: a capitalised sentence-first word that is also one is no name. */
  private readonly lowercase = new Set<string>();
  private docs = 0;

  /**
   * `actors`: the configured actors, whose names, aliases, demonyms and short forms are never
   * suggested. `ignore`: other names not to suggest, such as the outlets' own names in datelines.
   */
  constructor(actors: readonly Actor[], ignore: readonly string[] = []) {
    this.matcher = compileActorMatcher(actors);
    this.knownForms = new Set([
      ...actors.flatMap((a, i) => surfaceFormsOf(a, i).map((f) => keyOf(f.form))),
      ...ignore.map(keyOf),
    ]);
  }

  /** Reads one document (an article's text). */
  add(text: string): void {
    const doc = this.docs++;
    const matches = this.matcher.match(text);
    for (const sentence of readSentences(text)) {
      for (const t of sentence.tokens) if (/^\p{Ll}+$/u.test(t.value)) this.lowercase.add(t.lower);
      for (const found of phrasesOfSentence(sentence)) {
        for (const occ of this.unconfigured(found, matches)) {
          this.record(doc, occ, exampleText(text, sentence, occ));
        }
      }
    }
    if (this.entries.size > MAX_ENTRIES) this.prune();
  }

  /** The suggestions so far, the phrases in most documents first. */
  suggestions(opts: SuggestOptions = {}): ActorSuggestion[] {
    const minCount = opts.minCount ?? 2;
    const entries = new Map(this.entries);
    this.resolveInitial(entries);
    for (const [key, entry] of this.weak) {
      const strong = entries.get(key);
      if (strong === undefined) continue;
      const merged = newEntry();
      mergeInto(merged, strong);
      mergeInto(merged, entry);
      entries.set(key, merged);
    }
    mergeShortForms(entries);
    return [...entries.values()]
      .filter((e) => e.mentions >= minCount)
      .map(toSuggestion)
      .sort((a, b) => b.articles - a.articles || b.mentions - a.mentions || a.phrase.localeCompare(b.phrase))
      .slice(0, opts.limit ?? 50);
  }

  /**
   * The occurrence, or nothing when it names a configured actor: one of its forms, or words all
   * inside actor mentions ("Xi" as a short form). A hyphenated compound with an actor in it
   * ("China-Kazakhstan") leaves its other parts.
   */
  private unconfigured(occ: PhraseOccurrence, matches: readonly ActorMatch[]): PhraseOccurrence[] {
    if (this.knownForms.has(keyOf(occ.text))) return [];
    const covered = (t: NameToken) =>
      !/\p{L}/u.test(t.value) || matches.some((m) => m.start <= t.start && t.end <= m.end);
    const inside = occ.tokens.filter((t) => /\p{L}/u.test(t.value) && covered(t)).length;
    if (inside === 0) return [occ];
    const parts = splitOnHyphens(occ.tokens);
    if (parts.length === 1) return occ.tokens.every(covered) ? [] : [occ];
    return parts
      .filter((part) => !part.every(covered))
      .map((part) => ({
        text: occ.text.slice(part[0]!.start - occ.start, part.at(-1)!.end - occ.start),
        start: part[0]!.start,
        end: part.at(-1)!.end,
        tokens: part,
        initial: occ.initial && part[0] === occ.tokens[0],
        weak: false,
        votes: nameVotes(part),
      }))
      .filter((part) => !this.knownForms.has(keyOf(part.text)));
  }

  private record(doc: number, occ: PhraseOccurrence, example: string): void {
    const key = keyOf(occ.text);
    let entry: Entry;
    if (occ.weak) {
      entry = this.weak.get(key) ?? newEntry();
      this.weak.set(key, entry);
    } else if (occ.initial) {
      const rest = occ.tokens.length > 1 ? occ.text.slice(occ.tokens[1]!.start - occ.start) : '';
      const found = this.initial.get(key) ?? { ...newEntry(), rest };
      this.initial.set(key, found);
      entry = found;
    } else {
      entry = this.entries.get(key) ?? newEntry();
      this.entries.set(key, entry);
    }
    entry.forms.set(occ.text, (entry.forms.get(occ.text) ?? 0) + 1);
    entry.docs.add(doc);
    entry.mentions += 1;
    addVotes(entry.votes, occ.votes);
    addExample(entry, doc, example);
  }

  /**
   * Where a sentence-first phrase belongs, or undefined to drop it. Its first word's capital
   * proves nothing, so: one word counts only if it is also met inside sentences (or is the
   * surname of a longer name) and is not a word the corpus uses in lowercase ("Officials"); a
   * longer phrase keeps its first word ("Foreign Ministry", "European Parliament") unless that
   * word is no name ("Yesterday Olaf Scholz") or the rest alone is a known name and the whole is
   * not.
   */
  private initialTarget(key: string, rest: string, entries: ReadonlyMap<string, Entry>): string | undefined {
    const firstWord = key.split(/[\s-]/)[0] ?? '';
    const common = this.lowercase.has(firstWord);
    if (rest === '') {
      if (common || NOT_NAMES.has(firstWord)) return undefined;
      return entries.has(key) || isSurnameIn(key, entries) ? key : undefined;
    }
    if (entries.has(key)) return key;
    const restKey = keyOf(rest);
    if (NOT_NAMES.has(firstWord) || (common && entries.has(restKey))) {
      return NOT_NAMES.has(restKey) ? undefined : restKey;
    }
    return key;
  }

  private resolveInitial(entries: Map<string, Entry>): void {
    for (const [key, entry] of this.initial) {
      const target = this.initialTarget(key, entry.rest, entries);
      if (target === undefined) continue;
      const source: Entry = target === key ? entry : { ...entry, forms: new Map([[entry.rest, entry.mentions]]) };
      if (this.knownForms.has(target)) continue;
      const merged = newEntry();
      const existing = entries.get(target);
      if (existing) mergeInto(merged, existing);
      mergeInto(merged, source);
      entries.set(target, merged);
    }
  }

  private prune(): void {
    for (const [key, entry] of this.entries) if (entry.mentions < 2) this.entries.delete(key);
    for (const [key, entry] of this.initial) if (entry.mentions < 2) this.initial.delete(key);
    for (const [key, entry] of this.weak) if (entry.mentions < 2) this.weak.delete(key);
  }
}

function splitOnHyphens(tokens: readonly NameToken[]): NameToken[][] {
  const parts: NameToken[][] = [[]];
  for (const t of tokens) {
    if (/^[-–]$/.test(t.value)) parts.push([]);
    else parts.at(-1)!.push(t);
  }
  return parts.filter((p) => p.length > 0);
}

function isSurnameIn(word: string, entries: ReadonlyMap<string, Entry>): boolean {
  for (const key of entries.keys()) if (key.endsWith(` ${word}`)) return true;
  return false;
}

/**
 * "Scholz" after "Olaf Scholz": a one-word phrase that is the last word of exactly one person's
 * longer name is counted as that person.
 */
function mergeShortForms(entries: Map<string, Entry>): void {
  const bySurname = new Map<string, string[]>();
  for (const [key, entry] of entries) {
    const words = key.split(' ');
    if (words.length < 2 || guessKind(entry.votes) !== 'person') continue;
    const list = bySurname.get(words.at(-1)!) ?? [];
    list.push(key);
    bySurname.set(words.at(-1)!, list);
  }
  for (const [surname, owners] of bySurname) {
    const short = entries.get(surname);
    if (owners.length !== 1 || short === undefined) continue;
    const owner = entries.get(owners[0]!)!;
    const merged = newEntry();
    mergeInto(merged, owner);
    merged.name = owner.name ?? commonest(owner.forms);
    // The short form's own kind cues are weaker than the full name's ("Scholz said" has none).
    mergeInto(merged, { ...short, votes: noVotes() });
    entries.set(owners[0]!, merged);
    entries.delete(surname);
  }
}

function byUse(forms: ReadonlyMap<string, number>): string[] {
  return [...forms.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([form]) => form);
}

function commonest(forms: ReadonlyMap<string, number>): string {
  return byUse(forms)[0] ?? '';
}

function toSuggestion(entry: Entry): ActorSuggestion {
  const phrase = entry.name ?? commonest(entry.forms);
  return {
    phrase,
    kind: guessKind(entry.votes),
    articles: entry.docs.size,
    mentions: entry.mentions,
    forms: byUse(entry.forms).filter((form) => form !== phrase),
    examples: entry.examples.map((e) => e.text),
  };
}
