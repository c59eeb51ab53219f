import type { Actor } from '../../config/index.js';

export type { Actor };

export type Tone = 'positive' | 'neutral' | 'negative';

/** The actors that carry stories of their own; people appear inside their country's stories. */
export type DemoActorId = 'china' | 'eu' | 'russia' | 'ukraine' | 'usa';

export type Section = 'World' | 'Europe' | 'Asia' | 'Business' | 'Politics';

/** A headline and the lead paragraph that goes with it; both share the article's slot values. */
export interface Story {
  headline: string;
  lead: string;
  section: Section;
  /** Wire-style dateline city; only outlets that print datelines use it. */
  dateline: string;
}

/** Hand-written sentence templates for one actor in one tone. Every entry names the actor. */
export interface TonePool {
  stories: readonly Story[];
  body: readonly string[];
  quotes: readonly string[];
}

export type ActorPools = Readonly<Record<Tone, TonePool>>;

/** One article of the demo world, as the demo server publishes it. */
export interface DemoArticle {
  outletId: string;
  slug: string;
  title: string;
  author: string;
  /** ISO 8601 in UTC, with time. */
  publishedAt: string;
  section: Section;
  paragraphs: string[];
}

export interface DemoOutletMeta {
  id: string;
  name: string;
  /** First path segment of every URL of this outlet on the demo server. */
  slugPrefix: string;
  tagline: string;
}

/** The change of portrayal planted in the demo world, for tests to look for. */
export interface DemoShift {
  outletId: string;
  actorId: DemoActorId;
  /** ISO 8601 instant: articles before it carry `before`, articles from it on carry `after`. */
  changeAt: string;
  before: Tone;
  after: Tone;
}
