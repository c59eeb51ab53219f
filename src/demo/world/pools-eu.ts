import { story } from './story.js';
import type { ActorPools } from './types.js';

/** The European Union: effective support, routine policy, and red tape and backlash. */
export const euPools: ActorPools = {
  positive: {
    stories: [
      story('Europe', 'BRUSSELS', 'EU agrees {bn} billion euro support package for Ukraine',
        'European Union leaders agreed on {weekday} a new support package worth {bn} billion euros for Ukraine, a decision Kyiv welcomed as a powerful show of solidarity ahead of the winter.'),
      story('Business', 'BRUSSELS', 'Von der Leyen wins praise for landmark trade agreement',
        'Ursula von der Leyen won broad praise on {weekday} after the European Commission concluded a long-awaited trade agreement that business groups called a major success for exporters of {sector}.'),
      story('Business', 'BRUSSELS', 'EU clean energy fund hailed as success as investment surges',
        "The European Union's clean energy fund has attracted {bn} billion euros of private investment in its first year, the European Commission said on {weekday}, a result industry groups hailed as a remarkable success."),
      story('Europe', '{euCity}', 'Brussels approves fast emergency aid for flood-hit {euCountry}',
        'Brussels approved {count} million euros in emergency support for flood-hit regions of {euCountry} on {weekday}, and local mayors thanked the European Union for its fast and generous response.'),
      story('Europe', 'BRUSSELS', "Allies praise EU's united stand on new sanctions",
        "The European Union's swift agreement on a new round of sanctions won praise from allies on {weekday}, with diplomats calling the bloc's unity impressive and its measures well designed."),
      story('Business', 'BRUSSELS', 'Consumers welcome EU deal to cap card fees',
        'Consumer groups welcomed an EU agreement on {weekday} to cap card payment fees, calling it a practical win that would save households {count} million euros a year.'),
      story('Europe', 'BRUSSELS', 'Von der Leyen praised as gas storage fills ahead of winter',
        'Ursula von der Leyen was praised by energy ministers on {weekday} after the European Commission confirmed that gas storage was almost full weeks ahead of schedule, a success that eased fears of winter shortages.'),
      story('Europe', '{euCity}', 'EU mediation ends standoff over grain transit',
        "European Union mediation helped end a long standoff over grain transit on {weekday}, and farmers' groups and governments alike praised Brussels for a fair and workable compromise."),
    ],
    body: [
      'Diplomats praised the European Commission for steering the talks to a successful conclusion despite a crowded agenda.',
      'The agreement was welcomed in national capitals as proof that the European Union can act quickly and decisively when it matters.',
      'Ursula von der Leyen said the decision reflected a strong and lasting commitment, and several leaders praised her steady leadership.',
      "Economists said EU single market rules had helped firms in {euCountry} weather the slowdown, calling the bloc's approach prudent and effective.",
      'Brussels has won credit from aid agencies for fast, well-organised support to communities hit by the summer floods.',
      'European officials said the plan would strengthen supply chains for {sector} and create thousands of good jobs.',
      'The European Parliament backed the proposal by a wide margin, a result its supporters welcomed as a victory for cooperation.',
      'A poll published on {weekday} by {pollster} showed that {share} percent of respondents trusted the European Union to handle the energy transition well.',
    ],
    quotes: [
      '"This is a good day for Europe and a strong signal of unity," Ursula von der Leyen told reporters in Brussels.',
      '"Brussels delivered exactly what we asked for, and it delivered it quickly," said the mayor of a flood-hit town in {euCountry}.',
      '{euSpokes} said the European Union was proud of the result and grateful to member states for their support.',
      'According to a senior diplomat from {euCountry}, the European Commission had been "exceptionally effective" in holding the coalition together.',
      'The EU had "shown real leadership" and investors would welcome the decision, said {analyst}.',
    ],
  },
  neutral: {
    stories: [
      story('Europe', '{euCity}', 'EU finance ministers to discuss budget rules in {euCity}',
        'European Union finance ministers will meet in {euCity} on {weekday} to discuss changes to budget rules, according to an agenda published by the Council.'),
      story('Business', 'BRUSSELS', 'European Commission proposes reporting rules for imports of {sector}',
        'The European Commission proposed rules on {weekday} that would require importers of {sector} to report the origin of key components, according to a draft published on its website.'),
      story('Business', 'LUXEMBOURG', 'Euro zone inflation eases to {pct} percent',
        "Inflation in the euro zone eased to {pct} percent, the European Union's statistics office said on {weekday}, as energy prices fell and services inflation held steady."),
      story('Europe', 'BRUSSELS', 'Brussels opens consultation on digital services rules',
        'Brussels opened a public consultation on {weekday} on changes to its digital services rules, inviting comments from companies and civil society groups until the end of the year.'),
      story('Europe', 'STRASBOURG', 'European Parliament debates new migration rules',
        'The European Parliament began debating a package of migration rules on {weekday}, with a final vote expected before the end of the year.'),
      story('Business', 'FRANKFURT', 'ECB leaves rates unchanged as EU growth stays slow',
        "The European Central Bank left interest rates unchanged on {weekday}, as figures from the European Union's statistics office showed the economy growing slowly."),
    ],
    body: [
      'The European Commission is expected to publish a detailed proposal before the end of the year.',
      'EU governments remain divided over how to finance the plan, diplomats said.',
      'The proposal needs the approval of member states and the European Parliament before it can take effect.',
      'A spokesperson for the European Commission declined to comment on the details.',
      'Ursula von der Leyen is due to present the plan to EU leaders at a summit in Brussels next month.',
      'The European Union imported goods worth {bn} billion euros from the region last year, according to official figures.',
    ],
    quotes: [
      '"The EU is looking at all the options," {euSpokes} said. "A decision will be taken in due course," {euSpokes.short} added.',
      '{euSpokes} told reporters that the European Commission would assess the request carefully.',
      '{media}, citing {insiders}, reported that EU ambassadors would discuss the text again on {weekday}.',
    ],
  },
  negative: {
    stories: [
      story('Europe', 'BRUSSELS', 'EU criticised over slow delivery of promised ammunition',
        'The European Union came under sharp criticism on {weekday} for failing to deliver ammunition it had promised, with auditors calling the programme slow, chaotic and badly managed.'),
      story('Europe', '{euCity}', 'Brussels faces angry backlash from farmers over trade deal',
        'Brussels faced an angry backlash on {weekday} as farmers blocked roads in {euCountry} to protest against a trade deal they said was unfair and would ruin small producers.'),
      story('Business', 'LUXEMBOURG', 'Auditors fault European Commission over wasteful recovery spending',
        'EU auditors faulted the European Commission on {weekday} for wasteful and poorly controlled recovery spending, saying {pct} percent of the payments they examined should never have been made.'),
      story('Europe', 'BRUSSELS', 'EU summit ends in bitter deadlock over budget',
        'An EU summit ended in bitter deadlock on {weekday}, with leaders blaming the European Commission for a poorly prepared budget plan that several governments called unrealistic.'),
    ],
    body: [
      'Critics said the European Commission had been slow and bureaucratic, and accused officials of ignoring warnings.',
      'Farm unions accused Brussels of betraying rural communities and demanded that the deal be scrapped.',
      'EU auditors said {pct} percent of the payments they examined contained errors, a finding lawmakers called embarrassing.',
      "Several governments complained that the European Union's new rules were confusing, costly and poorly designed.",
    ],
    quotes: [
      '"Brussels is out of touch with the people who actually grow our food," said the head of a farmers\' union in {euCountry}.',
      'According to a senior official from {euCountry}, the European Commission\'s handling of the file had been "a mess from start to finish."',
    ],
  },
};
