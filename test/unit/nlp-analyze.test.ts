import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYZER_VERSION, FRAMES, analyze, createAnalyzer, type Actor, type ActorAnalysis, type Analysis, type Mention } from '../../src/nlp/index.js';

const actors: Actor[] = [
  { id: 'china', name: 'China', kind: 'country', aliases: ['Beijing'], demonyms: ['Chinese'] },
  { id: 'eu', name: 'European Union', kind: 'organization', aliases: ['EU', 'Brussels'], demonyms: ['European'] },
  { id: 'russia', name: 'Russia', kind: 'country', aliases: ['Moscow', 'Kremlin'], demonyms: ['Russian'] },
  { id: 'ukraine', name: 'Ukraine', kind: 'country', aliases: ['Kyiv'], demonyms: ['Ukrainian'] },
  { id: 'usa', name: 'United States', kind: 'country', aliases: ['U.S.', 'US'], demonyms: ['American'] },
];

function actor(analysis: Analysis, id: string): ActorAnalysis {
  const found = analysis.actors.find((a) => a.id === id);
  if (found === undefined) throw new Error(`no analysis for ${id}`);
  return found;
}

function only(analysis: Analysis, id: string): Mention {
  const { mentions } = actor(analysis, id);
  expect(mentions).toHaveLength(1);
  return mentions[0]!;
}

describe('analyze', () => {
  it('never shows titles, names or neutral verbs of meeting and reporting as evidence', () => {
    const people: Actor[] = [
      { id: 'xi', name: 'Xi Jinping', kind: 'person', aliases: ['President Xi'], demonyms: [] },
      { id: 'michel', name: 'Charles Michel', kind: 'person', aliases: [], demonyms: [] },
    ];
    const a = createAnalyzer([...people, ...actors])(
      'Chinese President Xi Jinping met European Council President Charles Michel in Beijing, officials said. ' +
        'Michel noted that President Xi had praised the talks.',
    );
    expect(actor(a, 'xi').mentions.map((m) => m.text)).toEqual(['President Xi Jinping', 'President Xi']);
    const cues = a.actors.flatMap((x) => x.mentions.flatMap((m) => m.evidence.cues.map((c) => c.text.toLowerCase())));
    for (const word of ['president', 'met', 'said', 'noted', 'xi', 'jinping', 'michel', 'charles', 'council', 'european', 'chinese', 'officials']) {
      expect(cues, word).not.toContain(word);
    }
    // "praised" still counts.
    expect(actor(a, 'xi').mentions[1]?.evidence.cues.map((c) => c.text)).toContain('praised');
  });

  it('keeps each mention\'s class probabilities behind its score and label', () => {
    const m = only(analyze('Brussels condemned the brutal offensive by Moscow.', actors), 'russia');
    const p = m.probabilities;
    expect(p.negative + p.neutral + p.positive).toBeCloseTo(1, 3);
    expect(m.score).toBeCloseTo(p.positive - p.negative, 3);
    expect(m.label).toBe('negative');
  });

  it('scores each actor of one sentence by the words that bear on it', () => {
    const a = analyze("Brussels praised Kyiv's courage but condemned Moscow's brutal offensive.", actors);
    expect(only(a, 'ukraine').label).toBe('positive');
    expect(only(a, 'russia').label).toBe('negative');
    expect(only(a, 'eu').label).toBe('neutral');
  });

  it('flips and weakens a negated cue', () => {
    const plain = only(analyze('The minister criticised China.', actors), 'china');
    const negated = only(analyze('The minister did not criticise China.', actors), 'china');
    expect(plain.label).toBe('negative');
    expect(negated.label).not.toBe('negative');
    expect(Math.abs(negated.score)).toBeLessThan(Math.abs(plain.score));
  });

  it('keeps a polar word on its own side of a contrast', () => {
    const a = analyze("Relations with China improved, but deep mistrust remains over Russia's role.", actors);
    expect(only(a, 'china').label).toBe('positive');
    expect(only(a, 'russia').label).toBe('negative');
  });

  it('reads "X and Y as presenting the most significant challenges" as negative for both', () => {
    const text = 'Earlier, a former U.S. Secretary of State characterized Russia and China as presenting the most significant challenges to international order today.';
    const a = analyze(text, actors);
    expect(only(a, 'russia').label).toBe('negative');
    expect(only(a, 'china').label).toBe('negative');
    expect(only(a, 'usa').label).toBe('neutral');
  });

  it('blames the aggressor, not the victim', () => {
    const a = analyze("Russia's invasion of Ukraine was condemned.", actors);
    expect(only(a, 'russia').label).toBe('negative');
    expect(only(a, 'ukraine').label).not.toBe('negative');
    const passive = analyze('Ukraine was invaded by Russia.', actors);
    expect(only(passive, 'russia').label).toBe('negative');
    expect(only(passive, 'ukraine').label).not.toBe('negative');
  });

  it('does not hold a problem being solved against the actor solving it', () => {
    expect(only(analyze('China helped resolve the conflict.', actors), 'china').label).not.toBe('negative');
  });

  it('keeps evidence: the sentence and the cue words with their offsets and weights', () => {
    const text = 'Trade grew.  The EU   welcomed “China’s constructive role”. Nothing else.';
    const a = analyze(text, actors);
    const china = only(a, 'china');
    expect(text.slice(china.start, china.end)).toBe('China');
    expect(china.evidence.sentence.text).toBe('The EU   welcomed “China’s constructive role”.');
    expect(text.slice(china.evidence.sentence.start, china.evidence.sentence.end)).toBe(china.evidence.sentence.text);
    // The strongest evidence first; never a function word, a quotation mark or an actor's name.
    expect(china.evidence.cues.slice(0, 2).map((c) => c.text)).toEqual(['welcomed', 'constructive']);
    for (const cue of china.evidence.cues) {
      expect(['The', '“', '”', 'EU', 'China', '’s']).not.toContain(cue.text);
      expect(text.slice(cue.start, cue.end)).toBe(cue.text);
      expect(cue.weight).toBeGreaterThan(0);
    }
    expect(china.label).toBe('positive');
    expect(china.confidence).toBeGreaterThan(0.5);
  });

  it('returns offsets that slice the input even around odd whitespace and symbols', () => {
    const text = '\uFEFFBeijing\u3000and  Moscow\u00a0met.\r\n\r\n“Kyiv’s”\tdemands — the EU’s  answer… U.S.-China ties.';
    const a = analyze(text, actors);
    const mentions = a.actors.flatMap((x) => x.mentions);
    expect(mentions.map((m) => m.text)).toEqual(['Beijing', 'China', 'EU', 'Moscow', 'Kyiv', 'U.S.']);
    for (const m of mentions) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
      const { sentence } = m.evidence;
      expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
      expect(sentence.start <= m.start && m.end <= sentence.end).toBe(true);
    }
  });

  it('tags frames per mention and gives each actor its frame shares', () => {
    const a = analyze('China and the EU discussed trade and tariffs. China warned of a military threat.', actors);
    const china = actor(a, 'china');
    expect(china.mentions[0]!.frames).toContain('economy');
    expect(china.mentions[1]!.frames).toContain('security');
    expect(china.frames.economy).toBe(0.5);
    expect(china.frames.security).toBe(0.5);
    for (const frame of Object.keys(china.frames)) expect(FRAMES).toContain(frame);
  });

  it('aggregates mentions into an article stance with confidence', () => {
    const a = analyze('China praised the constructive talks. China welcomed the agreement. China spoke.', actors);
    const china = actor(a, 'china');
    expect(china.stance.label).toBe('positive');
    expect(china.stance.confidence).toBeGreaterThan(0.5);
    // One mention with no evaluative word: a neutral article stance, held with less confidence
    // than three mentions that agree.
    const single = actor(analyze('China spoke.', actors), 'china');
    expect(single.stance.label).toBe('neutral');
    expect(Math.abs(single.stance.score)).toBeLessThan(0.1);
    expect(single.stance.confidence).toBeLessThan(china.stance.confidence);
  });

  it('lists actors with mentions only, in config order, with version and token count', () => {
    const a = analyze('Kyiv thanked Brussels and Beijing.', actors);
    expect(a.actors.map((x) => x.id)).toEqual(['china', 'eu', 'ukraine']);
    expect(a.analyzerVersion).toBe(ANALYZER_VERSION);
    expect(a.tokens).toBe(6);
    expect(a.attributions).toEqual([]);
    expect(analyze('', actors)).toEqual({ analyzerVersion: ANALYZER_VERSION, tokens: 0, actors: [], attributions: [] });
  });

  it('is deterministic and the same through analyze() and createAnalyzer()', () => {
    const text = "Brussels praised Kyiv's courage but condemned Moscow's brutal offensive. China stayed silent.";
    const first = analyze(text, actors);
    expect(analyze(text, actors)).toEqual(first);
    expect(createAnalyzer(actors)(text)).toEqual(first);
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });
});

const SEED = new URL('../../../shared/data/seed/', import.meta.url);
const seedPresent = existsSync(new URL('china-eu-summit.txt', SEED));

interface SeedExpectation {
  actors: Record<string, Omit<Actor, 'id' | 'aliases' | 'demonyms'> & Partial<Actor>>;
  must: {
    mentions_at_least: Record<string, number>;
    article_stance_sign: Record<string, string>;
    mention_stance: Array<{ sentence_contains: string; actor: string; polarity: string }>;
  };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').toLowerCase();

describe.skipIf(!seedPresent)('seed article china-eu-summit (skipped: ../shared/data/seed is absent)', () => {
  const load = () => {
    const expected = JSON.parse(readFileSync(new URL('china-eu-summit.expected.json', SEED), 'utf8')) as SeedExpectation;
    const seedActors = Object.entries(expected.actors).map(([id, a]): Actor => ({ aliases: [], demonyms: [], ...a, id }));
    return { expected, analysis: analyze(readFileSync(new URL('china-eu-summit.txt', SEED), 'utf8'), seedActors) };
  };

  it('finds at least the expected number of mentions per actor', () => {
    const { expected, analysis } = load();
    for (const [id, atLeast] of Object.entries(expected.must.mentions_at_least)) {
      expect(actor(analysis, id).mentions.length, id).toBeGreaterThanOrEqual(atLeast);
    }
  });

  it('gives the expected polarity to the mentions in the named sentences', () => {
    const { expected, analysis } = load();
    for (const item of expected.must.mention_stance) {
      const inSentence = actor(analysis, item.actor).mentions.filter((m) => squash(m.evidence.sentence.text).includes(squash(item.sentence_contains)));
      expect(inSentence.length, `${item.actor} in "${item.sentence_contains}"`).toBeGreaterThan(0);
      expect(inSentence.map((m) => m.label), item.actor).toContain(item.polarity);
      expect(inSentence.every((m) => m.label === item.polarity || m.label === 'neutral'), item.actor).toBe(true);
    }
  });

  it('gets the sign of the article-level stance', () => {
    const { expected, analysis } = load();
    for (const [id, sign] of Object.entries(expected.must.article_stance_sign)) {
      expect(actor(analysis, id).stance.label, id).toBe(sign);
    }
  });
});
