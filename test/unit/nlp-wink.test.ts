import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { describe, expect, it } from 'vitest';
import { readColumns } from '../../src/nlp/wink.js';
import { renewingWink } from '../../src/nlp/wink-instance.js';

const PIPE = ['sbd', 'negation', 'pos'];
/** Words no English lexicon holds, so each one is new to an instance. */
const made = (from: number, n: number) => Array.from({ length: n }, (_, k) => `zqv${(from + k).toString(36)}x`);

describe('wink column reader', () => {
  it('reads new words right from instances that numbered different words alike', () => {
    const a = winkNLP(model, PIPE);
    const b = winkNLP(model, PIPE);
    // Each instance gives its first new word the same id.
    expect(readColumns(a.readDoc('zqfirstword arrived')).values).toEqual(['zqfirstword', 'arrived']);
    expect(readColumns(b.readDoc('zqotherword arrived')).values).toEqual(['zqotherword', 'arrived']);
    expect(readColumns(a.readDoc('zqfirstword again')).values).toEqual(['zqfirstword', 'again']);
  });
});

describe('renewingWink', () => {
  it('keeps its instance until it has learnt more new words than allowed, then starts a fresh one', () => {
    const nlp = renewingWink(['sbd'], 50);
    const first = nlp();
    first.readDoc(made(0, 40).join(' '));
    expect(nlp()).toBe(first);
    first.readDoc(made(40, 20).join(' '));
    const second = nlp();
    expect(second).not.toBe(first);
    expect(nlp()).toBe(second);
  });

  it('reads with the fresh instance as with the first', () => {
    const nlp = renewingWink(PIPE, 10);
    const text = 'Zqvalpha criticised the new EU sanctions, officials said.';
    const before = readColumns(nlp().readDoc(text));
    const old = nlp();
    old.readDoc(made(100, 30).join(' '));
    expect(nlp()).not.toBe(old);
    // The fresh instance numbers "Zqvalpha" anew; the columns must not change.
    expect(readColumns(nlp().readDoc(text))).toEqual(before);
  });
});
