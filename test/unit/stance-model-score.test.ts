import { describe, expect, it } from 'vitest';
import {
  scoreTarget,
  scoreTargetsInDoc,
  stanceNlp,
  STANCE_MODEL_VERSION,
  type StanceTargetInput,
} from '../../src/nlp/stance-model/index.js';
import { defaultModel } from '../../src/nlp/stance-model/default-model.js';
import { predictTarget } from '../../src/nlp/stance-model/predict.js';
import { scoreSentence } from '../../src/nlp/stance-model/score-sentence.js';
import { tokenize } from '../../src/nlp/stance-model/tokens.js';
import { getNlp, readColumns } from '../../src/nlp/wink.js';

/** Builds a scoring input for the `mention` (its n-th occurrence) with the given other mentions. */
function mention(text: string, target: string, others: string[] = []): StanceTargetInput {
  const span = (m: string) => {
    const start = text.indexOf(m);
    if (start < 0) throw new Error(`${m} not in ${text}`);
    return { start, end: start + m.length };
  };
  const t = span(target);
  return {
    text,
    sentenceStart: 0,
    sentenceEnd: text.length,
    targetStart: t.start,
    targetEnd: t.end,
    otherTargets: others.map(span),
  };
}

const CHALLENGES =
  'A former U.S. Secretary of State characterized Russia and China as presenting the most significant challenges to international order.';
const BRUSSELS = "Brussels praised Kyiv's courage but condemned Moscow's brutal offensive.";

describe('stance model', () => {
  it('has a version', () => {
    expect(STANCE_MODEL_VERSION).toMatch(/^stance-/);
  });

  it('gives the same result for the same input', () => {
    const input = mention(BRUSSELS, 'Kyiv', ['Brussels', 'Moscow']);
    expect(scoreTarget(input)).toEqual(scoreTarget(input));
    expect(scoreTarget({ ...input, text: `${input.text}` })).toEqual(scoreTarget(input));
  });

  it('returns probabilities, a score in [-1, 1] and the confidence of the label', () => {
    const r = scoreTarget(mention(BRUSSELS, 'Moscow', ['Brussels', 'Kyiv']));
    expect(r.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(r.score).toBeGreaterThanOrEqual(-1);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.score).toBeCloseTo(r.probs[2] - r.probs[0], 10);
    expect(r.confidence).toBe(Math.max(...r.probs));
  });

  it('reads Russia and China as negative though the sentence sounds positive', () => {
    const russia = scoreTarget(mention(CHALLENGES, 'Russia', ['China']));
    const china = scoreTarget(mention(CHALLENGES, 'China', ['Russia']));
    expect(russia.label).toBe('negative');
    expect(china.label).toBe('negative');
  });

  it('tells apart two actors across "but"', () => {
    const kyiv = scoreTarget(mention(BRUSSELS, 'Kyiv', ['Brussels', 'Moscow']));
    const moscow = scoreTarget(mention(BRUSSELS, 'Moscow', ['Brussels', 'Kyiv']));
    expect(kyiv.label).toBe('positive');
    expect(moscow.label).toBe('negative');
  });

  it('flips with negation', () => {
    const plain = scoreTarget(mention('Analysts say Germany is a reliable partner.', 'Germany'));
    const negated = scoreTarget(mention('Analysts say Germany is not a reliable partner.', 'Germany'));
    expect(plain.label).toBe('positive');
    expect(negated.label).not.toBe('positive');
    expect(negated.score).toBeLessThan(plain.score - 0.3);
  });

  it('gives cues whose offsets slice the text, outside the target', () => {
    const text = `Some background first. ${BRUSSELS}`;
    const start = text.indexOf('Brussels');
    const input = { ...mention(text, 'Moscow', ['Brussels', 'Kyiv']), sentenceStart: start };
    const r = scoreTarget(input);
    expect(r.cues.length).toBeGreaterThan(0);
    for (const cue of r.cues) {
      expect(text.slice(cue.start, cue.end)).toBe(cue.text);
      expect(cue.start).toBeGreaterThanOrEqual(start);
      expect(cue.end <= input.targetStart || cue.start >= input.targetEnd).toBe(true);
    }
    expect(r.cues.some((c) => c.text === 'condemned' && c.weight < 0)).toBe(true);
  });

  it('scores the mentions of a document read by another wink instance like scoreTarget', () => {
    const inputs = [mention(BRUSSELS, 'Kyiv', ['Brussels', 'Moscow']), mention(BRUSSELS, 'Moscow', ['Brussels', 'Kyiv'])];
    const doc = stanceNlp().readDoc(BRUSSELS);
    const batch = scoreTargetsInDoc(doc, BRUSSELS, inputs);
    expect(batch).toEqual(inputs.map((i) => scoreTarget(i)));
  });

  it('scores a whole sentence through the compiled path exactly as predictTarget scores each mention', () => {
    const sentences: [string, string[]][] = [
      [CHALLENGES, ['U.S.', 'Russia', 'China']],
      [BRUSSELS, ['Brussels', 'Kyiv', 'Moscow']],
      ["Neither Tokyo nor Seoul trusted Pyongyang's promises, though Beijing did not object.", ['Tokyo', 'Seoul', 'Pyongyang', 'Beijing']],
      ['"We will never accept this," the Kremlin said of NATO, whose members praised Finland.', ['Kremlin', 'NATO', 'Finland']],
    ];
    const model = defaultModel();
    for (const [text, targets] of sentences) {
      const tokens = tokenize(text);
      const spans = targets.map((t) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length }));
      const together = scoreSentence(model, text, tokens, spans);
      spans.forEach((span, i) => {
        const others = spans.filter((o) => o !== span);
        const one = predictTarget(model, text, tokens, {
          sentenceStart: 0, sentenceEnd: text.length, targetStart: span.start, targetEnd: span.end, otherTargets: others,
        });
        expect(together[i]?.probs[0]).toBeCloseTo(one.probs[0], 12);
        expect(together[i]?.probs[2]).toBeCloseTo(one.probs[2], 12);
        expect(together[i]?.cues).toEqual(one.cues);
      });
    }
  });

  it('reads all token columns in one pass exactly as wink-nlp reads them one by one', () => {
    const nlp = getNlp();
    const text = "Kyiv's  allies didn't waver;\u00a0they're \u201cresolute\u201d, said Ms. O'Neill of the U.S. Senate's panel.";
    const doc = nlp.readDoc(text);
    const columns = readColumns(doc);
    const tokens = doc.tokens();
    const { its } = nlp;
    expect(columns.values).toEqual(tokens.out(its.value));
    expect(columns.normals).toEqual(tokens.out(its.normal));
    expect(columns.pos).toEqual(tokens.out(its.pos));
    expect(columns.negated).toEqual(tokens.out(its.negationFlag));
    expect(columns.lemmas).toEqual((tokens.out(its.lemma as never) as string[]).map((l) => l.toLowerCase()));
    expect([...columns.spaces]).toEqual((tokens.out(its.precedingSpaces) as string[]).map((s) => s.length));
  });
});
