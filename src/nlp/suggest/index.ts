export { ActorSuggester, type ActorSuggestion, type SuggestOptions } from './collect.js';
export { SUGGESTED_KINDS, type SuggestedKind } from './kind.js';
