import type { Actor } from '../config/index.js';

export type { Actor };

export type StanceLabel = 'negative' | 'neutral' | 'positive';

/** How the article presents an actor at one mention. */
export const FRAMES = [
  'diplomacy',
  'economy',
  'security',
  'conflict',
  'law',
  'humanitarian',
  'domestic-politics',
] as const;
export type Frame = (typeof FRAMES)[number];

/** A stance score in [-1, 1] with its label and a confidence in [0, 1]. */
export interface Stance {
  score: number;
  label: StanceLabel;
  confidence: number;
}

/** A span of the input text: JavaScript string offsets, end-exclusive. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

/** A word that moved a score, with the signed weight it contributed. */
export interface Cue extends Span {
  weight: number;
}

/** Why a mention got its score: the sentence it stands in and the words that moved it. */
export interface Evidence {
  sentence: Span;
  cues: Cue[];
}

/** Calibrated class probabilities of one mention (they sum to 1). */
export interface MentionProbabilities {
  negative: number;
  neutral: number;
  positive: number;
}

export interface Mention extends Span, Stance {
  /** The scorer's class probabilities behind score and label (score = positive - negative). */
  probabilities: MentionProbabilities;
  frames: Frame[];
  evidence: Evidence;
}

/**
 * Article-level stance of one actor: the balance of how its evaluative mentions portray it
 * (see src/nlp/aggregate.ts), and the shares of its mentions labelled positive and negative.
 */
export interface ArticleStance extends Stance {
  positiveShare: number;
  negativeShare: number;
}

/** Article-level reading of one actor. `frames` maps a frame to its share of the mentions. */
export interface ActorAnalysis {
  id: string;
  name: string;
  stance: ArticleStance;
  frames: Partial<Record<Frame, number>>;
  mentions: Mention[];
}

export type SourceKind =
  | 'person'
  | 'organization'
  | 'media'
  | 'anonymous'
  | 'group'
  | 'document';

export interface AttributionSource extends Span {
  kind: SourceKind;
  /** The configured actor the source speaks for ("a senior EU official" -> the EU's id). */
  actor?: string;
  /** Display name: the fullest form the article gives ("Dmitry Peskov" for "Peskov"). */
  name?: string;
  /** Identity across articles (see `normalizeSourceKey`): "person:dmitry peskov", "actor:china". */
  key?: string;
  /** For a pronoun source ("he said", "who said"): the phrase it stands for. */
  antecedent?: Span;
}

/** Reported speech or citation: who said what, through whom, about which actors. */
export interface Attribution {
  source: AttributionSource | null;
  /** The outlet or channel of a nested citation ("TASS, citing an EU official"). */
  via?: Span & { kind: SourceKind; key?: string };
  cue: Span;
  content: Span;
  direct: boolean;
  targets: { actor: string; score: number; label: StanceLabel }[];
}

/** The analysis of one text. Stable contract: the CLI's --json output is this object. */
export interface Analysis {
  analyzerVersion: string;
  tokens: number;
  actors: ActorAnalysis[];
  attributions: Attribution[];
}
