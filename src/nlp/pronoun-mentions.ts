import type { ActorMatch } from './actor-matcher.js';
import { quotedTokens } from './attribution/index.js';
import { tokenAt, type TokenTable } from './tokens.js';
import type { Actor } from './types.js';

const MASCULINE = new Set(['he', 'him', 'his', 'himself']);
const FEMININE = new Set(['she', 'her', 'hers', 'herself']);
/** How many sentences before the pronoun's own its antecedent may stand in. */
const SENTENCES_BACK = 2;
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'lady', 'lord']);

const isName = (table: TokenTable, k: number) =>
  table.pos[k] === 'PROPN' && /^\p{Lu}/u.test(table.values[k] ?? '');

/** Token k opens its sentence, or a quotation: where wink tags any capitalised word a proper noun. */
const opensSentence = (table: TokenTable, k: number) =>
  k === table.sentFrom[table.sentenceOf[k] ?? 0] || /^["“‘']$/.test(table.values[k - 1] ?? '');

/**
 * Tokens that name a person who is not a configured actor, so that a "he" after them is theirs:
 * runs of two or more capitalised proper nouns ("Dmitry Peskov"), later bare uses of such a
 * run's last word ("Peskov"), a name after a title ("Mr Peskov") and a lone name that does
 * something ("Sofia says", "Oksana had"). Places and bodies of two words ("New York", "White
 * House") block too: a missed pronoun costs less than a wrong one.
 */
function otherPeople(table: TokenTable, covered: Uint8Array): Uint8Array {
  const block = new Uint8Array(table.count);
  const surnames = new Set<string>();
  for (let k = 0; k < table.count; ) {
    let end = k;
    while (end < table.count && isName(table, end) && covered[end] === 0) end += 1;
    if (end - k >= 2) {
      block.fill(1, k, end);
      surnames.add(table.normals[end - 1] ?? '');
    }
    k = end > k ? end : k + 1;
  }
  for (let k = 0; k < table.count; k += 1) {
    if (covered[k] === 1 || !isName(table, k)) continue;
    const title = (table.normals[k - 1] ?? '').replace(/\.$/, '');
    const next = table.pos[k + 1];
    // Not at a sentence's start ("Leaders praised" is no one's name).
    const agent = !opensSentence(table, k) && !isName(table, k - 1) && (next === 'VERB' || next === 'AUX');
    if (surnames.has(table.normals[k] ?? '') || TITLES.has(title) || agent) block[k] = 1;
  }
  return block;
}

/** A capitalised "He" straight after a name, not opening its sentence: "Liu He". */
function partOfName(table: TokenTable, i: number): boolean {
  return !opensSentence(table, i) && /^\p{Lu}/u.test(table.values[i] ?? '') && isName(table, i - 1);
}

/**
 * Third-person pronouns ("he", "his", "she", "her") that stand for a configured person actor:
 * the nearest person named before the pronoun, in its sentence or the two before, is that actor,
 * with no other person's name in between. Countries and organisations in between do not count
 * ("Putin arrived in Beijing, where he …"), names inside quotation marks are skipped (the quote's
 * "he said" is its speaker), and pronouns inside quotation marks are left alone. Per actor, only
 * the pronouns of the gender used most often for it are kept, so that a stray "she" after a
 * man's name is dropped. Articles refer to
 * their main people by pronoun far more often than by name; without these, an article's stance
 * towards a person rests on a handful of name mentions.
 */
export function pronounMentions(table: TokenTable, matches: readonly ActorMatch[], actors: readonly Actor[]): ActorMatch[] {
  const candidates = reachablePronouns(table, matches, actors);
  if (candidates.length === 0) return [];
  const covered = new Uint8Array(table.count);
  const endingAt = new Map<number, ActorMatch>();
  for (const m of matches) {
    const first = tokenAt(table, m.start);
    const last = Math.max(first, tokenAt(table, m.end - 1));
    covered.fill(1, first, last + 1);
    endingAt.set(last, m);
  }
  const block = otherPeople(table, covered);
  const quoted = quotedTokens(table);
  const found: { match: ActorMatch; feminine: boolean }[] = [];
  for (const i of candidates) {
    // Whom a pronoun in a quote means is the speaker's business; "Liu He" is a name.
    if (quoted[i] === 1 || partOfName(table, i)) continue;
    for (let k = i - 1; k >= floorOf(table, i); k -= 1) {
      if (block[k] === 1) break;
      // Names inside a quote are the speaker's words: '"… Trump makes …," he said' is the speaker.
      if (quoted[k] === 1) continue;
      const m = endingAt.get(k);
      if (m === undefined) continue;
      if (actors[m.actor]?.kind !== 'person') continue;
      const start = table.starts[i] ?? 0;
      const end = table.ends[i] ?? start;
      found.push({ match: { actor: m.actor, start, end, text: table.text.slice(start, end) }, feminine: FEMININE.has(table.normals[i] ?? '') });
      break;
    }
  }
  const feminineShare = new Map<number, number>();
  for (const f of found) feminineShare.set(f.match.actor, (feminineShare.get(f.match.actor) ?? 0) + (f.feminine ? 1 : -1));
  return found
    .filter((f) => {
      const lean = feminineShare.get(f.match.actor) ?? 0;
      return lean === 0 || lean > 0 === f.feminine;
    })
    .map((f) => f.match);
}

/** First token an antecedent of the pronoun at i may stand at: its sentence or the two before. */
function floorOf(table: TokenTable, i: number): number {
  return table.sentFrom[Math.max(0, (table.sentenceOf[i] ?? 0) - SENTENCES_BACK)] ?? 0;
}

/**
 * The third-person pronouns with a configured person's mention ending within reach before them,
 * in text order: the only ones worth the scans for other people and quotes (most articles have
 * none, and most pronouns have no configured person near).
 */
function reachablePronouns(table: TokenTable, matches: readonly ActorMatch[], actors: readonly Actor[]): number[] {
  const personEnds = matches
    .filter((m) => actors[m.actor]?.kind === 'person')
    .map((m) => tokenAt(table, m.end - 1));
  if (personEnds.length === 0) return [];
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < table.count; i += 1) {
    const word = table.normals[i] ?? '';
    if (!MASCULINE.has(word) && !FEMININE.has(word)) continue;
    if (table.pos[i] !== 'PRON' && table.pos[i] !== 'DET') continue;
    while (next < personEnds.length && (personEnds[next] as number) < i) next += 1;
    const last = next > 0 ? (personEnds[next - 1] as number) : -1;
    if (last >= floorOf(table, i)) out.push(i);
  }
  return out;
}
