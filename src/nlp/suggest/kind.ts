import type { NameToken } from './read.js';
import {
  HONORIFICS,
  NAME_PARTICLES,
  OF_JOINS,
  ORG_FOLLOWERS,
  ORG_WORDS,
  PLACE_FOLLOWERS,
  PLACE_PREPOSITIONS,
  PLACE_WORDS,
} from './words.js';

export const SUGGESTED_KINDS = ['person', 'organisation', 'place', 'unknown'] as const;
export type SuggestedKind = (typeof SUGGESTED_KINDS)[number];

/** Evidence for each kind, summed over a phrase's occurrences. */
export interface KindVotes {
  person: number;
  organisation: number;
  place: number;
}

export const noVotes = (): KindVotes => ({ person: 0, organisation: 0, place: 0 });

// Weights order the cues by how reliable they are in news copy: a name's own head word ("Bank",
// "Province") or an honorific almost settles it, a title nearly so; the word before or after a
// name only leans ("in" precedes organisations too: "in Parliament").
const HEAD = 4;
const INNER = 1;
const HONORIFIC = 5;
const TITLE = 3;
const PARTICLE = 2;
const FOLLOWER = 2;
const PREPOSITION = 1.5;
const ARTICLE = 1;
const ACRONYM = 1;
const NAME_SHAPE = 0.5;

/** The head word of a name: the word before "of" ("Bank of England"), else the last one. */
function headOf(tokens: readonly NameToken[]): NameToken | undefined {
  const of = tokens.findIndex((t, i) => i > 0 && OF_JOINS.has(t.value));
  return of === -1 ? tokens.at(-1) : tokens[of - 1];
}

function innerVotes(tokens: readonly NameToken[], votes: KindVotes): void {
  const head = headOf(tokens);
  for (const t of tokens) {
    const weight = t === head ? HEAD : INNER;
    if (ORG_WORDS.has(t.lower)) votes.organisation += weight;
    if (PLACE_WORDS.has(t.lower)) votes.place += weight;
  }
  const inner = tokens.slice(1, -1);
  if (inner.some((t) => NAME_PARTICLES.has(t.value))) votes.person += PARTICLE;
  const letters = tokens.length === 1 ? tokens[0]!.value.replace(/[^\p{L}]/gu, '') : '';
  if (letters.length >= 2 && letters === letters.toUpperCase()) votes.organisation += ACRONYM;
}

/** The cues inside a name only, for a part cut out of a longer phrase. */
export function nameVotes(tokens: readonly NameToken[]): KindVotes {
  const votes = noVotes();
  innerVotes(tokens, votes);
  return votes;
}

/**
 * Kind cues of one occurrence: the phrase's own words, the title or honorific before it, the
 * preposition or article before it and the lowercase noun after it. `before`/`after` index
 * `sentence`; `titled` says a title stood before the name (possibly inside its run).
 */
export function kindVotes(
  tokens: readonly NameToken[],
  sentence: readonly NameToken[],
  before: number,
  after: number,
  titled: boolean,
): KindVotes {
  const votes = noVotes();
  innerVotes(tokens, votes);
  const prev = sentence[before];
  const prev2 = sentence[before - 1];
  if (prev !== undefined && HONORIFICS.has(prev.lower)) votes.person += HONORIFIC;
  else if (titled) votes.person += TITLE;
  const next = sentence[after];
  // In "the Asia programme" the article belongs to "programme", not to the name.
  const modifier = next !== undefined && next.pos === 'NOUN' && /^\p{Ll}/u.test(next.value);
  if (prev !== undefined) {
    // "according to Reuters" names a source, not a destination.
    if (PLACE_PREPOSITIONS.has(prev.lower) && prev2?.lower !== 'according') votes.place += PREPOSITION;
    if (prev.lower === 'the' && !modifier) votes.organisation += ARTICLE;
  }
  if (next !== undefined && ORG_FOLLOWERS.has(next.value)) votes.organisation += FOLLOWER;
  if (next !== undefined && PLACE_FOLLOWERS.has(next.value)) votes.place += FOLLOWER;
  const words = tokens.filter((t) => /\p{L}/u.test(t.value));
  const plain = words.every((t) => /^\p{Lu}\p{Ll}+$/u.test(t.value) || NAME_PARTICLES.has(t.value));
  // Two or three plain capitalised words with no other cue are most often a person's name.
  if (plain && words.length >= 2 && words.length <= 4) votes.person += NAME_SHAPE;
  return votes;
}

/** Adds `more` into `votes`. */
export function addVotes(votes: KindVotes, more: KindVotes): void {
  votes.person += more.person;
  votes.organisation += more.organisation;
  votes.place += more.place;
}

/** The kind with the most evidence, `unknown` without any; ties go to the first of person, organisation, place. */
export function guessKind(votes: KindVotes): SuggestedKind {
  const ranked = (['person', 'organisation', 'place'] as const)
    .map((kind) => [kind, votes[kind]] as const)
    .sort((a, b) => b[1] - a[1]);
  const [best] = ranked;
  return best !== undefined && best[1] > 0 ? best[0] : 'unknown';
}
