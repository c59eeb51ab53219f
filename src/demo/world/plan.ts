import { OUTLET_PROFILES, type OutletProfile, type ToneWeights } from './outlets.js';
import { intBetween, seededRng, type Rng } from './prng.js';
import type { DemoActorId, DemoShift, Tone } from './types.js';

/** Monday 3 August 2026, 00:00 UTC: the first day of the demo world. */
const FIRST_MONDAY_MS = Date.UTC(2026, 7, 3);
const DAY_MS = 86_400_000;
export const DEMO_WEEKS = 12;

function weekStart(week: number): Date {
  return new Date(FIRST_MONDAY_MS + week * 7 * DAY_MS);
}

/** The Harbour Times turns on China at the start of week 7 of 12, exactly half-way. */
export const DEMO_SHIFT: DemoShift = {
  outletId: 'harbour-times',
  actorId: 'china',
  changeAt: weekStart(DEMO_WEEKS / 2).toISOString(),
  before: 'positive',
  after: 'negative',
};

const ACTOR_IDS: readonly DemoActorId[] = ['china', 'eu', 'russia', 'ukraine', 'usa'];
const TONES: readonly Tone[] = ['positive', 'neutral', 'negative'];

export interface CastMember {
  actor: DemoActorId;
  tone: Tone;
}

/** What one generated article is about; the first cast member leads the story. */
export interface ArticlePlan {
  outlet: OutletProfile;
  publishedAt: Date;
  seed: string;
  cast: CastMember[];
}

// A little neutral reporting keeps the shifted series from being a pure step function.
function shiftWeights(tone: Tone): ToneWeights {
  return { positive: 0, neutral: 0.1, negative: 0, [tone]: 0.9 };
}

/** The tone mix for an actor in an outlet at a date, and the name of that mix's deck. */
function toneMix(outlet: OutletProfile, actor: DemoActorId, at: Date): [string, ToneWeights] {
  const key = `${outlet.meta.id}/${actor}`;
  const shifted = outlet.meta.id === DEMO_SHIFT.outletId && actor === DEMO_SHIFT.actorId;
  if (!shifted) return [key, outlet.tones[actor]];
  const after = at.getTime() >= Date.parse(DEMO_SHIFT.changeAt);
  const phase = after ? DEMO_SHIFT.after : DEMO_SHIFT.before;
  return [`${key}/${phase}`, shiftWeights(phase)];
}

const DECK_SIZE = 10;

/** Draws the next card of the named deck; `weights` give each option's share of a new deck. */
type Dealer = <T extends string>(
  key: string,
  options: readonly T[],
  weights: readonly number[],
  rng: Rng,
) => T;

/**
 * Deals from shuffled decks of about ten cards, one deck per name (outlet, actor, phase).
 * Independent draws would let a short series wander by chance; a deck keeps every stretch of
 * coverage close to its outlet's usual mix, so the only change in the world is the planted one.
 */
function createDealer(): Dealer {
  const decks = new Map<string, string[]>();
  return (key, options, weights, rng) => {
    let deck = decks.get(key);
    if (!deck || deck.length === 0) {
      const scale = DECK_SIZE / weights.reduce((sum, w) => sum + w, 0);
      const copies = (i: number): number => Math.round((weights[i] ?? 0) * scale);
      deck = shuffle(rng, options.flatMap((o, i) => Array<string>(copies(i)).fill(o)));
      decks.set(key, deck);
    }
    const card = deck.pop();
    const option = options.find((o) => o === card);
    if (option === undefined) throw new Error(`deck ${key} is empty`);
    return option;
  };
}

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

function drawCast(deal: Dealer, rng: Rng, outlet: OutletProfile): DemoActorId[] {
  const weights = ACTOR_IDS.map((a) => outlet.leadWeights[a]);
  const lead = deal(`${outlet.meta.id}/lead`, ACTOR_IDS, weights, rng);
  const rest = ACTOR_IDS.filter((a) => a !== lead)
    .map((actor) => ({ actor, key: rng() }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.actor);
  const supporting = rest.slice(0, intBetween(rng, 1, 2));
  // Every article of the shifted outlet discusses the shifted actor, so its series has no gaps.
  const mustHave = outlet.meta.id === DEMO_SHIFT.outletId ? DEMO_SHIFT.actorId : undefined;
  if (mustHave !== undefined && lead !== mustHave && !supporting.includes(mustHave)) {
    supporting[0] = mustHave;
  }
  return [lead, ...supporting];
}

function planArticle(
  deal: Dealer,
  outlet: OutletProfile,
  week: number,
  slotIndex: number,
): ArticlePlan {
  const slot = outlet.slots[slotIndex];
  if (!slot) throw new Error(`outlet ${outlet.meta.id} has no publication slot ${slotIndex}`);
  const [hours = 0, minutes = 0] = slot.time.split(':').map(Number);
  const publishedAt = new Date(
    weekStart(week).getTime() + slot.day * DAY_MS + (hours * 60 + minutes) * 60_000,
  );
  const seed = `${outlet.meta.id}/${week}/${slotIndex}`;
  const rng = seededRng(seed);
  const cast = drawCast(deal, rng, outlet).map((actor) => {
    const [key, mix] = toneMix(outlet, actor, publishedAt);
    return { actor, tone: deal(key, TONES, TONES.map((t) => mix[t]), rng) };
  });
  return { outlet, publishedAt, seed, cast };
}

/** The generated articles of every outlet: one per weekly slot, over DEMO_WEEKS weeks. */
export function planArticles(): ArticlePlan[] {
  const deal = createDealer();
  return OUTLET_PROFILES.flatMap((outlet) =>
    Array.from({ length: DEMO_WEEKS }, (_w, week) =>
      outlet.slots.map((_slot, slotIndex) => planArticle(deal, outlet, week, slotIndex)),
    ).flat(),
  );
}
