import { describe, expect, it } from 'vitest';
import {
  createAnalyzer,
  normalizeSourceKey,
  type Actor,
  type AttributionSource,
} from '../../src/nlp/index.js';
import { attributionActors } from '../helpers/actors.js';

const actors: Actor[] = [
  ...attributionActors,
  {
    id: 'xi',
    name: 'Xi Jinping',
    kind: 'person',
    aliases: ['Xi'],
    demonyms: [],
    affiliation: 'china',
  },
];
const analyze = createAnalyzer(actors);

function sources(text: string): AttributionSource[] {
  return analyze(text).attributions.map((a) => {
    if (a.source === null) throw new Error(`no source for "${a.cue.text}"`);
    return a.source;
  });
}

const pick = (s: AttributionSource) => ({ text: s.text, kind: s.kind, actor: s.actor });

describe('attribution sources', () => {
  it('tells kinds apart: person, organisation, outlet, unnamed source, group, document', () => {
    const text = [
      'Kremlin spokesman Dmitry Peskov said the talks were over.',
      'The foreign ministry said it was ready.',
      'The New York Times reported that the deal was close.',
      'A senior EU official said the plan would pass.',
      'Many analysts believe the plan will fail.',
      'The poll found that voters were divided.',
    ].join(' ');
    expect(sources(text).map((s) => [s.text, s.kind])).toEqual([
      ['Kremlin spokesman Dmitry Peskov', 'person'],
      ['The foreign ministry', 'organization'],
      ['The New York Times', 'media'],
      ['A senior EU official', 'anonymous'],
      ['Many analysts', 'group'],
      ['The poll', 'document'],
    ]);
  });

  it('affiliates a source with the configured actor it names or belongs to', () => {
    const text =
      'A senior EU official said the talks stalled. Kremlin spokesman Dmitry Peskov said they had not. ' +
      'The Chinese side stressed that trade mattered. Chinese President Xi Jinping said ties were strong.';
    expect(sources(text).map(pick)).toEqual([
      { text: 'A senior EU official', kind: 'anonymous', actor: 'eu' },
      { text: 'Kremlin spokesman Dmitry Peskov', kind: 'person', actor: 'russia' },
      { text: 'The Chinese side', kind: 'organization', actor: 'china' },
      { text: 'Chinese President Xi Jinping', kind: 'person', actor: 'china' },
    ]);
  });

  it('names one person the same way across the forms of the name in an article', () => {
    const found = sources(
      'Kremlin spokesman Dmitry Peskov said talks were over. “We are done,” Peskov told reporters.',
    );
    expect(found.map((s) => [s.name, s.key])).toEqual([
      ['Dmitry Peskov', 'person:dmitry peskov'],
      ['Dmitry Peskov', 'person:dmitry peskov'],
    ]);
  });

  it('keys a source that is a configured actor by the actor, whatever form it takes', () => {
    const found = sources(
      'Beijing said the visit was a success. The Chinese side stressed that ties would grow. Xi said so too.',
    );
    expect(found.map((s) => s.key)).toEqual(['actor:china', 'actor:china', 'actor:xi']);
  });

  it('resolves pronoun sources to the nearest fitting source, keeping the pronoun as written', () => {
    const found = sources(
      'European Commission President Ursula von der Leyen said trade was unbalanced. ' +
        '“We cannot accept it,” she told reporters. Protesters gathered outside. They say the deal is unfair.',
    );
    const [, she, they] = found;
    expect([she?.text, she?.kind, she?.name, she?.actor, she?.antecedent?.text]).toEqual([
      'she',
      'person',
      'Ursula von der Leyen',
      'eu',
      'European Commission President Ursula von der Leyen',
    ]);
    expect([they?.text, they?.kind, they?.antecedent?.text]).toEqual([
      'They',
      'group',
      'Protesters',
    ]);
  });

  it('does not count an outlet’s name as a mention of the actor inside it', () => {
    const text =
      'The Washington Post, quoting unnamed officials, reported that Moscow was ready. Russian news agency TASS said so too.';
    const a = analyze(text);
    const mentioned = a.actors.flatMap((x) => x.mentions.map((m) => m.text));
    expect(mentioned).toEqual(['Moscow']);
    expect(a.attributions.map((x) => x.via?.text ?? x.source?.text)).toEqual([
      'The Washington Post',
      'Russian news agency TASS',
    ]);
  });

  it('keeps the mention when the actor itself or one of its officials is the one speaking', () => {
    const a = analyze(
      'A former U.S. Secretary of State said the Chinese side had stressed its position.',
    );
    expect(a.actors.map((x) => x.id)).toEqual(['china', 'usa']);
  });

  it('gives each attribution the stance of the actors mentioned in its content', () => {
    const a = analyze(
      'A former U.S. official characterized Russia and China as presenting the most significant challenges.',
    );
    expect(a.attributions[0]?.targets.map((t) => [t.actor, t.label])).toEqual([
      ['china', 'negative'],
      ['russia', 'negative'],
    ]);
    expect(
      analyze('The EU said the summit was constructive and fruitful.').attributions[0]?.targets,
    ).toEqual([]);
  });

  it('normalises keys: kind plus canonical name, titles and determiners stripped', () => {
    expect(normalizeSourceKey({ kind: 'person', text: 'Sen. Josh Hawley' })).toBe(
      'person:josh hawley',
    );
    expect(normalizeSourceKey({ kind: 'person', text: 'Peskov', name: 'Dmitry Peskov' })).toBe(
      'person:dmitry peskov',
    );
    expect(normalizeSourceKey({ kind: 'media', text: 'The New York Times' })).toBe(
      'media:new york times',
    );
    expect(normalizeSourceKey({ kind: 'person', text: 'Antti Häkkänen' })).toBe(
      'person:antti hakkanen',
    );
    expect(normalizeSourceKey({ kind: 'anonymous', text: 'a senior U.S. official' })).toBe(
      'anonymous:senior us official',
    );
  });
});
