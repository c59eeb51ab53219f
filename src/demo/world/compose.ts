import { DEMO_SHIFT, type ArticlePlan, type CastMember } from './plan.js';
import { ACTOR_POOLS, CLOSING_LINES, CONTEXT_LINES } from './pools.js';
import { pick, seededRng, type Rng } from './prng.js';
import { createFiller } from './slots.js';
import type { DemoArticle, Story, TonePool } from './types.js';

export type ComposedArticle = Omit<DemoArticle, 'slug'>;

type Fill = (template: string) => string;

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Draws unused templates so no sentence repeats inside one article. */
function freshPicker(rng: Rng): (items: readonly string[]) => string | undefined {
  const used = new Set<string>();
  return (items) => {
    const fresh = items.filter((item) => !used.has(item));
    if (fresh.length === 0) return undefined;
    const item = pick(rng, fresh);
    used.add(item);
    return item;
  };
}

function joinSentences(fill: Fill, templates: (string | undefined)[]): string | undefined {
  const present = templates.filter((t): t is string => t !== undefined);
  return present.length > 0 ? present.map(fill).join(' ') : undefined;
}

function leadParagraph(plan: ArticlePlan, story: Story, fill: Fill): string {
  const lead = fill(story.lead);
  if (!plan.outlet.datelines) return lead;
  return `${fill(story.dateline).toUpperCase()} (${plan.outlet.meta.name}) — ${lead}`;
}

/**
 * A supporting actor's paragraph. Actors the outlet must always cover get two sentences, so that
 * every article carries at least two mentions of them.
 */
function castParagraph(
  rng: Rng,
  fill: Fill,
  take: (items: readonly string[]) => string | undefined,
  member: CastMember,
  twoSentences: boolean,
): string | undefined {
  const pool = ACTOR_POOLS[member.actor][member.tone];
  const second = twoSentences || rng() < 0.75 ? (take(pool.quotes) ?? take(pool.body)) : undefined;
  return joinSentences(fill, [take(pool.body), second]);
}

// Stories are only reused once an outlet has run every story of a pool, so headlines rarely repeat.
function pickStory(rng: Rng, stories: readonly Story[], used: Set<Story>): Story {
  const fresh = stories.filter((s) => !used.has(s));
  if (fresh.length === 0) stories.forEach((s) => used.delete(s));
  const chosen = pick(rng, fresh.length > 0 ? fresh : stories);
  used.add(chosen);
  return chosen;
}

interface Writer {
  rng: Rng;
  fill: Fill;
  take: (items: readonly string[]) => string | undefined;
}

/** Everything after the lead: the lead actor's follow-up, background, the supporting cast. */
function followUp(w: Writer, plan: ArticlePlan, pool: TonePool): (string | undefined)[] {
  const { rng, fill, take } = w;
  const mustCover = plan.outlet.meta.id === DEMO_SHIFT.outletId ? DEMO_SHIFT.actorId : undefined;
  const paragraphs = [
    joinSentences(fill, [take(pool.body), take(pool.body)]),
    joinSentences(fill, [take(pool.quotes)]),
    joinSentences(fill, [rng() < 0.6 ? take(pool.body) : undefined]),
  ];
  if (rng() < 0.7) {
    const extra = rng() < 0.4 ? take(CONTEXT_LINES) : undefined;
    paragraphs.push(joinSentences(fill, [take(CONTEXT_LINES), extra]));
  }
  for (const member of plan.cast.slice(1)) {
    paragraphs.push(castParagraph(rng, fill, take, member, member.actor === mustCover));
  }
  paragraphs.push(joinSentences(fill, [take(pool.body), take(pool.quotes)]));
  paragraphs.push(fill(pick(rng, CLOSING_LINES)));
  return paragraphs;
}

/**
 * Writes one article from its plan: deterministic for a given plan seed and the outlet's stories
 * used so far (`usedStories`, updated in place).
 */
export function composeArticle(plan: ArticlePlan, usedStories: Set<Story>): ComposedArticle {
  const lead = plan.cast[0];
  if (!lead) throw new Error(`article ${plan.seed} has no cast`);
  const rng = seededRng(`${plan.seed}/text`);
  const storyFill = createFiller(rng, { weekday: WEEKDAYS[plan.publishedAt.getUTCDay()] ?? '' });
  const pool = ACTOR_POOLS[lead.actor][lead.tone];
  const story = pickStory(rng, pool.stories, usedStories);
  const title = storyFill(story.headline);
  const first = leadParagraph(plan, story, storyFill);
  // Headline and lead share their figures; every later sentence draws its own.
  const fill: Fill = (template) => {
    storyFill.forgetNumbers();
    return storyFill(template);
  };
  const rest = followUp({ rng, fill, take: freshPicker(rng) }, plan, pool);
  return {
    outletId: plan.outlet.meta.id,
    title,
    author: pick(rng, plan.outlet.authors),
    publishedAt: plan.publishedAt.toISOString(),
    section: story.section,
    paragraphs: [first, ...rest].filter((p): p is string => p !== undefined),
  };
}
