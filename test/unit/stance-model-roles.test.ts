import { describe, expect, it } from 'vitest';
import { defaultModel } from '../../src/nlp/stance-model/default-model.js';
import type { StanceModel } from '../../src/nlp/stance-model/model.js';
import { mentionFeatures, predictTarget } from '../../src/nlp/stance-model/predict.js';
import { scoreSentence } from '../../src/nlp/stance-model/score-sentence.js';
import { tokenize } from '../../src/nlp/stance-model/tokens.js';

const spanOf = (text: string, m: string) => ({ start: text.indexOf(m), end: text.indexOf(m) + m.length });

/** The role features (`R|…`) extracted for `target` in `text`, others being the other named spans. */
function roles(text: string, target: string, others: string[]): string[] {
  const t = spanOf(text, target);
  const span = { sentenceStart: 0, sentenceEnd: text.length, targetStart: t.start, targetEnd: t.end, otherTargets: others.map((o) => spanOf(text, o)) };
  const { features } = mentionFeatures(defaultModel().lexicon, tokenize(text), span);
  return features.sparse.filter((f) => f.name.startsWith('R|') && !f.name.slice(2).includes('|')).map((f) => `${f.name}${f.value > 0 ? '+' : '-'}`);
}

/** The committed model with weights for the role features, as a model trained with them would have. */
function withRoleRows(): StanceModel {
  const base = defaultModel();
  const names = ['R|A', 'R|P', 'R|A|pos', 'R|A|neg', 'R|P|pos', 'R|P|neg'];
  const featureIndex = new Map(base.featureIndex);
  const sparse = new Float32Array(base.sparse.length + names.length * 3);
  sparse.set(base.sparse);
  names.forEach((n, k) => {
    const row = base.featureIndex.size + k;
    featureIndex.set(n, row);
    sparse.set([-0.7 + 0.2 * k, 0.1 * k, 0.9 - 0.3 * k], row * 3);
  });
  return { ...base, featureIndex, sparse };
}

describe('role features (agent or patient of an evaluative verb)', () => {
  it('tells the one who acts from the one acted on, in the active and the passive', () => {
    const active = 'Moscow attacked Kyiv overnight.';
    expect(roles(active, 'Moscow', ['Kyiv'])).toEqual(['R|A-']);
    expect(roles(active, 'Kyiv', ['Moscow'])).toEqual(['R|P-']);
    const passive = 'Kyiv was praised by Brussels.';
    expect(roles(passive, 'Kyiv', ['Brussels'])).toEqual(['R|P+']);
    expect(roles(passive, 'Brussels', ['Kyiv'])).toEqual(['R|A+']);
  });

  it('gives none across a clause break or for a verb that is not evaluative', () => {
    expect(roles('Paris spoke first, but London criticized Rome.', 'Paris', ['London', 'Rome'])).toEqual([]);
    expect(roles('Paris spoke first, but London criticized Rome.', 'Rome', ['Paris', 'London'])).toEqual(['R|P-']);
  });

  it('scores them through the compiled path exactly as predictTarget does', () => {
    const model = withRoleRows();
    for (const [text, targets] of [
      ['Moscow attacked Kyiv overnight, and Brussels praised Kyiv.', ['Moscow', 'Kyiv', 'Brussels']],
      ['Kyiv was praised by Brussels but Moscow was not criticized.', ['Kyiv', 'Brussels', 'Moscow']],
    ] as const) {
      const tokens = tokenize(text);
      const spans = targets.map((t) => spanOf(text, t));
      const together = scoreSentence(model, text, tokens, spans);
      spans.forEach((span, i) => {
        const one = predictTarget(model, text, tokens, {
          sentenceStart: 0, sentenceEnd: text.length, targetStart: span.start, targetEnd: span.end, otherTargets: spans.filter((o) => o !== span),
        });
        expect(together[i]?.probs[0]).toBeCloseTo(one.probs[0], 12);
        expect(together[i]?.probs[2]).toBeCloseTo(one.probs[2], 12);
        expect(together[i]?.cues).toEqual(one.cues);
      });
      // The rows are used: the same sentence scores differently without them.
      const plain = scoreSentence(defaultModel(), text, tokens, spans);
      expect(together.some((r, i) => Math.abs(r.probs[2] - (plain[i]?.probs[2] ?? 0)) > 1e-6)).toBe(true);
    }
  });
});
