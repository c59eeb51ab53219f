import { describe, expect, it } from 'vitest';
import { FRAMES, analyze, type Actor, type Frame } from '../../src/nlp/index.js';
import { frameShares } from '../../src/nlp/frames.js';
import { loadSeed, seedPresent } from '../../scripts/attribution/seed.js';

// Sentences written for these tests (docs/frames.md describes the frames and the lexicon).
// EXAMPLES were used to find gaps in the lexicon; HELD_OUT were written after the lexicon was
// revised and were not used to change it.

const ACTORS: Actor[] = [
  { id: 'china', name: 'China', kind: 'country', aliases: ['Beijing'], demonyms: ['Chinese'] },
  { id: 'russia', name: 'Russia', kind: 'country', aliases: ['Moscow'], demonyms: ['Russian'] },
  { id: 'ukraine', name: 'Ukraine', kind: 'country', aliases: ['Kyiv'], demonyms: ['Ukrainian'] },
  { id: 'eu', name: 'European Union', kind: 'organization', aliases: ['EU', 'Brussels'], demonyms: ['European'] },
  { id: 'xi-jinping', name: 'Xi Jinping', kind: 'person', aliases: [], demonyms: [], affiliation: 'china' },
];

const EXAMPLES: Record<Frame, string[]> = {
  diplomacy: [
    'China and the EU agreed to hold a summit in Brussels next spring.',
    'Russia recalled its ambassador after the row over the embassy closure.',
    'Foreign ministers from China and Brazil signed a memorandum of understanding on joint research.',
    'The EU sent an envoy to Beijing to restart stalled negotiations.',
    'Ukraine thanked its partners for their continued cooperation.',
    'Xi Jinping hosted the Brazilian president for a state visit.',
  ],
  economy: [
    "China's exports rose 8 percent in October, the customs agency said.",
    'The EU imposed duties of up to 35 percent on Chinese electric vehicles.',
    "Russia's central bank raised interest rates to 21 percent to tame inflation.",
    'Chinese carmakers are building factories in Hungary to serve European buyers.',
    "Ukraine's grain shipments through the Black Sea recovered in the summer.",
    'The United States blocked the sale of advanced chips to China.',
  ],
  security: [
    'NATO warned that Russia could threaten the Baltic states within five years.',
    'Chinese warships sailed through the Taiwan Strait on Monday.',
    'The EU said Russian hackers targeted its election systems.',
    'Russia deployed tactical nuclear weapons to Belarus.',
    'A US intelligence report described China as the top long-term threat.',
    'Russia test-fired a new intercontinental ballistic missile.',
  ],
  conflict: [
    'Russian forces shelled Kharkiv overnight, killing three people.',
    'Ukraine launched a counteroffensive near Zaporizhzhia.',
    "Russia's invasion of Ukraine is entering its fourth year.",
    'Heavy fighting continued around Bakhmut as Russia pressed its assault.',
    'Ukraine shot down 40 Russian drones overnight.',
    'Ukraine and Russia agreed to a prisoner exchange and a ceasefire over Easter.',
  ],
  law: [
    "The International Criminal Court issued an arrest warrant over Russia's deportation of children.",
    'The EU adopted a 14th package of sanctions against Russia.',
    "A WTO panel ruled that China's export restrictions broke trade rules.",
    'Ukraine accused Russia of breaching the Geneva Conventions.',
    "China said the arbitration award on the South China Sea had no legal force.",
    "Rights groups said China's detention of Uyghurs amounts to crimes against humanity.",
  ],
  humanitarian: [
    'The EU pledged 50 million euros in emergency aid for Ukraine.',
    'Thousands of refugees fled Ukraine into Poland.',
    'Russian strikes cut power to millions of civilians in Ukraine.',
    'China sent rescue teams and tents after the earthquake in Nepal.',
    "The UN said Russia's blockade left millions facing food shortages.",
    'Ukraine evacuated children from frontline villages.',
  ],
  'domestic-politics': [
    'Russia will hold presidential elections in March.',
    "China's Communist Party opened its congress in Beijing.",
    'The EU parliament approved the new commission by a narrow margin.',
    "Ukraine's opposition accused the government of postponing the vote.",
    'Xi Jinping purged two defence ministers in an anti-corruption campaign.',
    'Protesters in Moscow were detained for opposing the mobilisation.',
  ],
};

const NO_FRAME = [
  "China's giant pandas arrived at the zoo in Madrid.",
  'Russia won the ice hockey final on Sunday.',
  'Heavy snow fell across northern China over the weekend.',
  'The EU celebrated the anniversary of its founding with concerts across the continent.',
  "Ukraine's entry won the song contest in Liverpool.",
  'Chinese astronomers photographed a distant galaxy.',
];

const HELD_OUT: Record<Frame, string[]> = {
  diplomacy: [
    'Beijing and Moscow pledged to deepen ties during a three-day trip by the Russian foreign minister.',
    'The EU and China resumed their human rights dialogue after a two-year pause.',
    'Ukraine opened a new embassy in Manila as part of its outreach to Asia.',
  ],
  economy: [
    'Russian oil revenues fell sharply after the price cap took effect.',
    'China cut the reserve requirement ratio for banks to spur lending.',
    'European solar panel makers say cheap Chinese imports are driving them out of business.',
  ],
  security: [
    'Russia moved Iskander launchers closer to the Finnish border.',
    'The EU agreed to spend more on air defence and ammunition stockpiles.',
    'Chinese coast guard vessels used water cannon against a Philippine boat.',
    'Moscow is accused of running a sabotage campaign against European railways.',
  ],
  conflict: [
    'Russian troops advanced two kilometres west of Avdiivka.',
    'Ukraine struck an oil refinery deep inside Russia with long-range drones.',
    'Kyiv said Russia had lost more than 1,000 soldiers in a single day of fighting.',
  ],
  law: [
    'The EU court annulled sanctions on two Russian businessmen.',
    'China passed a law allowing its coast guard to fire on foreign ships.',
    'Ukraine asked the International Court of Justice to rule on the genocide allegations against Russia.',
    'Prosecutors in Germany charged three men with spying for China.',
  ],
  humanitarian: [
    'Ukraine said Russia had taken thousands of children to camps inside Russia.',
    'China airlifted medicine and blankets to the flood-hit province.',
    'Aid agencies said Russian shelling had left the city without water for a week.',
  ],
  'domestic-politics': [
    'Ukraine postponed its presidential election because of martial law.',
    'Russian authorities barred an anti-war candidate from the ballot.',
    "China's premier told the National People's Congress that the growth target was 5 percent.",
    'EU lawmakers from the far right gained seats in the European Parliament.',
  ],
};

const HELD_OUT_NO_FRAME = [
  "China's national football team lost to Japan.",
  'Russian ballet dancers performed Swan Lake in Paris.',
  'Ukraine celebrated the birthday of its most famous poet.',
  'A Chinese film won the top prize at the festival.',
];

/** Held-out sentences the lexicon misses today, with why; move one up when it starts to pass. */
const KNOWN_MISSES: ReadonlyArray<readonly [Frame, string, string]> = [
  ['diplomacy', 'Xi Jinping welcomed the French president with a military parade and a banquet.', 'a ceremonial welcome names no visit, talks or relation'],
  ['economy', 'Ukraine expects its harvest to shrink because farmland near the front is mined.', 'agriculture (harvest, farmland) is not in the lexicon yet'],
  ['conflict', 'Russia and Ukraine traded accusations after the dam was blown up.', 'destruction without a war word ("blown up", "dam")'],
  ['humanitarian', 'The EU is struggling to house the four million Ukrainians who fled the war.', 'displacement told by a verb ("fled", "house") rather than "refugees"'],
];

/** The frames of every mention in `text`, each mention's list as the analysis gives it. */
function mentionFrames(text: string): Frame[][] {
  const analysis = analyze(text, ACTORS);
  const lists = analysis.actors.flatMap((a) => a.mentions.map((m) => m.frames));
  expect(lists.length, `no actor mention in "${text}"`).toBeGreaterThan(0);
  return lists;
}

const cases = (examples: Record<Frame, string[]>) =>
  FRAMES.flatMap((frame) => examples[frame].map((text) => [frame, text] as const));

describe('frames of our example sentences', () => {
  it('has at least four examples per frame', () => {
    for (const frame of FRAMES) expect(EXAMPLES[frame].length + HELD_OUT[frame].length).toBeGreaterThanOrEqual(4);
  });

  it.each(cases(EXAMPLES))('%s: %s', (frame, text) => {
    for (const frames of mentionFrames(text)) expect(frames).toContain(frame);
  });

  it.each(cases(HELD_OUT))('held out, %s: %s', (frame, text) => {
    for (const frames of mentionFrames(text)) expect(frames).toContain(frame);
  });

  it.each([...NO_FRAME, ...HELD_OUT_NO_FRAME])('no frame: %s', (text) => {
    for (const frames of mentionFrames(text)) expect(frames).toEqual([]);
  });

  it.each(KNOWN_MISSES)('known miss, %s: %s (%s)', (frame, text) => {
    for (const frames of mentionFrames(text)) expect(frames).not.toContain(frame);
  });
});

describe('frames per mention and per actor', () => {
  it('gives each mention the frames of its own sentence', () => {
    const text = 'Russia and China signed a trade agreement. Russian troops shelled Kharkiv.';
    const russia = analyze(text, ACTORS).actors.find((a) => a.id === 'russia')!;
    expect(russia.mentions.map((m) => m.frames)).toEqual([
      ['diplomacy', 'economy'],
      ['security', 'conflict'],
    ]);
    expect(russia.frames).toEqual({ diplomacy: 0.5, economy: 0.5, security: 0.5, conflict: 0.5 });
  });

  it('reads British spellings and split hyphenated cues as wink tokenises them', () => {
    // wink's normal form is "dialog", "defense"; "rules-based" is three tokens.
    expect(mentionFrames('China called for dialogue.')).toEqual([['diplomacy']]);
    expect(mentionFrames('The EU raised its defence budget.')).toEqual([['economy', 'security']]);
    expect(mentionFrames('Russia is challenging the rules-based order.')).toEqual([['security', 'law']]);
  });

  it('computes frame shares over mentions, leaving unseen frames out', () => {
    expect(frameShares([['law'], ['law', 'economy'], []])).toEqual({ law: 0.6667, economy: 0.3333 });
    expect(frameShares([])).toEqual({});
  });
});

describe.skipIf(!seedPresent())('frames of the seed article (skipped: ../shared/data/seed is absent)', () => {
  it('presents China in diplomacy and economy and Russia in security (the seed\'s should items)', () => {
    const { text, actors } = loadSeed();
    const byId = new Map(analyze(text, actors).actors.map((a) => [a.id, a.frames]));
    expect(Object.keys(byId.get('china') ?? {})).toEqual(expect.arrayContaining(['diplomacy', 'economy']));
    expect(Object.keys(byId.get('russia') ?? {})).toContain('security');
  });
});
