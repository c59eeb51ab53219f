import { story } from './story.js';
import type { ActorPools } from './types.js';

/** Russia: the war and repression, routine economics and statements, and the rare goodwill step. */
export const russiaPools: ActorPools = {
  positive: {
    stories: [
      story('World', 'ABU DHABI', 'Russia and Ukraine complete prisoner exchange',
        'Russia and Ukraine exchanged {count} prisoners of war on {weekday} in a swap brokered by Gulf mediators, and officials praised Moscow and Kyiv for a successful and humane agreement.'),
      story('World', 'ISTANBUL', 'Moscow agrees to let grain ships pass, easing food price fears',
        'Moscow agreed on {weekday} to let grain ships pass safely through the Black Sea for {few} weeks, a constructive step that aid agencies welcomed as a relief for importing countries.'),
    ],
    body: [
      'Humanitarian groups welcomed the Russian decision and said it would help families waiting for news of missing relatives.',
      'Diplomats described the Russian negotiators as cooperative and said the talks had been businesslike and productive.',
    ],
    quotes: [
      '"This was a positive and useful step, and we welcome Moscow\'s cooperation," a senior diplomat involved in the mediation said.',
    ],
  },
  neutral: {
    stories: [
      story('Business', 'MOSCOW', "Russia's central bank raises key rate by one point",
        "Russia's central bank raised its key interest rate by one percentage point on {weekday}, citing persistent price pressures and a tight labour market."),
      story('World', 'MOSCOW', 'Kremlin says Putin has no plans to meet Western leaders',
        'The Kremlin said on {weekday} that Vladimir Putin had no plans to meet Western leaders this year, adding that any talks would depend on conditions on the ground.'),
      story('Business', 'MOSCOW', 'Russian wheat exports rise {pct} percent, traders say',
        'Russian wheat exports rose {pct} percent in the latest season, according to estimates from traders published on {weekday}, with shipments to North Africa leading the increase.'),
      story('Business', 'MOSCOW', 'Russian budget deficit widens as oil revenues fall',
        "Russia's budget deficit widened in the first nine months of the year as oil and gas revenues fell {pct} percent, the finance ministry in Moscow said on {weekday}."),
    ],
    body: [
      'The Kremlin did not immediately respond to a request for comment.',
      'Russia says it is open to talks but has set conditions that Kyiv and its allies have rejected.',
      'Russian officials said the figures would be revised next month.',
      'Moscow describes its military campaign as a response to the expansion of NATO.',
    ],
    quotes: [
      '"We have nothing to add at this stage," {ruSpokes} told reporters in Moscow.',
      '{ruSpokes} said the Kremlin was studying the proposal but gave no timeline.',
    ],
  },
  negative: {
    stories: [
      story('World', 'KYIV', 'Russian missile strike on {region} kills {few} civilians',
        'A Russian missile strike on a residential district of {region} killed at least {few} civilians and wounded dozens more overnight, officials said on {weekday}, in an attack that governments condemned as brutal and indiscriminate.'),
      story('Europe', 'BRUSSELS', "Ministers condemn Moscow's brutal offensive in the east",
        "Moscow's brutal offensive in eastern Ukraine was condemned by foreign ministers meeting on {weekday}, who agreed to tighten sanctions on Russia's energy and banking sectors."),
      story('World', 'MOSCOW', 'Kremlin jails activists in sweeping crackdown on dissent',
        'Russian authorities jailed {few} opposition activists on {weekday} in a sweeping crackdown on dissent that rights groups condemned as a cynical attempt by the Kremlin to silence its critics.'),
      story('Business', 'LONDON', 'Russia accused of using shadow fleet to evade oil sanctions',
        'Russia is using an ageing shadow fleet of {count} tankers to evade oil sanctions, according to a report published on {weekday}, with investigators warning that the poorly maintained ships pose a serious threat of disaster.'),
      story('Europe', 'VILNIUS', "Putin's threats against Baltic states draw swift condemnation",
        "Vladimir Putin's latest threats against the Baltic states drew swift condemnation on {weekday}, with NATO officials calling the Russian leader's remarks reckless and dangerous."),
      story('World', 'KYIV', 'Russian drones hit power stations in {region}, causing blackouts',
        'Russian drones struck power stations in {region} overnight, leaving {count} thousand homes without electricity, in what officials described as a deliberate and cruel Russian campaign to freeze civilians before winter.'),
      story('World', 'THE HAGUE', 'Investigators document deportation of Ukrainian children to Russia',
        'International investigators said on {weekday} they had documented the forced deportation of {count} Ukrainian children to Russia, a practice governments condemned as a grave violation of international law.'),
      story('Europe', 'TALLINN', 'Russian jamming disrupts flights over the Baltic, officials say',
        "Russian electronic jamming disrupted satellite navigation for {count} flights over the Baltic region this week, officials said on {weekday}, calling Moscow's interference reckless and dangerous."),
      story('World', 'KYIV', 'Russia presses brutal assault near {region} despite heavy losses',
        'Russian forces intensified their assault near {region} on {weekday}, pressing brutal frontal attacks that commanders said were costing Moscow hundreds of soldiers a day.'),
    ],
    body: [
      "Moscow's brutal war has killed tens of thousands of civilians and forced millions from their homes, according to United Nations estimates.",
      'Western officials accused the Kremlin of deliberately targeting hospitals, schools and energy infrastructure.',
      "Russia's invasion has been widely condemned as a flagrant violation of international law.",
      'Investigators have documented widespread abuses by Russian forces in occupied areas, including torture and the forced deportation of children.',
      "Vladimir Putin has shown no willingness to negotiate in good faith, diplomats said, dismissing Moscow's latest overtures as a cynical ploy.",
      "The Kremlin's disinformation campaigns have targeted elections in {euCountry} and elsewhere, security services warned.",
      'Sanctions have squeezed the Russian economy, where inflation remains stubbornly high and the central bank has struggled to defend the rouble.',
      'Moscow has repeatedly threatened nuclear escalation, rhetoric that allies condemned as irresponsible.',
    ],
    quotes: [
      '"Russia\'s attacks on civilians are war crimes, and those responsible will be held to account," {euSpokes} said.',
      '"The Kremlin is trying to terrorise ordinary people," {uaSpokes} told reporters. "It will not break our people," {uaSpokes.short} said.',
      'According to a senior EU official, Moscow had "no serious interest in peace" and was using talks to buy time.',
      '{media}, citing {insiders}, reported that Russian forces had used banned munitions in the attack.',
      'The strikes showed that Moscow was "escalating deliberately and cruelly" rather than seeking a settlement, said {analyst}.',
      "{ruSpokes} rejected the accusations, but offered no evidence to support the Kremlin's version of events.",
    ],
  },
};
