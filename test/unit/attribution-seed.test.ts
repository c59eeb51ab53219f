import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../src/nlp/index.js';
import { checkSeed, loadSeed, seedKind, seedPresent } from '../../scripts/attribution/seed.js';

describe('seed kinds', () => {
  it('maps the seed file’s kind words onto the contract’s kinds', () => {
    expect(seedKind('anonymous official')).toBe('anonymous');
    expect(seedKind('named person')).toBe('person');
    expect(seedKind('media outlet')).toBe('media');
    expect(seedKind('document/poll')).toBe('document');
  });
});

describe.skipIf(!seedPresent())(
  'seed article china-eu-summit attributions (skipped: ../shared/data/seed is absent)',
  () => {
    const run = () => {
      const seed = loadSeed();
      return checkSeed(seed.expected, createAnalyzer(seed.actors)(seed.text));
    };

    it('finds every must attribution with its source, kind, affiliation, channel, cue and content', () => {
      for (const item of run().must) expect(item.why, item.label).toEqual([]);
    });

    it('finds the should attributions; the stance items are reported, not required', () => {
      const { should } = run();
      for (const item of should.filter((i) => !i.label.includes(' speaks ')))
        expect(item.why, item.label).toEqual([]);
      const stance = should.filter((i) => i.label.includes(' speaks '));
      expect(stance.length).toBeGreaterThan(0);
    });
  },
);
