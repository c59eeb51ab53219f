import { intBetween, pick, type Rng } from '../../src/demo/world/prng.js';
import type { StanceModelLabel } from '../../src/nlp/stance-model/types.js';
import { drawPerson, type Person } from './names.js';
import type { Portrayal } from './portrayals.js';

/** Labelled real sentences by the stance they take towards their person. */
export type PortrayalPools = Record<StanceModelLabel, readonly Portrayal[]>;

export function poolsOf(portrayals: readonly Portrayal[]): PortrayalPools {
  return {
    negative: portrayals.filter((p) => p.label === 'negative'),
    neutral: portrayals.filter((p) => p.label === 'neutral'),
    positive: portrayals.filter((p) => p.label === 'positive'),
  };
}

// Headlines we wrote, each naming the person and taking no side: the analyzer must read them
// as incidental mentions that neither add to nor dilute what the body says.
const HEADLINES = [
  '{name}: the week in review',
  'The latest on {name}',
  '{name} in this week\'s news',
  'What to know about {name}',
  'Profile: {name}',
  '{name} and the week ahead',
  'A closer look at {name}',
  'Where things stand with {name}',
];

export interface AssembledArticle {
  title: string;
  body: string;
  /** Title and body as the pipeline reads them (`title\n\nbody`). */
  text: string;
  person: Person;
  /** The stance of each sentence about the person, in body order. */
  gold: StanceModelLabel[];
  /** Mean of the gold labels with negative -1, neutral 0, positive +1. */
  goldMean: number;
  /** The real sentences used (gids), the person's first: for tracing a score back. */
  sources: string[];
  /** Where each body sentence stands in `text` (end-exclusive), with its label when it is about the person. */
  sentences: { start: number; end: number; label?: StanceModelLabel }[];
}

export interface AssembleOptions {
  person: Person;
  /** Stance of each sentence about the person (1-2 in the issues' articles). */
  labels: readonly StanceModelLabel[];
  pools: PortrayalPools;
  /** Sentences about other people: drawn from every pool, their people renamed. */
  fillers: readonly Portrayal[];
  /** How many filler sentences, inclusive range. Default [2, 4]. */
  fillerCount?: [number, number];
  /** Surnames other people in the article must not take (the tracked people of a world). */
  reserved?: ReadonlySet<string>;
}

const VALUE: Record<StanceModelLabel, number> = { negative: -1, neutral: 0, positive: 1 };

/** A real sentence with its people replaced: `who` 0 by `person`, others by `cast[k - 1]`. */
export function renderPortrayal(p: Portrayal, person: Person, cast: readonly Person[]): string {
  let out = '';
  let at = 0;
  for (const s of p.slots) {
    const who = s.who === 0 ? person : cast[s.who - 1];
    if (!who) throw new Error(`portrayal ${p.gid}: no one cast for slot ${s.who}`);
    const name = s.full ? who.full : who.surname;
    out += p.text.slice(at, s.from) + name + (s.possessive ? "'s" : '');
    at = s.to;
  }
  return out + p.text.slice(at);
}

/**
 * An article about `person` assembled from real labelled sentences: a headline naming them, one
 * sentence per label taken from the pool of that label with the person put in the labelled
 * target's place, and 2-4 sentences about other (renamed) people, in shuffled order, one or two
 * sentences a paragraph. Deterministic for a given `rng`.
 */
export function assembleArticle(rng: Rng, o: AssembleOptions): AssembledArticle {
  const taken = new Set([...(o.reserved ?? []), o.person.surname]);
  const castFor = (p: Portrayal) => Array.from({ length: p.others }, () => {
    const other = drawPerson(rng, taken);
    taken.add(other.surname);
    return other;
  });
  const own = o.labels.map((label) => pick(rng, o.pools[label]));
  const [lo, hi] = o.fillerCount ?? [2, 4];
  const used = new Set(own.map((p) => p.text));
  const fillers: Portrayal[] = [];
  for (let n = intBetween(rng, lo, hi); fillers.length < n; ) {
    const f = pick(rng, o.fillers);
    if (!used.has(f.text)) fillers.push(f), used.add(f.text);
  }
  type Piece = { text: string; label?: StanceModelLabel; gid: string };
  const pieces: Piece[] = [
    ...own.map((p, i) => ({ text: renderPortrayal(p, o.person, castFor(p)), label: o.labels[i], gid: p.gid })),
    ...fillers.map((p) => ({ text: renderPortrayal(p, drawPerson(rng, taken), castFor(p)), gid: p.gid })),
  ];
  for (let i = pieces.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [pieces[i], pieces[j]] = [pieces[j] as Piece, pieces[i] as Piece];
  }
  const paragraphs: Piece[][] = [];
  for (let i = 0; i < pieces.length; ) {
    const n = Math.min(pieces.length - i, intBetween(rng, 1, 2));
    paragraphs.push(pieces.slice(i, i + n));
    i += n;
  }
  const title = pick(rng, HEADLINES).replace('{name}', o.person.full);
  const body = paragraphs.map((para) => para.map((p) => p.text).join(' ')).join('\n\n');
  const sentences: AssembledArticle['sentences'] = [];
  let at = title.length + 2;
  for (const para of paragraphs) {
    for (const p of para) {
      sentences.push({ start: at, end: at + p.text.length, ...(p.label ? { label: p.label } : {}) });
      at += p.text.length + 1;
    }
    at += 1;
  }
  const gold = pieces.flatMap((p) => (p.label ? [p.label] : []));
  return {
    title,
    body,
    text: `${title}\n\n${body}`,
    person: o.person,
    gold,
    goldMean: gold.reduce((s, l) => s + VALUE[l], 0) / Math.max(1, gold.length),
    sources: [...own.map((p) => p.gid), ...fillers.map((p) => p.gid)],
    sentences,
  };
}
