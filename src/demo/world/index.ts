export { demoActors } from './actors.js';
export { demoArticles } from './articles.js';
export { demoOutletsMeta } from './outlets.js';
export { DEMO_SHIFT, DEMO_WEEKS } from './plan.js';
export { ACTOR_POOLS, CLOSING_LINES, CONTEXT_LINES } from './pools.js';
export { SLOT_NAMES, slotsIn } from './slots.js';
export type {
  ActorPools,
  DemoActorId,
  DemoArticle,
  DemoOutletMeta,
  DemoShift,
  Section,
  Story,
  Tone,
  TonePool,
} from './types.js';
