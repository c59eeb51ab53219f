import { describe, expect, it } from 'vitest';
import { ARTICLE_CUTS, articleLabel, createAnalyzer, type Actor, type Analysis } from '../../src/nlp/index.js';

const actors: Actor[] = [
  { id: 'putin', name: 'Vladimir Putin', kind: 'person', aliases: ['Putin'], demonyms: [], affiliation: 'russia' },
  { id: 'vdl', name: 'Ursula von der Leyen', kind: 'person', aliases: ['von der Leyen'], demonyms: [], affiliation: 'eu' },
  { id: 'russia', name: 'Russia', kind: 'country', aliases: ['Moscow', 'the Kremlin'], demonyms: ['Russian'] },
  { id: 'china', name: 'China', kind: 'country', aliases: ['Beijing'], demonyms: ['Chinese'] },
];
const analyzer = createAnalyzer(actors);
const withoutPronouns = createAnalyzer(actors, undefined, { pronouns: false });

/** The mentions of one actor as [text, offset] pairs. */
function mentionsOf(analysis: Analysis, id: string): [string, number][] {
  return (analysis.actors.find((a) => a.id === id)?.mentions ?? []).map((m) => [m.text, m.start]);
}

describe('pronoun mentions of configured people', () => {
  it('counts "he" and "his" after the person, across a sentence, with offsets into the text', () => {
    const text = 'Putin arrived in Beijing on Monday. He said his talks with Chinese leaders had been useful.';
    const mentions = mentionsOf(analyzer(text), 'putin');
    expect(mentions).toEqual([
      ['Putin', 0],
      ['He', text.indexOf('He said')],
      ['his', text.indexOf('his talks')],
    ]);
    expect(mentionsOf(withoutPronouns(text), 'putin')).toEqual([['Putin', 0]]);
  });

  it('lets a country between the person and the pronoun pass, but not another person', () => {
    const text = 'Putin flew to China, where he met officials. Kremlin aide Dmitry Peskov said he expected progress.';
    const mentions = mentionsOf(analyzer(text), 'putin').map(([t]) => t);
    expect(mentions).toEqual(['Putin', 'he']);
  });

  it('remembers an unconfigured person by surname and blocks a lone name that acts', () => {
    const text =
      'Putin spoke first. Dmitry Peskov spoke later. On Tuesday, Peskov said he would not comment. ' +
      'Putin left early. Eleven-year-old Sofia says she is no longer afraid.';
    const mentions = mentionsOf(analyzer(text), 'putin').map(([t]) => t);
    expect(mentions).toEqual(['Putin', 'Putin']);
  });

  it('gives "she" and "her" to a woman, and drops the minority gender per person', () => {
    const text =
      'Ursula von der Leyen said she would travel to Kyiv. Leaders praised her steady leadership. ' +
      'Von der Leyen thanked them; he said the trip was planned.';
    const mentions = mentionsOf(analyzer(text), 'vdl').map(([t]) => t);
    expect(mentions).toEqual(['Ursula von der Leyen', 'she', 'her', 'Von der Leyen']);
  });

  it('does not reach back more than two sentences, and never gives a pronoun to a country', () => {
    const text = 'Putin spoke. The weather was cold. Markets were calm. Trading was thin. He left.';
    expect(mentionsOf(analyzer(text), 'putin').map(([t]) => t)).toEqual(['Putin']);
    const noPerson = 'Russia rejected the plan. He said it was unfair.';
    expect(mentionsOf(analyzer(noPerson), 'russia').map(([t]) => t)).toEqual(['Russia']);
  });

  it('leaves quotes to their speakers: no names from inside a quote, no pronouns inside one', () => {
    const text =
      'An analyst in Geneva was blunt. "Putin makes any deal uncertain," he said. ' +
      'Putin stayed silent. "He will not sign," an aide said of him.';
    const mentions = mentionsOf(analyzer(text), 'putin').map(([t]) => t);
    // "he said" is the analyst's; "He will not sign" is inside the aide's quote; "of him" is Putin.
    expect(mentions).toEqual(['Putin', 'Putin', 'him']);
  });

  it('reads a capitalised "He" after a name as part of the name ("Liu He")', () => {
    const text = 'Putin met Chinese envoy Liu He in Moscow.';
    expect(mentionsOf(analyzer(text), 'putin').map(([t]) => t)).toEqual(['Putin']);
  });

  it('scores the pronoun by its own words, with its sentence as evidence', () => {
    const text = 'Putin opened the summit. Several leaders praised his courageous leadership.';
    const his = analyzer(text).actors.find((a) => a.id === 'putin')?.mentions.find((m) => m.text === 'his');
    expect(his?.label).toBe('positive');
    expect(his?.evidence.sentence.text).toBe('Several leaders praised his courageous leadership.');
  });
});

describe('article-level labels', () => {
  it('uses one pair of cut points for people and for everything else', () => {
    const g = ARTICLE_CUTS;
    expect(articleLabel(g.negativeBelow - 0.01)).toBe('negative');
    expect(articleLabel(g.negativeBelow)).toBe('neutral');
    expect(articleLabel(g.positiveFrom)).toBe('positive');
    expect(articleLabel(g.positiveFrom - 0.01)).toBe('neutral');
  });
});
