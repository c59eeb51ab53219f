import { describe, expect, it } from 'vitest';
import {
  createAnalyzer,
  identifySources,
  sourceIdentity,
  type Actor,
  type Attribution,
} from '../../src/nlp/index.js';

const actors: Actor[] = [
  { id: 'china', name: 'China', kind: 'country', aliases: ['Beijing'], demonyms: ['Chinese'] },
  { id: 'eu', name: 'European Union', kind: 'organization', aliases: ['EU', 'Brussels'], demonyms: ['European'] },
  { id: 'russia', name: 'Russia', kind: 'country', aliases: ['Moscow', 'Kremlin'], demonyms: ['Russian'] },
  { id: 'xi', name: 'Xi Jinping', kind: 'person', aliases: ['Xi', 'President Xi'], demonyms: [], affiliation: 'china' },
];
const analyze = createAnalyzer(actors);

/** Source keys of a batch of texts, analysed and identified as the analyze stage does. */
function keys(texts: string[]): string[][] {
  const analyses = texts.map((t) => analyze(t));
  return identifySources(analyses, actors).map((a) => a.map((i) => i.source?.key ?? '-'));
}

describe('source identity (pure)', () => {
  it('strips titles, roles and affiliation descriptors from people', () => {
    const forms = [
      { text: 'Kremlin spokesman Dmitry Peskov', kind: 'person' as const, actor: 'russia', name: 'Dmitry Peskov' },
      { text: 'Dmitry Peskov', kind: 'person' as const },
      { text: 'Kremlin spokesman Dmitry Peskov', kind: 'person' as const },
      { text: 'Sen. Josh Hawley', kind: 'person' as const },
      { text: 'Antti Häkkänen', kind: 'person' as const },
    ];
    expect(forms.map((f) => sourceIdentity(f, actors)?.key)).toEqual([
      'person:dmitry-peskov',
      'person:dmitry-peskov',
      'person:dmitry-peskov',
      'person:josh-hawley',
      'person:antti-hakkanen',
    ]);
    const peskov = sourceIdentity(forms[2]!, actors);
    expect(peskov).toMatchObject({ name: 'Dmitry Peskov', surname: 'peskov', alias: 'kremlin spokesman dmitry peskov' });
  });

  it('groups unnamed sources by whom they speak for', () => {
    const eu1 = sourceIdentity({ text: 'a senior EU official', kind: 'anonymous', actor: 'eu' }, actors);
    const eu2 = sourceIdentity({ text: 'European diplomats who asked not to be named', kind: 'anonymous', actor: 'eu' }, actors);
    const none = sourceIdentity({ text: 'two people familiar with the matter', kind: 'anonymous' }, actors);
    expect([eu1?.key, eu2?.key, none?.key]).toEqual(['anonymous:eu', 'anonymous:eu', 'anonymous:unaffiliated']);
    expect(eu1?.name).toBe('unnamed European Union source');
    expect(none?.name).toBe('unnamed source');
  });

  it('keys descriptions by affiliation and outlets by their own name', () => {
    const a = sourceIdentity({ text: "China's Foreign Ministry", kind: 'organization', actor: 'china' }, actors);
    const b = sourceIdentity({ text: 'the Chinese foreign ministry', kind: 'organization', actor: 'china' }, actors);
    const c = sourceIdentity({ text: "Beijing's foreign ministry", kind: 'organization', actor: 'china' }, actors);
    expect([a?.key, b?.key, c?.key]).toEqual(Array(3).fill('organization:china/foreign-ministry'));
    const tass = sourceIdentity({ text: 'Russian news agency TASS', kind: 'media', actor: 'russia', name: 'TASS' }, actors);
    expect(tass?.key).toBe(sourceIdentity({ text: 'TASS', kind: 'media' }, actors)?.key);
    expect(sourceIdentity({ text: 'The New York Times', kind: 'media' }, actors)?.key).toBe('media:new-york-times');
  });

  it('keeps a configured actor speaking as itself, and gives an unresolved pronoun no identity', () => {
    expect(sourceIdentity({ text: 'President Xi', kind: 'person', key: 'actor:xi', name: 'Xi Jinping', actor: 'china' }, actors))
      .toMatchObject({ key: 'actor:xi', name: 'Xi Jinping' });
    expect(sourceIdentity({ text: 'he', kind: 'person' }, actors)).toBeUndefined();
    // A resolved pronoun takes its antecedent's identity but is no alias of it.
    const he = sourceIdentity({ text: 'he', kind: 'person', key: 'person:dmitry peskov', name: 'Dmitry Peskov', antecedent: { text: 'Dmitry Peskov', start: 0, end: 13 } }, actors);
    expect(he?.key).toBe('person:dmitry-peskov');
    expect(he?.alias).toBeUndefined();
  });
});

describe('source identity across articles', () => {
  const full = 'Kremlin spokesman Dmitry Peskov said Moscow would respond to the sanctions.';
  const bare = 'Peskov said the Kremlin rejected the plan.';

  it('keys a bare surname from its own article only, whatever came before it in the batch', () => {
    // Another article's full name is linked at query time (v_source_links), never stored.
    expect(keys([full, bare])).toEqual([['person:dmitry-peskov'], ['person:peskov']]);
    expect(keys([bare, full])).toEqual([['person:peskov'], ['person:dmitry-peskov']]);
    expect(keys([bare])).toEqual([['person:peskov']]);
    const both = `${full} ${bare}`;
    expect(keys([both])).toEqual([['person:dmitry-peskov', 'person:dmitry-peskov']]);
  });

  it('leaves a surname its own article gives to two people unresolved', () => {
    const two = `${full} His colleague Ivan Peskov said the talks would continue. ${bare}`;
    expect(keys([two])[0]?.at(-1)).toBe('person:peskov');
  });

  it('resolves a family name written first ("Guo Lanying" ... "Guo"), in the same article too', () => {
    const text = 'Commerce Ministry spokeswoman Guo Lanying said Beijing wanted calm. Guo said talks would go on.';
    expect(keys([text])).toEqual([['person:guo-lanying', 'person:guo-lanying']]);
  });

  it('keeps a role without a name as a description', () => {
    const head = sourceIdentity({ text: "the head of a farmers' union in Belgium", kind: 'person' }, actors);
    expect(head?.key).toBe('person:head-of-a-farmers-union-in-belgium');
  });

  it('identifies the channel of a nested citation as well', () => {
    const a = analyze('Reuters, citing two people familiar with the matter, reported that Beijing would retaliate.');
    const [[id]] = identifySources([a], actors) as [[{ source?: { key: string }; via?: { key: string } }]];
    expect(id.source?.key).toBe('anonymous:unaffiliated');
    expect(id.via?.key).toBe('media:reuters');
  });

  it('gives one identity per attribution, null sources included', () => {
    const attributions: Pick<Attribution, 'source' | 'via'>[] = [
      { source: null },
      { source: { text: 'Analysts', start: 0, end: 8, kind: 'group' } },
    ];
    const [ids] = identifySources([{ attributions }], actors);
    expect(ids?.map((i) => i.source?.key)).toEqual([undefined, 'group:analysts']);
  });
});
