export * from './types.js';
export { analyze, createAnalyzer, ANALYZER_VERSION, type Analyzer } from './analyze.js';
export {
  compileActorMatcher,
  matchActors,
  type ActorMatch,
  type ActorMatcher,
} from './actor-matcher.js';
export {
  scoreMentions,
  type MentionScorer,
  type MentionScore,
  type MentionSlot,
  type SentenceView,
} from './stance-scorer.js';
export type { TokenTable } from './tokens.js';
export { findAttributions, normalizeSourceKey, type AttributionInput } from './attribution/index.js';
export { ActorSuggester, SUGGESTED_KINDS, type ActorSuggestion, type SuggestOptions, type SuggestedKind } from './suggest/index.js';
