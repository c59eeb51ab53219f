import type { Actor } from './types.js';

/** The actors of the demo world, in the shape of the config file's `actors` list. */
export function demoActors(): Actor[] {
  return [
    country('china', 'China', ['Beijing', "People's Republic of China"], ['Chinese']),
    {
      id: 'eu',
      name: 'European Union',
      kind: 'organization',
      aliases: ['EU', 'Brussels', 'European Commission'],
      demonyms: ['European'],
    },
    country('russia', 'Russia', ['Moscow', 'the Kremlin'], ['Russian']),
    country('ukraine', 'Ukraine', ['Kyiv'], ['Ukrainian']),
    country(
      'usa',
      'United States',
      ['U.S.', 'US', 'Washington', 'United States of America'],
      ['American'],
    ),
    person('xi-jinping', 'Xi Jinping', ['Xi Jinping', 'President Xi', 'Xi'], 'china'),
    person('ursula-von-der-leyen', 'Ursula von der Leyen', ['von der Leyen'], 'eu'),
    person('vladimir-putin', 'Vladimir Putin', ['Putin', 'President Putin'], 'russia'),
    person('volodymyr-zelensky', 'Volodymyr Zelensky', ['Zelensky', 'Zelenskyy'], 'ukraine'),
  ];
}

function country(id: string, name: string, aliases: string[], demonyms: string[]): Actor {
  return { id, name, kind: 'country', aliases, demonyms };
}

function person(id: string, name: string, aliases: string[], affiliation: string): Actor {
  return { id, name, kind: 'person', aliases, demonyms: [], affiliation };
}
