import type { Actor } from '../../src/nlp/index.js';

/** The four countries and blocs the attribution tests speak about, as an operator would configure them. */
export const attributionActors: readonly Actor[] = [
  {
    id: 'china',
    name: 'China',
    kind: 'country',
    aliases: ['Beijing', 'the Chinese side'],
    demonyms: ['Chinese'],
  },
  {
    id: 'eu',
    name: 'European Union',
    kind: 'organization',
    aliases: ['EU', 'Brussels'],
    demonyms: ['European'],
  },
  {
    id: 'russia',
    name: 'Russia',
    kind: 'country',
    aliases: ['Moscow', 'Kremlin'],
    demonyms: ['Russian'],
  },
  {
    id: 'usa',
    name: 'United States',
    kind: 'country',
    aliases: ['U.S.', 'Washington'],
    demonyms: ['American'],
  },
];
