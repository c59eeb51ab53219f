import { describe, expect, it } from 'vitest';
import { compileActorMatcher, matchActors, type Actor } from '../../src/nlp/index.js';

const actors: Actor[] = [
  { id: 'china', name: 'China', kind: 'country', aliases: ['Beijing', 'the Chinese side'], demonyms: ['Chinese'] },
  { id: 'eu', name: 'European Union', kind: 'organization', aliases: ['EU', 'European Commission'], demonyms: ['European'] },
  { id: 'usa', name: 'United States', kind: 'country', aliases: ['U.S.', 'US', 'Washington'], demonyms: ['American'] },
  { id: 'russia', name: 'Russia', kind: 'country', aliases: ['Moscow', 'Kremlin'], demonyms: ['Russian'] },
  { id: 'ukraine', name: 'Ukraine', kind: 'country', aliases: ['Kyiv'], demonyms: ['Ukrainian'] },
  { id: 'g7', name: 'Group of Seven', kind: 'organization', aliases: ['G7', 'G-7 (summit)'], demonyms: [] },
  { id: 'michel', name: 'Charles Michel', kind: 'person', aliases: [], demonyms: [], affiliation: 'eu' },
  { id: 'vdl', name: 'Ursula von der Leyen', kind: 'person', aliases: [], demonyms: [], affiliation: 'eu' },
];
const matcher = compileActorMatcher(actors);

/** [actor id, mention text] pairs, checking on the way that every offset slices the input. */
function found(text: string): Array<[string, string]> {
  return matcher.match(text).map((m) => {
    expect(text.slice(m.start, m.end)).toBe(m.text);
    return [actors[m.actor]!.id, m.text];
  });
}

describe('actor matcher', () => {
  it('finds names, aliases and demonyms with offsets that slice the input', () => {
    expect(found('China and Beijing; the Chinese delegation met Moscow and the Kremlin.')).toEqual([
      ['china', 'China'],
      ['china', 'Beijing'],
      ['china', 'Chinese'],
      ['russia', 'Moscow'],
      ['russia', 'Kremlin'],
    ]);
  });

  it('matches normal names in any case but short all-caps aliases only in exact case', () => {
    expect(found('CHINA and china')).toEqual([['china', 'CHINA'], ['china', 'china']]);
    expect(found('Let us meet the US envoy and U.S. officials')).toEqual([['usa', 'US'], ['usa', 'U.S.']]);
    expect(found('tell us, u.s. and Us')).toEqual([]);
    expect(found('the eu said')).toEqual([]);
  });

  it('treats a possessive as a mention of the bare name, with straight and curly apostrophes', () => {
    expect(found("China's role and China’s trade, Russia’s war")).toEqual([
      ['china', 'China'],
      ['china', 'China'],
      ['russia', 'Russia'],
    ]);
  });

  it('splits hyphenated compounds into their actors', () => {
    expect(found('the China-EU summit and US-Russia talks')).toEqual([
      ['china', 'China'],
      ['eu', 'EU'],
      ['usa', 'US'],
      ['russia', 'Russia'],
    ]);
  });

  it('prefers the longest form and never returns overlapping mentions', () => {
    expect(found('the Chinese side and the European Commission; European leaders')).toEqual([
      ['china', 'the Chinese side'],
      ['eu', 'European Commission'],
      ['eu', 'European'],
    ]);
    expect(found('the Chinese sides and a European Commissioner')).toEqual([
      ['china', 'Chinese'],
      ['eu', 'European'],
    ]);
    const mentions = matcher.match('the Chinese side, the European Commission, the U.S.');
    mentions.slice(1).forEach((m, i) => expect(m.start).toBeGreaterThanOrEqual(mentions[i]!.end));
  });

  it('respects word boundaries but splits words glued by a lost space', () => {
    expect(found('Chinatown, Belarussian, Russiagate, Kyivstar, EUR, USA')).toEqual([]);
    expect(found('meetings aligned withUkraine’s peace framework')).toEqual([['ukraine', 'Ukraine']]);
  });

  it('adds plural demonyms', () => {
    expect(found('Russians, Europeans and Americans, but not Chineses')).toEqual([
      ['russia', 'Russians'],
      ['eu', 'Europeans'],
      ['usa', 'Americans'],
    ]);
  });

  it("finds people by full name, surname and title, the mention being the name part", () => {
    expect(found('Charles Michel met President Michel; Mr. Michel and Ms von der Leyen. Von der Leyen spoke.')).toEqual([
      ['michel', 'Charles Michel'],
      ['michel', 'Michel'],
      ['michel', 'Michel'],
      ['vdl', 'von der Leyen'],
      ['vdl', 'Von der Leyen'],
    ]);
    expect(found('Ursula von der Leyen and Ursula')).toEqual([['vdl', 'Ursula von der Leyen']]);
  });

  it('reads a titled full name as one mention ("President Xi" alias plus the derived "Jinping")', () => {
    const xi: Actor[] = [{ id: 'xi', name: 'Xi Jinping', kind: 'person', aliases: ['President Xi'], demonyms: [] }];
    const m = compileActorMatcher(xi).match('Chinese President Xi Jinping met Jinping Li. President Xi spoke.');
    expect(m.map((x) => x.text)).toEqual(['President Xi Jinping', 'Jinping', 'President Xi']);
    // Two different people side by side stay two mentions.
    expect(found('Charles Michel Ursula von der Leyen')).toEqual([['michel', 'Charles Michel'], ['vdl', 'Ursula von der Leyen']]);
  });

  it('does not take a lowercase word for a surname', () => {
    expect(found('a michel of bread')).toEqual([]);
  });

  it('escapes regex metacharacters in aliases', () => {
    expect(found('UxSx and U.S. and G-7 (summit) and G-7 summit and G7')).toEqual([
      ['usa', 'U.S.'],
      ['g7', 'G-7 (summit)'],
      ['g7', 'G7'],
    ]);
  });

  it('tolerates line breaks and repeated spaces inside a multi-word name', () => {
    const text = 'the European\n  Commission said';
    expect(found(text)).toEqual([['eu', 'European\n  Commission']]);
  });

  it('caches the compiled matcher per actor array', () => {
    const text = 'Beijing and Brussels';
    expect(matchActors(text, actors)).toEqual(matcher.match(text));
    expect(matchActors(text, actors)).toEqual(matchActors(text, actors));
  });

  it('handles no actors and empty text', () => {
    expect(compileActorMatcher([]).match('China')).toEqual([]);
    expect(matcher.match('')).toEqual([]);
  });
});
