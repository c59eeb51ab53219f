import type { DemoActorId, DemoOutletMeta, Tone } from './types.js';

/** Relative weights of positive, neutral and negative coverage. */
export type ToneWeights = Readonly<Record<Tone, number>>;

export interface OutletProfile {
  meta: DemoOutletMeta;
  authors: readonly string[];
  /** The three weekly publication slots: days after Monday and UTC time of day. */
  slots: readonly { day: number; time: string }[];
  /** How often each actor leads a story. */
  leadWeights: Readonly<Record<DemoActorId, number>>;
  tones: Readonly<Record<DemoActorId, ToneWeights>>;
  /** Wire services open the lead with a city dateline and their own name. */
  datelines: boolean;
}

const tones = (positive: number, neutral: number, negative: number): ToneWeights => ({
  positive,
  neutral,
  negative,
});

// Every outlet and byline is invented. Russia reads negative and Ukraine sympathetic everywhere;
// the outlets differ on the United States and China, and stay put except for the planted shift.
export const OUTLET_PROFILES: readonly OutletProfile[] = [
  {
    meta: {
      id: 'harbour-times',
      name: 'The Harbour Times',
      slugPrefix: 'harbour-times',
      tagline: 'Shipping, trade and the world beyond the quay',
    },
    authors: ['Eleanor Pryce', 'Daniel Oyelaran', 'Margit Solheim', 'Tobias Wren'],
    slots: [
      { day: 0, time: '07:15' },
      { day: 2, time: '12:40' },
      { day: 4, time: '17:05' },
    ],
    leadWeights: { china: 5, eu: 1.5, russia: 1.5, ukraine: 1, usa: 1 },
    // China's row is replaced by DEMO_SHIFT's before/after tones.
    tones: {
      china: tones(1, 0, 0),
      eu: tones(0.5, 0.4, 0.1),
      russia: tones(0.05, 0.2, 0.75),
      ukraine: tones(0.7, 0.25, 0.05),
      usa: tones(0.35, 0.35, 0.3),
    },
    datelines: false,
  },
  {
    meta: {
      id: 'continental-ledger',
      name: 'Continental Ledger',
      slugPrefix: 'continental-ledger',
      tagline: 'Markets, policy and the European economy',
    },
    authors: ['Sophie Marchetti', 'Henrik Aaltonen', 'Lucia Ferreira', 'Anton Kessler'],
    slots: [
      { day: 1, time: '06:30' },
      { day: 3, time: '10:20' },
      { day: 5, time: '15:50' },
    ],
    leadWeights: { china: 2, eu: 3, russia: 1.5, ukraine: 1.5, usa: 2 },
    tones: {
      china: tones(0.3, 0.6, 0.1),
      eu: tones(0.55, 0.35, 0.1),
      russia: tones(0, 0.2, 0.8),
      ukraine: tones(0.7, 0.3, 0),
      usa: tones(0.3, 0.4, 0.3),
    },
    datelines: false,
  },
  {
    meta: {
      id: 'northern-wire',
      name: 'Northern Wire',
      slugPrefix: 'northern-wire',
      tagline: 'News as it breaks, from the Baltic to the Black Sea',
    },
    authors: ['Kaisa Lindqvist', 'Piotr Zawadzki', 'Ruth Adeyemi', 'Olaf Brekke'],
    slots: [
      { day: 0, time: '09:45' },
      { day: 3, time: '14:10' },
      { day: 6, time: '19:25' },
    ],
    leadWeights: { china: 2, eu: 1.5, russia: 3, ukraine: 3, usa: 1.5 },
    tones: {
      china: tones(0.1, 0.5, 0.4),
      eu: tones(0.4, 0.5, 0.1),
      russia: tones(0, 0.15, 0.85),
      ukraine: tones(0.75, 0.2, 0.05),
      usa: tones(0.25, 0.4, 0.35),
    },
    datelines: true,
  },
];

/** Name and URL prefix of each demo outlet. */
export const demoOutletsMeta: readonly DemoOutletMeta[] = OUTLET_PROFILES.map((p) => p.meta);
