import type { Actor } from '../../src/nlp/index.js';

const country = (id: string, name: string, aliases: string[] = [], demonyms: string[] = []): Actor => ({ id, name, kind: 'country', aliases, demonyms });
const body = (id: string, name: string, aliases: string[] = []): Actor => ({ id, name, kind: 'organization', aliases, demonyms: [] });
const person = (id: string, name: string, aliases: string[], affiliation?: string): Actor => ({
  id,
  name,
  kind: 'person',
  aliases,
  demonyms: [],
  ...(affiliation ? { affiliation } : {}),
});

/**
 * A newsroom's broader watch list (40 actors: countries, international bodies, companies, parties
 * and leaders), for the bench's real news pages: the demo's 9 actors name few of them.
 */
export const BROAD_ACTORS: readonly Actor[] = [
  country('us', 'United States', ['U.S.', 'US', 'America', 'Washington'], ['American', 'Americans']),
  country('china', 'China', ['Beijing'], ['Chinese']),
  country('russia', 'Russia', ['Moscow', 'Kremlin'], ['Russian']),
  country('uk', 'United Kingdom', ['Britain', 'U.K.', 'London'], ['British']),
  country('germany', 'Germany', ['Berlin'], ['German']),
  country('france', 'France', ['Paris'], ['French']),
  country('japan', 'Japan', ['Tokyo'], ['Japanese']),
  country('india', 'India', ['New Delhi'], ['Indian']),
  country('iran', 'Iran', ['Tehran'], ['Iranian']),
  country('israel', 'Israel', [], ['Israeli']),
  country('ukraine', 'Ukraine', ['Kyiv'], ['Ukrainian']),
  country('canada', 'Canada', ['Ottawa'], ['Canadian']),
  country('mexico', 'Mexico', [], ['Mexican']),
  country('brazil', 'Brazil', [], ['Brazilian']),
  country('turkey', 'Turkey', ['Ankara'], ['Turkish']),
  country('saudi-arabia', 'Saudi Arabia', ['Riyadh'], ['Saudi']),
  country('south-korea', 'South Korea', ['Seoul'], ['South Korean']),
  country('north-korea', 'North Korea', ['Pyongyang'], ['North Korean']),
  body('eu', 'European Union', ['EU', 'Brussels']),
  body('nato', 'NATO'),
  body('un', 'United Nations', ['UN', 'U.N.']),
  body('who', 'World Health Organization', ['WHO']),
  body('imf', 'International Monetary Fund', ['IMF']),
  body('fed', 'Federal Reserve', ['the Fed']),
  body('google', 'Google', ['Alphabet']),
  body('apple', 'Apple'),
  body('microsoft', 'Microsoft'),
  body('amazon', 'Amazon'),
  body('meta', 'Facebook', ['Meta']),
  body('congress', 'Congress', ['Senate', 'House of Representatives']),
  body('democrats', 'Democratic Party', ['Democrats']),
  body('republicans', 'Republican Party', ['Republicans', 'GOP']),
  person('trump', 'Donald Trump', ['Trump'], 'us'),
  person('biden', 'Joe Biden', ['Biden'], 'us'),
  person('xi', 'Xi Jinping', ['Xi'], 'china'),
  person('putin', 'Vladimir Putin', ['Putin'], 'russia'),
  person('zelensky', 'Volodymyr Zelensky', ['Zelensky'], 'ukraine'),
  person('johnson', 'Boris Johnson', ['Johnson'], 'uk'),
  person('merkel', 'Angela Merkel', ['Merkel'], 'germany'),
  person('macron', 'Emmanuel Macron', ['Macron'], 'france'),
];
