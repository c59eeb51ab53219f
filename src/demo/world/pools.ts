import { chinaPools } from './pools-china.js';
import { euPools } from './pools-eu.js';
import { russiaPools } from './pools-russia.js';
import { ukrainePools } from './pools-ukraine.js';
import { usaPools } from './pools-usa.js';
import type { ActorPools, DemoActorId } from './types.js';

export const ACTOR_POOLS: Readonly<Record<DemoActorId, ActorPools>> = {
  china: chinaPools,
  eu: euPools,
  russia: russiaPools,
  ukraine: ukrainePools,
  usa: usaPools,
};

// Background and closing lines name no actor, so they never blur an actor's stance.
export const CONTEXT_LINES: readonly string[] = [
  'The talks took place behind closed doors at a conference centre in {venue}.',
  'Officials spoke on condition of anonymity because they were not authorised to discuss the negotiations publicly.',
  'The announcement came at the end of a busy week of diplomacy, with ministers meeting in {euCity} and {venue}.',
  'Freight rates on the main routes between Asia and northern ports have risen {pct} percent since the spring.',
  'Energy prices have been volatile since the summer, and governments are preparing for a difficult winter.',
  'Diplomats said the issue was likely to dominate a meeting of foreign ministers in {euCity} later this month.',
  'Markets reacted calmly, with benchmark bond yields little changed by the close of trading on {weekday}.',
];

export const CLOSING_LINES: readonly string[] = [
  'Talks are expected to resume in {venue} next week.',
  'Officials said further announcements would follow in the coming days.',
  'The next round of negotiations is scheduled for the end of the month.',
  'A final decision is expected before the end of the year.',
  'Ministers are due to review progress at their next meeting in {euCity}.',
  'Neither side gave a date for the next meeting.',
];
