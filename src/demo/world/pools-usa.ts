import { story } from './story.js';
import type { ActorPools } from './types.js';

/** The United States: leadership and aid, routine policy, and erratic tariffs and delays. */
export const usaPools: ActorPools = {
  positive: {
    stories: [
      story('World', 'WASHINGTON', 'U.S. announces new air-defence aid package',
        'The United States announced a new package of air-defence aid worth {count} million dollars on {weekday}, support that allied officials warmly welcomed as timely and vital.'),
      story('Business', 'WASHINGTON', 'Washington and Brussels agree to cut tariffs on {sector}',
        'Washington agreed on {weekday} to lower tariffs on {sector} from Europe, a deal that business groups on both sides of the Atlantic welcomed as a constructive step toward easing trade tensions.'),
      story('World', 'NAIROBI', 'U.S. praised for leading humanitarian airlift',
        'The United States won praise from aid agencies on {weekday} for organising an airlift of food and medicine to communities cut off by flooding in East Africa.'),
      story('World', 'WASHINGTON', 'U.S. helps secure release of detained aid workers',
        'American diplomats helped secure the release of {few} detained aid workers on {weekday}, and humanitarian groups thanked the United States for its patient and effective efforts.'),
    ],
    body: [
      'Allies praised Washington for its strong leadership in coordinating military support.',
      'American diplomats were credited with helping to secure the agreement after weeks of patient negotiation.',
      'The U.S. economy has remained resilient, with employers adding jobs at a steady pace and inflation easing.',
      'Officials welcomed the American commitment as a reliable and timely boost.',
    ],
    quotes: [
      '"The United States has been a steadfast partner, and this support will save lives," {uaSpokes} said.',
      '{usSpokes} told reporters that Washington was proud to stand with its allies and would continue its support.',
      'According to a senior EU official, the American negotiators had been "constructive and generous" in the final hours.',
    ],
  },
  neutral: {
    stories: [
      story('Business', 'WASHINGTON', 'U.S. Federal Reserve holds rates steady',
        'The U.S. Federal Reserve left interest rates unchanged on {weekday}, saying it would watch incoming data on jobs and inflation before its next move.'),
      story('World', 'WASHINGTON', 'U.S. envoy to visit Brussels and Kyiv next week',
        'A senior U.S. envoy will visit Brussels and Kyiv next week for talks on security assistance and reconstruction, the State Department said on {weekday}.'),
      story('Business', 'WASHINGTON', 'Washington reviews tariffs on imported {sector}',
        'Washington has begun a review of tariffs on imported {sector}, the U.S. Trade Representative said on {weekday}, with public hearings scheduled for next month.'),
      story('Politics', 'WASHINGTON', 'U.S. Senate committee advances foreign aid bill',
        'A U.S. Senate committee advanced a foreign aid bill on {weekday}, sending it to the full chamber, where a vote is expected next month.'),
    ],
    body: [
      'The U.S. State Department did not give details of the agenda.',
      'U.S. officials said a decision on the request was expected within weeks.',
      'The U.S. Congress has yet to approve funding for the next stage of the programme.',
      'American and European negotiators are due to meet again in {venue} next month.',
    ],
    quotes: [
      '"We are consulting closely with our partners," {usSpokes} said of the American position.',
      '{usSpokes} told reporters that the United States would announce its decision after the review.',
    ],
  },
  negative: {
    stories: [
      story('Business', 'BRUSSELS', 'U.S. tariff threat criticised as damaging and unfair',
        "A U.S. threat to impose new tariffs on {sector} was criticised on {weekday} by trade officials, who called Washington's plan damaging, unfair and harmful to workers on both sides of the Atlantic."),
      story('World', 'WASHINGTON', 'U.S. aid delays anger allies',
        "Delays in U.S. military aid drew sharp criticism from allies on {weekday}, with officials warning that Washington's political gridlock was costing lives on the front line."),
      story('Business', 'WASHINGTON', "Washington's surprise sanctions move frustrates partners",
        "Washington's surprise decision to impose sanctions on {count} foreign banks without consulting partners caused confusion and frustration on {weekday}, officials said."),
      story('World', 'WASHINGTON', 'U.S. criticised for cutting funding to UN food agency',
        "The United States was sharply criticised on {weekday} for cutting its funding to the UN food agency, with aid groups warning that Washington's decision would leave millions hungry."),
    ],
    body: [
      "Critics said Washington's erratic trade policy had damaged trust and created costly uncertainty for businesses.",
      'Partners complained that American officials had failed to consult them before announcing the measures.',
      'Political gridlock in the U.S. Congress has repeatedly delayed funding, a failure allies described as deeply frustrating.',
      'Economists warned that the American tariffs would raise prices and hurt exporters in {euCountry}.',
    ],
    quotes: [
      '"Washington\'s approach is unpredictable and harmful," said {analyst}. "Allies are tired of being surprised."',
      'According to a senior EU official, the American decision was "a serious mistake" that would hurt both economies.',
    ],
  },
};
