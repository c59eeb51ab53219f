import type { Actor, ActorAnalysis, Analysis, Mention } from './types.js';
import { compileActorMatcher, type ActorMatch } from './actor-matcher.js';
import { readTokens, sentenceSpan, tokenAt, type TokenTable } from './tokens.js';
import type { MentionScorer } from './stance-scorer.js';
import { modelScorer } from './model-scorer.js';
import { STANCE_MODEL_VERSION } from './stance-model/version.js';
import { frameBits, frameShares, framesOf } from './frames.js';
import { articleStance } from './aggregate.js';
import { attachTargets, findAttributions, sourceNameMentions } from './attribution/index.js';
import { pronounMentions } from './pronoun-mentions.js';

/**
 * Stored with every analysis row: the version of the analyzer's own rules (matching, frames,
 * attribution, aggregation; bump `a6` when they change) and of the stance model it scores with,
 * so that retrained weights make a new version by themselves.
 */
export const ANALYZER_VERSION = `a6-${STANCE_MODEL_VERSION}`;

let learned: MentionScorer | undefined;

/** The learned stance model as scorer, decoded on first use (~100 ms) and shared. */
function defaultScorer(): MentionScorer {
  learned ??= modelScorer();
  return learned;
}

export type Analyzer = (text: string) => Analysis;

interface Located {
  match: ActorMatch;
  first: number;
  last: number;
}

// Mentions grouped by the sentence of their first token; a mention that wink splits across a
// sentence boundary is clipped to its first sentence.
function locateMentions(table: TokenTable, matches: readonly ActorMatch[]): Map<number, Located[]> {
  const bySentence = new Map<number, Located[]>();
  for (const match of matches) {
    const first = tokenAt(table, match.start);
    const s = table.sentenceOf[first] ?? 0;
    const last = Math.min(tokenAt(table, match.end - 1), (table.sentTo[s] ?? first + 1) - 1);
    const list = bySentence.get(s) ?? [];
    list.push({ match, first, last: Math.max(first, last) });
    bySentence.set(s, list);
  }
  return bySentence;
}

const NO_PROBABILITIES = { negative: 0, neutral: 1, positive: 0 } as const;

function analyzeSentence(
  table: TokenTable,
  s: number,
  located: readonly Located[],
  scorer: MentionScorer,
): Array<readonly [actor: number, mention: Mention]> {
  const from = table.sentFrom[s] ?? 0;
  const to = table.sentTo[s] ?? 0;
  const scores = scorer({ table, from, to }, located);
  const span = sentenceSpan(table, s);
  const sentence = { text: table.text.slice(span.start, span.end), ...span };
  const frames = framesOf(frameBits(table, from, to));
  return located.map(({ match }, j) => {
    const { score = 0, label = 'neutral', confidence = 0, cues = [], probabilities = NO_PROBABILITIES } = scores[j] ?? {};
    const { text, start, end } = match;
    // Copies, so that a consumer editing one mention cannot change its neighbours.
    const evidence = { sentence: { ...sentence }, cues };
    const stance = { score, label, confidence };
    const mention: Mention = { text, start, end, ...stance, probabilities: { ...probabilities }, frames: [...frames], evidence };
    return [match.actor, mention] as const;
  });
}

function actorAnalysis(actor: Actor, mentions: Mention[]): ActorAnalysis {
  return {
    id: actor.id,
    name: actor.name,
    stance: articleStance(mentions),
    frames: frameShares(mentions.map((m) => m.frames)),
    mentions,
  };
}

/**
 * Compiles `actors` once and returns a pure function from article text to its analysis:
 * mentions with per-mention stance, frames and evidence, and article-level stance and frame
 * shares per actor (actors with at least one mention, in `actors` order).
 */
export interface AnalyzerOptions {
  /**
   * Tag attributed sources (default true). Off only to measure what attribution costs: the
   * analysis then has no attributions and keeps source names ("TASS reported") as mentions.
   */
  attributions?: boolean;
  /** Count "he", "his", "she", "her" that stand for a configured person (default true). */
  pronouns?: boolean;
}

export function createAnalyzer(
  actors: readonly Actor[],
  scorer: MentionScorer = defaultScorer(),
  options: AnalyzerOptions = {},
): Analyzer {
  const tagSources = options.attributions ?? true;
  const withPronouns = options.pronouns ?? true;
  const matcher = compileActorMatcher(actors);
  return (text: string): Analysis => {
    const table = readTokens(text);
    const perActor: Mention[][] = actors.map(() => []);
    const matches = matcher.match(text);
    const attributions = tagSources ? findAttributions({ table, actors, matches }) : [];
    // An outlet's name ("Russian news agency TASS") is not a mention of the actor it contains.
    const inOutletName = sourceNameMentions(attributions);
    const named = attributions.length === 0 ? matches : matches.filter((m) => !inOutletName(m));
    const pronouns = withPronouns ? pronounMentions(table, named, actors) : [];
    const mentioned = pronouns.length === 0 ? named : [...named, ...pronouns].sort((a, b) => a.start - b.start);
    const bySentence = locateMentions(table, mentioned);
    for (const [s, located] of bySentence) {
      for (const [actor, mention] of analyzeSentence(table, s, located, scorer)) {
        perActor[actor]?.push(mention);
      }
    }
    const analyzed = actors.flatMap((actor, i) => {
      const mentions = perActor[i] ?? [];
      return mentions.length > 0 ? [actorAnalysis(actor, mentions)] : [];
    });
    return {
      analyzerVersion: ANALYZER_VERSION,
      tokens: table.count,
      actors: analyzed,
      attributions: attachTargets(attributions, actors, perActor),
    };
  };
}

const analyzers = new WeakMap<readonly Actor[], Analyzer>();

/** `createAnalyzer(actors)(text)`, with the compiled analyzer cached per `actors` array. */
export function analyze(text: string, actors: readonly Actor[]): Analysis {
  let analyzer = analyzers.get(actors);
  if (analyzer === undefined) {
    analyzer = createAnalyzer(actors);
    analyzers.set(actors, analyzer);
  }
  return analyzer(text);
}
