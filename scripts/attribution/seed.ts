import { existsSync, readFileSync } from 'node:fs';
import type { Actor } from '../../src/config/index.js';
import type { Analysis, Attribution, SourceKind } from '../../src/nlp/index.js';

/** The seed article's folder, next to the repository (absent in a user's clone). */
export const SEED_DIR = new URL('../../../shared/data/seed/', import.meta.url);
export const seedPresent = (): boolean => existsSync(new URL('china-eu-summit.txt', SEED_DIR));

interface ExpectedAttribution {
  source: string;
  source_actor?: string;
  source_kind?: string;
  via?: string;
  cue?: string;
  cue_any_of?: string[];
  content_contains: string;
}

interface ExpectedStance {
  source_actor: string;
  target: string;
  polarity: string;
}

interface SeedExpectation {
  actors: Record<string, Omit<Actor, 'id' | 'aliases' | 'demonyms'> & Partial<Actor>>;
  must: { attributions: ExpectedAttribution[] };
  should: { attributions: ExpectedAttribution[]; source_stance: ExpectedStance[] };
}

// The seed file names kinds in words; the contract has one token per kind.
const KIND_WORDS: ReadonlyArray<readonly [RegExp, SourceKind]> = [
  [/anonymous/, 'anonymous'],
  [/media|outlet|agency/, 'media'],
  [/document|poll|report/, 'document'],
  [/group|public/, 'group'],
  [/organi[sz]ation|institution/, 'organization'],
  [/person/, 'person'],
];

export function seedKind(words: string): SourceKind | undefined {
  return KIND_WORDS.find(([re]) => re.test(words.toLowerCase()))?.[1];
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The reasons an attribution is not the expected one (empty when it is). */
export function mismatches(e: ExpectedAttribution, a: Attribution): string[] {
  const wrong: string[] = [];
  if (!squash(a.content.text).includes(squash(e.content_contains))) wrong.push('content');
  const source = squash(a.source?.text ?? '');
  if (source !== squash(e.source)) wrong.push(`source "${a.source?.text ?? ''}"`);
  const cues = e.cue_any_of ?? (e.cue === undefined ? [] : [e.cue]);
  if (cues.length > 0 && !cues.some((c) => squash(a.cue.text).includes(squash(c))))
    wrong.push(`cue "${a.cue.text}"`);
  if (e.source_actor !== undefined && a.source?.actor !== e.source_actor)
    wrong.push(`actor ${a.source?.actor ?? '-'}`);
  const kind = e.source_kind === undefined ? undefined : seedKind(e.source_kind);
  if (kind !== undefined && a.source?.kind !== kind) wrong.push(`kind ${a.source?.kind ?? '-'}`);
  if (e.via !== undefined && !squash(a.via?.text ?? '').includes(squash(e.via)))
    wrong.push(`via "${a.via?.text ?? ''}"`);
  return wrong;
}

export interface SeedItem {
  label: string;
  found: boolean;
  /** Why the closest attribution (same content) does not match, when not found. */
  why: string[];
}

function check(e: ExpectedAttribution, attributions: readonly Attribution[]): SeedItem {
  const label = `${e.source} / ${e.cue ?? e.cue_any_of?.join('|') ?? ''} / "${e.content_contains.slice(0, 40)}…"`;
  const reasons = attributions.map((a) => mismatches(e, a));
  if (reasons.some((r) => r.length === 0)) return { label, found: true, why: [] };
  const closest = reasons
    .filter((r) => !r.includes('content'))
    .sort((a, b) => a.length - b.length)[0];
  return { label, found: false, why: closest ?? ['no attribution with that content'] };
}

function checkStance(e: ExpectedStance, attributions: readonly Attribution[]): SeedItem {
  const label = `${e.source_actor} speaks ${e.polarity} of ${e.target}`;
  const found = attributions.some(
    (a) =>
      a.source?.actor === e.source_actor &&
      a.targets.some((t) => t.actor === e.target && t.label === e.polarity),
  );
  return { label, found, why: found ? [] : ['no such source stance'] };
}

/** The seed article, its actors, and the expectations in it. */
export function loadSeed(): { text: string; actors: Actor[]; expected: SeedExpectation } {
  const expected = JSON.parse(
    readFileSync(new URL('china-eu-summit.expected.json', SEED_DIR), 'utf8'),
  ) as SeedExpectation;
  const actors = Object.entries(expected.actors).map(
    ([id, a]): Actor => ({ aliases: [], demonyms: [], ...a, id }),
  );
  return { text: readFileSync(new URL('china-eu-summit.txt', SEED_DIR), 'utf8'), actors, expected };
}

/** Must and should items of the seed file, each found or not in an analysis of the seed text. */
export function checkSeed(
  expected: SeedExpectation,
  analysis: Analysis,
): { must: SeedItem[]; should: SeedItem[] } {
  const { attributions } = analysis;
  return {
    must: expected.must.attributions.map((e) => check(e, attributions)),
    should: [
      ...expected.should.attributions.map((e) => check(e, attributions)),
      ...expected.should.source_stance.map((e) => checkStance(e, attributions)),
    ],
  };
}
