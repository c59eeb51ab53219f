// Word lists of the proper-noun phrase chunker and its kind guess. Lowercase; matched against a
// token's lowercase value. They describe English news copy, not any particular actor: there is no
// gazetteer, so a kind comes from how a name is written and what stands around it.

const set = (words: string): ReadonlySet<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Words that stand before a person's name and are not part of it ("President", "Mr."). */
export const TITLES = set(`
  president presidents vice-president minister ministers secretary secretary-general chancellor
  premier spokesman spokeswoman spokesperson ambassador envoy senator sen. sen governor mayor general
  gen. gen admiral adm. king queen prince princess pope sheikh emir sultan crown commissioner
  chairman chairwoman chair director ceo mr. mr mrs. mrs ms. ms dr. dr prof. prof professor rep.
  representative judge leader lawmaker deputy colonel col. lt. lieutenant sgt. sergeant captain
  capt. archbishop cardinal rabbi imam ayatollah commander marshal mp mep congressman congresswoman
  speaker diplomat economist analyst candidate chief head president-elect sir dame
`);

/** Honorifics: the name after them is a person's, whatever else the context says. */
export const HONORIFICS = set('mr. mr mrs. mrs ms. ms dr. dr prof. sir dame sen. rep. gen. col. lt. sgt. capt. adm.');

/**
 * Words that qualify a title ("Foreign Minister", "Former Prime Minister", "Deputy Secretary")
 * and are dropped with it, so "Chinese Foreign Minister Wang Yi" leaves "Chinese" and "Wang Yi".
 */
export const TITLE_MODIFIERS = set(`
  foreign prime deputy vice defence defense finance trade interior economy economic health energy
  former acting chief senior executive state first attorney home justice labour labor education
  environment agriculture transport culture opposition supreme grand junior assistant under
  permanent top then late outgoing incoming interim general managing
`);

/** Words about a person's tenure, dropped at the head of a phrase ("Former U.S." -> "U.S."). */
export const TENURE = set('former acting then late outgoing incoming interim ex');

/** Heads of organisation names ("Ministry of ...", "... Party", "... Bank"). */
export const ORG_WORDS = set(`
  ministry ministries agency agencies council party parties bank banks commission organization
  organisation fund union committee court tribunal parliament congress senate assembly institute
  university college corporation corp. corp inc. inc ltd. ltd plc group company co. association
  federation office department service authority board bureau army forces navy police front
  movement alliance coalition network foundation trust society club league church ministry
  government administration cabinet secretariat directorate command guard guards brigade
  battalion corps reserve exchange holdings industries airlines airways motors media news times
  post herald journal telegraph tribune gazette press broadcasting television radio agency
  programme program initiative forum summit conference caucus bloc consortium cartel
  nations emirate emirates wire capital partners economics consulting research analytics
  securities investments ventures advisors advisers institute labs
`);

/** Heads of place names ("Gulf of ...", "... Province", "... Sea"). */
export const PLACE_WORDS = set(`
  city province region republic island islands sea ocean river mountains mountain strait gulf
  valley county kingdom oblast district peninsula bay lake desert coast border state states
  territory territories village town square street avenue road airport port harbour
  harbor bridge canal plateau basin delta highlands lowlands heights hills strip
`);

/** Prepositions after which a name is more often a place ("in Tbilisi", "from Kazakhstan"). */
export const PLACE_PREPOSITIONS = set('in from to near across into throughout around outside inside via toward towards within between');

/** Lowercase nouns that make the name before them an organisation ("the Georgian Dream party"). */
export const ORG_FOLLOWERS = set('party government ministry agency group company bank council movement alliance coalition militia army parliament newspaper outlet network firm');

/** Lowercase nouns that make the name before them a place ("the Donbas region"). */
export const PLACE_FOLLOWERS = set('region province city town village capital border coast port island area district county state');

/** Lowercase words that join two capitalised parts of one name. */
export const NAME_PARTICLES = set('von van der den de del della di da du des la le bin ibn al el ter ten dos das y');

/** Joins only when the left part names an institution, title or place ("Bank of England"). */
export const OF_JOINS = set('of for on');

/**
 * Capitalised words that are not names though wink may tag them PROPN: days, months, sentence
 * adverbs, and words that head a sentence in news copy.
 */
export const NOT_NAMES = set(`
  monday tuesday wednesday thursday friday saturday sunday january february march april may june
  july august september october november december yesterday today tomorrow tonight meanwhile
  however moreover furthermore nevertheless also still but and or the a an this that these those
  his her their its our my your he she they we it i you officials official protesters critics
  analysts experts residents people police troops soldiers sources according asked earlier later
  last next after before since when while if as in on at for with by of from to despite amid
  under over during following instead indeed yet so then there here what which who whom whose
  why how where no not one two three several many some most all both each every other another
  such only even just already again now mr mrs ms dr
  breaking update updated exclusive analysis opinion editorial read watch photo video
`);
