import { describe, expect, it } from 'vitest';
import { ActorSuggester, type ActorSuggestion, type Actor } from '../../src/nlp/index.js';

const ACTORS: Actor[] = [
  { id: 'china', name: 'China', kind: 'country', aliases: ['Beijing', 'PRC'], demonyms: ['Chinese'] },
  { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: ['President Xi'], demonyms: [], affiliation: 'china' },
  { id: 'eu', name: 'European Union', kind: 'organization', aliases: ['EU', 'Brussels'], demonyms: ['European'] },
];

function suggest(texts: string[], opts: { minCount?: number; limit?: number } = { minCount: 1 }): ActorSuggestion[] {
  const s = new ActorSuggester(ACTORS);
  for (const t of texts) s.add(t);
  return s.suggestions(opts);
}

const byPhrase = (rows: ActorSuggestion[]) => new Map(rows.map((r) => [r.phrase, r]));

describe('actor suggestions: phrases', () => {
  const rows = byPhrase(
    suggest([
      'Commission President Ursula von der Leyen met Kazakh Foreign Minister Murat Nurtleu in Astana on Tuesday.',
      'The Ministry of Foreign Affairs of Ukraine said the Bank of England and the International Monetary Fund had agreed.',
      'A former Secretary of State, Antony Blinken, spoke in New Delhi, where Jean-Claude Juncker and Charles de Gaulle were remembered.',
      'Mr. Modi said the Bharatiya Janata Party would win. Dr. Anna Schmidt disagreed.',
    ]),
  );

  it('keeps name particles, of-joins and hyphens inside one phrase', () => {
    for (const phrase of ['Ursula von der Leyen', 'Ministry of Foreign Affairs of Ukraine', 'Bank of England', 'Jean-Claude Juncker', 'Charles de Gaulle', 'New Delhi']) {
      expect(rows.has(phrase), phrase).toBe(true);
    }
  });

  it('strips titles and honorifics and keeps the name after them', () => {
    expect(rows.get('Murat Nurtleu')?.kind).toBe('person');
    expect(rows.get('Modi')?.kind).toBe('person');
    expect(rows.get('Anna Schmidt')?.kind).toBe('person');
    const phrases = [...rows.keys()];
    expect(phrases.some((p) => /President|Minister|Mr\.|Dr\./.test(p))).toBe(false);
    // "Kazakh" is an adjective before a title, not a name of its own.
    expect(rows.has('Kazakh')).toBe(false);
    expect(rows.has('Tuesday')).toBe(false);
  });

  it('guesses organisations from their head words and places from prepositions', () => {
    expect(rows.get('Bank of England')?.kind).toBe('organisation');
    expect(rows.get('International Monetary Fund')?.kind).toBe('organisation');
    expect(rows.get('Bharatiya Janata Party')?.kind).toBe('organisation');
    expect(rows.get('Ministry of Foreign Affairs of Ukraine')?.kind).toBe('organisation');
    expect(rows.get('Astana')?.kind).toBe('place');
    expect(rows.get('New Delhi')?.kind).toBe('place');
    expect(rows.get('Ursula von der Leyen')?.kind).toBe('person');
  });
});

describe('actor suggestions: configured actors', () => {
  it('leaves out actors, their aliases, demonyms, titles and short forms', () => {
    const rows = suggest([
      'President Xi told Beijing officials that China and the EU would talk. Xi later met Chinese diplomats in Brussels.',
      'Xi Jinping and European leaders met Kassym-Jomart Tokayev. The PRC said nothing.',
    ]);
    const phrases = rows.map((r) => r.phrase);
    expect(phrases).toEqual(['Kassym-Jomart Tokayev']);
  });

  it('keeps the unconfigured part of a hyphenated compound', () => {
    const rows = suggest(['The China-Kazakhstan pipeline opened. Trade between Beijing and Kazakhstan grew.']);
    expect(rows.map((r) => [r.phrase, r.mentions])).toEqual([['Kazakhstan', 2]]);
  });
});

describe('actor suggestions: capitals that prove nothing', () => {
  it('drops capitalised common words at the head of a sentence', () => {
    const rows = suggest([
      'Officials from Kazakhstan arrived. Analysts expect officials to stay. Protesters gathered; the protesters left.',
      'Yesterday Olaf Scholz spoke in Berlin. Meanwhile, Kazakhstan agreed.',
    ]);
    const phrases = rows.map((r) => r.phrase).sort();
    expect(phrases).toEqual(['Berlin', 'Kazakhstan', 'Olaf Scholz']);
  });

  it('keeps a longer name at the head of a sentence even if its first word is also a common word', () => {
    const rows = suggest(['Foreign Ministry spokesman Oleh Marchenko said so. The foreign press listened.']);
    expect(rows.map((r) => [r.phrase, r.kind]).sort()).toEqual([
      ['Foreign Ministry', 'organisation'],
      ['Oleh Marchenko', 'person'],
    ]);
  });

  it('keeps a sentence-first name seen elsewhere in mid-sentence', () => {
    const rows = suggest(['Tokayev spoke first. Then Tokayev left.', 'Nurtleu said nothing.']);
    expect(rows.map((r) => r.phrase)).toEqual(['Tokayev']);
    expect(rows[0]).toMatchObject({ articles: 1, mentions: 2 });
  });
});

describe('actor suggestions: names to ignore', () => {
  it('does not suggest the names it is told to ignore, such as an outlet in its datelines', () => {
    const s = new ActorSuggester(ACTORS, ['Northern Wire']);
    s.add('KYIV (Northern Wire) — Officials met the Asian Development Bank in Manila.');
    expect(s.suggestions({ minCount: 1 }).map((r) => r.phrase).sort()).toEqual(['Asian Development Bank', 'Manila']);
  });
});

describe('actor suggestions: counts, forms and examples', () => {
  const texts = [
    'Olaf Scholz met the Bundestag. Scholz spoke for an hour.',
    'The Bundestag voted. Later Scholz travelled to Kazakhstan.',
    'In Kazakhstan, Scholz met officials of the Bundestag delegation.',
  ];

  it('counts articles and mentions and counts a surname with the full name', () => {
    const rows = byPhrase(suggest(texts));
    expect(rows.get('Olaf Scholz')).toMatchObject({ kind: 'person', articles: 3, mentions: 4, forms: ['Scholz'] });
    expect(rows.get('Bundestag')).toMatchObject({ articles: 3, mentions: 3 });
    expect(rows.get('Kazakhstan')).toMatchObject({ kind: 'place', articles: 2, mentions: 2 });
  });

  it('gives two example sentences from different articles', () => {
    const row = byPhrase(suggest(texts)).get('Bundestag')!;
    expect(row.examples).toEqual(['Olaf Scholz met the Bundestag.', 'The Bundestag voted.']);
  });

  it('ranks by articles, then mentions, and honours min-count and limit', () => {
    const rows = suggest(texts, { minCount: 3, limit: 5 });
    expect(rows.map((r) => r.phrase)).toEqual(['Olaf Scholz', 'Bundestag']);
    expect(suggest(texts, { minCount: 1, limit: 1 })).toHaveLength(1);
  });
});
