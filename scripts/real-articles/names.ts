import type { Rng } from '../../src/demo/world/prng.js';

/** A fictional person: what an article calls them in full and for short. */
export interface Person {
  full: string;
  surname: string;
}

// Made-up people, so that no evaluation leans on what a model learnt about a real name.
const FIRST = [
  'Dana', 'Marek', 'Ingrid', 'Tobias', 'Lucia', 'Emeka', 'Harriet', 'Callum', 'Noor', 'Bettina',
  'Ravi', 'Odile', 'Franklin', 'Yusuf', 'Greta', 'Anselm', 'Maribel', 'Desmond', 'Ilse', 'Rowan',
  'Teodora', 'Silas', 'Alma', 'Percival', 'Junia', 'Casimir', 'Leontyne', 'Ewan', 'Marisol', 'Oren',
];
const SURNAMES = [
  'Whitfield', 'Halvorsen', 'Marchetti', 'Ashbury', 'Kowalczyk', 'Ferreira', 'Lindqvist', 'Abernathy',
  'Castellanos', 'Brannigan', 'Oyelaran', 'Thornbury', 'Mertens', 'Szabados', 'Calloway', 'Pemberton',
  'Achterberg', 'Dunmore', 'Iversen', 'Jablonski', 'Kerrigan', 'Lachance', 'Okafor', 'Petrakis',
  'Quintero', 'Vandermeer', 'Holloway', 'Strand', 'Ellingsworth', 'Mbeki-Hart', 'Rosenqvist',
  'Taliaferro', 'Underhill', 'Varga', 'Wexley', 'Yarborough', 'Zeller', 'Brightwater', 'Corvino',
  'Delorme', 'Eastwick', 'Fairbanks', 'Gallardo', 'Hawthorne', 'Ilyushkin', 'Kastner', 'Lovelock',
  'Moreland', 'Northcott', 'Ostrander', 'Pellegrini', 'Radcliffe', 'Sandoval', 'Treadwell',
];

/** Every fictional person, each surname used once (a surname alone must name one person). */
export function allPeople(): Person[] {
  return SURNAMES.map((surname, i) => ({ full: `${FIRST[i % FIRST.length]} ${surname}`, surname }));
}

/** A person whose surname is none of `taken`'s, drawn with `rng`. */
export function drawPerson(rng: Rng, taken: ReadonlySet<string>): Person {
  const free = allPeople().filter((p) => !taken.has(p.surname));
  const person = free[Math.floor(rng() * free.length)];
  if (!person) throw new Error(`no fictional person left (${taken.size} taken)`);
  return person;
}
