import { intBetween, pick, type Rng } from './prng.js';

/** A person quoted in the demo world: the full first reference and the short second reference. */
interface Person {
  full: string;
  short: string;
}

type SlotValue = string | Person;

// Every spokesperson, analyst and pollster below is invented for the demo world.
const CHINESE_SPOKESPEOPLE: readonly Person[] = [
  { full: 'Foreign Ministry spokesperson Lin Mei', short: 'Lin' },
  { full: 'Foreign Ministry spokesman Zhao Minghui', short: 'Zhao' },
  { full: 'Commerce Ministry spokeswoman Guo Lanying', short: 'Guo' },
];

const EU_SPOKESPEOPLE: readonly Person[] = [
  { full: 'Commission spokesperson Annika Voss', short: 'Voss' },
  { full: 'EU foreign policy spokesman Marco Ferrante', short: 'Ferrante' },
  { full: 'Commission trade spokeswoman Liesbeth Van Damme', short: 'Van Damme' },
];

const RUSSIAN_SPOKESPEOPLE: readonly Person[] = [
  { full: 'Kremlin spokesman Dmitri Arkhipov', short: 'Arkhipov' },
  { full: 'Foreign Ministry spokeswoman Yelena Sorokina', short: 'Sorokina' },
];

const UKRAINIAN_SPOKESPEOPLE: readonly Person[] = [
  { full: 'Foreign Ministry spokesman Oleh Marchenko', short: 'Marchenko' },
  { full: 'presidential adviser Iryna Kovalchuk', short: 'Kovalchuk' },
  { full: 'Deputy Foreign Minister Taras Hnatiuk', short: 'Hnatiuk' },
];

const AMERICAN_SPOKESPEOPLE: readonly Person[] = [
  { full: 'State Department spokesperson Daniel Whitcombe', short: 'Whitcombe' },
  { full: 'White House spokeswoman Karen Ostrowski', short: 'Ostrowski' },
  { full: 'Deputy Trade Representative Marcus Bell', short: 'Bell' },
];

const ANALYSTS: readonly Person[] = [
  { full: 'Helena Marsh, a senior fellow at the Lindqvist Institute in Stockholm', short: 'Marsh' },
  { full: 'Tomasz Wieczorek, chief economist at Baltica Capital in Warsaw', short: 'Wieczorek' },
  { full: 'Priya Raman, who directs the Asia programme at the Meridian Council', short: 'Raman' },
  { full: 'Samuel Okafor, a trade analyst at Harlow Economics', short: 'Okafor' },
  { full: 'Ines Carvalho, a researcher at the Atlantic Studies Centre', short: 'Carvalho' },
  { full: 'Johannes Brandt, a former diplomat now at the Rhine Policy Forum', short: 'Brandt' },
];

const WORDS: Readonly<Record<string, readonly string[]>> = {
  weekday: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'],
  few: ['three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  euCountry: ['Greece', 'Portugal', 'Spain', 'Italy', 'Poland', 'Belgium', 'Austria', 'Croatia'],
  euCity: ['Luxembourg', 'Strasbourg', 'Copenhagen', 'Vienna', 'Lisbon', 'Tallinn', 'Prague'],
  port: ['Piraeus', 'Gdansk', 'Valencia', 'Hamburg', 'Antwerp', 'Trieste', 'Koper', 'Constanta'],
  region: ['Kharkiv', 'Zaporizhzhia', 'Odesa', 'Dnipro', 'Sumy', 'Kherson', 'Mykolaiv', 'Poltava'],
  sector: [
    'electric vehicles',
    'solar panels',
    'steel',
    'semiconductors',
    'rare-earth magnets',
    'wind turbines',
    'pharmaceuticals',
    'lithium batteries',
  ],
  venue: ['Geneva', 'Istanbul', 'Vienna', 'Singapore', 'Doha', 'Oslo'],
  media: ['Reuters', 'Bloomberg', 'the Financial Times', 'the Associated Press', 'Politico'],
  insiders: [
    'two diplomats familiar with the talks',
    'three people briefed on the discussions',
    'two officials who spoke on condition of anonymity',
    'a person close to the negotiations',
  ],
  pollster: ['Kestrel Research', 'the Vantage Institute', 'Northgate Polling'],
};

const NUMBERS: Readonly<Record<string, (rng: Rng) => string>> = {
  pct: (rng) => (intBetween(rng, 12, 98) / 10).toFixed(1),
  bn: (rng) => String(intBetween(rng, 3, 48)),
  count: (rng) => String(intBetween(rng, 14, 380)),
  share: (rng) => String(intBetween(rng, 52, 78)),
};

const PEOPLE: Readonly<Record<string, readonly Person[]>> = {
  cnSpokes: CHINESE_SPOKESPEOPLE,
  euSpokes: EU_SPOKESPEOPLE,
  ruSpokes: RUSSIAN_SPOKESPEOPLE,
  uaSpokes: UKRAINIAN_SPOKESPEOPLE,
  usSpokes: AMERICAN_SPOKESPEOPLE,
  analyst: ANALYSTS,
};

/** Names every slot a template may use, so a test can reject templates with a typo in a slot. */
export const SLOT_NAMES: readonly string[] = [
  ...Object.keys(WORDS),
  ...Object.keys(NUMBERS),
  ...Object.keys(PEOPLE),
];

function drawSlot(rng: Rng, name: string): SlotValue {
  const words = WORDS[name];
  if (words) return pick(rng, words);
  const number = NUMBERS[name];
  if (number) return number(rng);
  const people = PEOPLE[name];
  if (people) return pick(rng, people);
  throw new Error(`unknown template slot "${name}"`);
}

const SLOT = /\{([a-zA-Z]+)(\d*)(\.short)?\}/g;

/** Fills one template; `forgetNumbers` lets the next template draw fresh figures. */
export interface Filler {
  (template: string): string;
  forgetNumbers(): void;
}

/**
 * A template filler for one article. A slot keeps its value for the whole article, so a headline
 * and its lead name the same port; numbers do so until `forgetNumbers()`. A person is introduced
 * in full once and then by surname, as a reporter would. `preset` pins slot values (the
 * publication weekday, for instance).
 */
export function createFiller(rng: Rng, preset: Readonly<Record<string, string>> = {}): Filler {
  const memo = new Map<string, SlotValue>(Object.entries(preset));
  const introduced = new Set<string>();
  const render = (key: string, value: SlotValue, short: boolean): string => {
    if (typeof value === 'string') return value;
    const first = !short && !introduced.has(key);
    introduced.add(key);
    return first ? value.full : value.short;
  };
  const fill = (template: string): string => {
    const filled = template.replace(SLOT, (_m, name: string, suffix: string, short?: string) => {
      const key = name + suffix;
      let value = memo.get(key);
      if (value === undefined) {
        value = drawSlot(rng, name);
        memo.set(key, value);
      }
      return render(key, value, short !== undefined);
    });
    return filled.charAt(0).toUpperCase() + filled.slice(1);
  };
  const forgetNumbers = (): void => {
    for (const key of [...memo.keys()]) {
      if (key.replace(/\d+$/, '') in NUMBERS) memo.delete(key);
    }
  };
  return Object.assign(fill, { forgetNumbers });
}

/** The slot names used in a template, for validation. */
export function slotsIn(template: string): string[] {
  return [...template.matchAll(SLOT)].map((m) => m[1] ?? '');
}
