import type { Actor } from './types.js';

/** One way an actor is written, as the matcher needs it. */
export interface SurfaceForm {
  /** Index of the actor in the compiled actor array. */
  actor: number;
  form: string;
  /** Matched with exact case: short all-caps aliases ("US" must not match "us"). */
  exactCase: boolean;
  /** Rejected when the matched text is all lowercase (derived surnames such as "Brown"). */
  needsCapital: boolean;
}

// Five letters covers EU, US, U.S., UN, NATO, OPEC, ASEAN; longer acronyms are rarely words.
const MAX_EXACT_LETTERS = 5;
const NAME_PARTICLES = new Set(
  'von van der den de del della di da du la le bin ibn al el ter ten dos das'.split(' '),
);
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

function isShortAllCaps(form: string): boolean {
  const letters = form.replace(/[^\p{L}]/gu, '');
  return (
    letters.length > 0 &&
    letters.length <= MAX_EXACT_LETTERS &&
    letters === letters.toUpperCase() &&
    letters !== letters.toLowerCase()
  );
}

/**
 * "Ursula von der Leyen" -> "von der Leyen", "Charles Michel" -> "Michel": the part of a person's
 * name that news copy uses on its own after the first mention. Undefined for one-word names.
 */
export function surnameOf(name: string): string | undefined {
  const words = name.split(/\s+/).filter((w) => w.length > 0);
  const isSuffix = (w: string | undefined) =>
    NAME_SUFFIXES.has((w ?? '').toLowerCase().replace(/,$/, ''));
  while (words.length > 1 && isSuffix(words.at(-1))) words.pop();
  if (words.length < 2) return undefined;
  const particle = words.findIndex(
    (w, i) => i > 0 && i < words.length - 1 && NAME_PARTICLES.has(w),
  );
  return words.slice(particle === -1 ? -1 : particle).join(' ');
}

// "Russians", "Europeans", "Israelis"; not "Chinese", "Swiss", "French", "British".
function pluralDemonym(demonym: string): string | undefined {
  if (!/\p{Ll}$/u.test(demonym) || /(?:s|sh|ch|x|z|ese)$/.test(demonym)) return undefined;
  return `${demonym}s`;
}

/** Every surface form of one actor: name, aliases, demonyms (and plurals), a person's surname. */
export function surfaceFormsOf(actor: Actor, index: number): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const seen = new Set<string>();
  const add = (form: string, needsCapital: boolean) => {
    const trimmed = form.trim();
    if (trimmed.length === 0 || seen.has(trimmed.toLowerCase())) return;
    seen.add(trimmed.toLowerCase());
    forms.push({ actor: index, form: trimmed, exactCase: isShortAllCaps(trimmed), needsCapital });
  };
  add(actor.name, false);
  actor.aliases.forEach((alias) => add(alias, false));
  actor.demonyms.forEach((demonym) => {
    add(demonym, false);
    const plural = pluralDemonym(demonym);
    if (plural !== undefined) add(plural, false);
  });
  if (actor.kind === 'person') {
    // Surnames are often ordinary words ("Rice", "Brown", "May"), so only capitalised ones count.
    const surname = surnameOf(actor.name);
    if (surname !== undefined) add(surname, true);
  }
  return forms;
}
