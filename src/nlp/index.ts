export * from './types.js';
export { analyze, createAnalyzer, ANALYZER_VERSION, type Analyzer, type AnalyzerOptions } from './analyze.js';
export { ARTICLE_CUTS, articleLabel, articleStance, BALANCE } from './aggregate.js';
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
export { modelScorer } from './model-scorer.js';
export { findAttributions, normalizeSourceKey, type AttributionInput } from './attribution/index.js';
export {
  identifySources,
  sourceIdentifier,
  sourceIdentity,
  bareSurname,
  type SourceIdentity,
  type AttributionIdentity,
  type SourceIdentifier,
  type SourceLike,
} from './attribution/source-key.js';
export { ActorSuggester, SUGGESTED_KINDS, type ActorSuggestion, type SuggestOptions, type SuggestedKind } from './suggest/index.js';
