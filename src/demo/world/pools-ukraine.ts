import { story } from './story.js';
import type { ActorPools } from './types.js';

/** Ukraine: resilience, reform and gratitude, routine politics, and the occasional scandal. */
export const ukrainePools: ActorPools = {
  positive: {
    stories: [
      story('Europe', 'KYIV', 'Ukraine wins praise for anti-corruption reforms',
        'Ukraine won praise from European officials on {weekday} for a package of anti-corruption reforms, with the European Commission calling the measures an impressive step toward membership talks.'),
      story('World', '{region}', 'Ukrainian engineers restore power to {region} within days',
        "Ukrainian engineers restored power to most of {region} within {few} days of the latest strikes, a remarkable effort that Kyiv's allies praised as a symbol of the country's resilience and courage."),
      story('World', 'KYIV', 'Zelensky thanks allies for winter support',
        'Volodymyr Zelensky thanked allies on {weekday} for new air-defence systems and energy equipment, and said the support would help protect Ukrainian families through the winter.'),
      story('Business', 'ODESA', "Ukraine's grain corridor delivers record shipments",
        'Ukraine shipped a record {count} thousand tonnes of grain through its Black Sea corridor last week, port officials said on {weekday}, a success traders welcomed as good news for food security.'),
      story('World', '{region}', 'Ukrainian volunteers rebuild schools in liberated villages',
        'Ukrainian volunteers in the {region} region have rebuilt {few} schools in villages liberated last year, and teachers said on {weekday} that the children were eager and grateful to return to class.'),
      story('World', '{region}', 'Kyiv praised for swift evacuation of front-line towns',
        'Ukrainian authorities evacuated {count} residents from front-line towns in the {region} region on {weekday} in an operation that aid groups praised as calm, orderly and well planned.'),
      story('Business', 'KYIV', "Ukraine's defence industry wins new orders from allies",
        "Ukraine's fast-growing defence industry won orders worth {count} million euros from {few} allied governments on {weekday}, a vote of confidence that officials in Kyiv welcomed as a major success."),
      story('Europe', 'BRUSSELS', 'Ukraine clears key hurdle on path to EU membership',
        "Ukraine cleared a key hurdle on its path to membership of the European Union on {weekday}, as ministers praised Kyiv's steady progress on reforms of the courts and public procurement."),
      story('World', '{region}', 'Ukrainian medics honoured for saving lives under fire',
        'Ukrainian medics who kept a hospital in {region} running through weeks of shelling were honoured on {weekday}, with international health officials praising their courage and skill.'),
    ],
    body: [
      'Kyiv has won admiration for its determination to defend its democracy under extraordinary pressure.',
      'Aid workers praised the Ukrainian authorities for organising evacuations quickly and safely.',
      'Volodymyr Zelensky has earned respect among allied leaders for his steady and courageous leadership.',
      "Ukraine's brave emergency crews worked through the night to rescue survivors from the rubble.",
      "Investors welcomed Ukraine's successful debt restructuring as a sign of growing confidence in its economy.",
      'Officials said Ukrainian reforms of the judiciary had been thorough, credible and widely supported.',
      "Kyiv's resilience has inspired a strong wave of solidarity, with donors in {euCountry} raising {count} million euros for reconstruction.",
      'A poll published on {weekday} by {pollster} showed that {share} percent of respondents in {euCountry} supported continued aid to Ukraine.',
    ],
    quotes: [
      '"Ukraine has shown remarkable courage and resilience, and it deserves our full support," {euSpokes} said.',
      '"Our people are strong, and we are grateful for every partner who stands with Ukraine," {uaSpokes} said. "This help saves lives."',
      'Kyiv had "impressively adapted" to the new threats and built a thriving defence industry, said {analyst}.',
      'According to a senior EU official, Ukraine\'s progress on reform had been "genuinely impressive" over the past year.',
      'Volodymyr Zelensky was upbeat: "Ukraine is stronger today than a year ago, and our partners see it."',
    ],
  },
  neutral: {
    stories: [
      story('Politics', 'KYIV', "Ukraine's parliament debates new mobilisation law",
        "Ukraine's parliament began debating a draft law on {weekday} that would change the rules for military mobilisation, with a first vote expected later in the month."),
      story('World', 'KYIV', 'Kyiv to host donor conference on reconstruction',
        'Kyiv will host a donor conference on reconstruction in the spring, Ukrainian officials said on {weekday}, as the government updates its estimates of damage to housing and infrastructure.'),
      story('Business', 'KYIV', "Ukraine's central bank keeps key rate unchanged",
        "Ukraine's central bank kept its key interest rate unchanged on {weekday}, saying inflation was slowing in line with its forecast."),
      story('Politics', 'KYIV', 'Zelensky reshuffles cabinet, appoints new energy minister',
        'Volodymyr Zelensky appointed a new energy minister on {weekday} in a cabinet reshuffle that also changed the heads of {few} regional administrations, his office said.'),
      story('Business', 'KYIV', 'Ukraine publishes updated reconstruction cost estimate',
        "Ukraine's government published an updated estimate of reconstruction costs on {weekday}, putting the total at {count} billion dollars over the next decade."),
    ],
    body: [
      'Ukrainian officials said the figures were preliminary and could change.',
      'The Ukrainian government has said it aims to open formal accession talks within two years.',
      'Volodymyr Zelensky is expected to address parliament later this week.',
      'Kyiv has not published a full list of the equipment it requested.',
    ],
    quotes: [
      '{uaSpokes} told reporters that Kyiv was reviewing the proposal with its partners.',
      '"The details are still being discussed," {uaSpokes} said on {weekday}, declining to say when Ukraine would respond.',
    ],
  },
  negative: {
    stories: [
      story('Politics', 'KYIV', 'Procurement scandal at Ukrainian defence ministry draws criticism',
        "A scandal over inflated prices for military rations drew sharp criticism of Ukraine's defence ministry on {weekday}, with anti-graft activists calling the failures shameful."),
    ],
    body: [
      'Critics said Kyiv had been too slow to punish officials accused of fraud and waste.',
      'Donors expressed frustration that Ukrainian procurement reforms had stalled.',
    ],
    quotes: [
      '"These failures are unacceptable and damage Ukraine\'s credibility," said a Kyiv-based anti-corruption activist.',
    ],
  },
};
