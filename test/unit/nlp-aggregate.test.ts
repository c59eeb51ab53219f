import { describe, expect, it } from 'vitest';
import { articleStance, BALANCE, type Mention, type MentionProbabilities } from '../../src/nlp/index.js';
import { balanceScore } from '../../src/nlp/aggregate.js';

function mention(p: MentionProbabilities): Mention {
  const order = [['negative', p.negative], ['neutral', p.neutral], ['positive', p.positive]] as const;
  const [label, confidence] = order.reduce((a, b) => (b[1] > a[1] ? b : a));
  return {
    text: 'X', start: 0, end: 1, score: p.positive - p.negative, label, confidence, probabilities: p,
    frames: [], evidence: { sentence: { text: 'X', start: 0, end: 1 }, cues: [] },
  };
}

const POS = { negative: 0.05, neutral: 0.15, positive: 0.8 };
const NEG = { negative: 0.8, neutral: 0.15, positive: 0.05 };
const NEU = { negative: 0.08, neutral: 0.86, positive: 0.06 };

describe('article stance as the balance of portrayal', () => {
  it('reads all-positive and all-negative articles as clearly so', () => {
    expect(articleStance([mention(POS), mention(POS)]).score).toBeGreaterThan(0.5);
    expect(articleStance([mention(NEG), mention(NEG)]).score).toBeLessThan(-0.5);
    expect(articleStance([mention(POS), mention(POS)]).label).toBe('positive');
  });

  it('does not let neutral mentions (a headline, "X met Y") dilute an evaluative one', () => {
    const alone = articleStance([mention(POS)]).score;
    const withNeutral = articleStance([mention(NEU), mention(POS), mention(NEU), mention(NEU)]).score;
    expect(withNeutral).toBeGreaterThan(alone - 0.1);
    // A plain mean would more than halve it.
    expect(withNeutral).toBeGreaterThan(0.4);
  });

  it('puts mixed articles near 0 and neutral-only ones at 0 with low polarity', () => {
    expect(Math.abs(articleStance([mention(POS), mention(NEG)]).score)).toBeLessThan(0.05);
    const incidental = articleStance([mention(NEU), mention(NEU), mention(NEU)]);
    expect(Math.abs(incidental.score)).toBeLessThan(0.05);
    expect(incidental.label).toBe('neutral');
  });

  it('gives the shares of mentions labelled positive and negative', () => {
    const s = articleStance([mention(POS), mention(NEG), mention(NEU), mention(NEU)]);
    expect(s.positiveShare).toBe(0.25);
    expect(s.negativeShare).toBe(0.25);
  });

  it('is more confident with more agreeing mentions and less when they disagree', () => {
    const one = articleStance([mention(NEG)]).confidence;
    const three = articleStance([mention(NEG), mention(NEG), mention(NEG)]).confidence;
    const split = articleStance([mention(NEG), mention(POS), mention(NEG)]).confidence;
    expect(three).toBeGreaterThan(one);
    expect(split).toBeLessThan(three);
    expect(articleStance([])).toEqual({ score: 0, label: 'neutral', confidence: 0, positiveShare: 0, negativeShare: 0 });
  });

  it('shrinks a single weak evaluative mention towards 0 by the prior', () => {
    const weak = { negative: 0.1, neutral: 0.5, positive: 0.4 };
    const alone = balanceScore([weak], { ...BALANCE, prior: 0 });
    expect(alone).toBeGreaterThan(0);
    expect(balanceScore([weak], { ...BALANCE, prior: 1 })).toBeLessThan(alone);
    expect(balanceScore([weak], { ...BALANCE, prior: 1 })).toBeGreaterThan(0);
  });

  it('lets a confident mention outweigh a hesitant one of the other sign, and never saturates on numbers alone', () => {
    const hesitant = { negative: 0.26, neutral: 0.15, positive: 0.59 };
    const confident = { negative: 0.8, neutral: 0.07, positive: 0.13 };
    expect(articleStance([mention(hesitant), mention(confident)]).score).toBeLessThan(-0.2);
    const many = articleStance(Array.from({ length: 20 }, () => mention(POS))).score;
    expect(many).toBeLessThan(0.99);
    expect(many).toBeCloseTo(articleStance([mention(POS), mention(POS)]).score, 1);
  });
});
