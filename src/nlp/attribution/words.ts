const set = (words: string) => new Set(words.split(/\s+/).filter((w) => w.length > 0));

/** Personal pronouns that can be a source as written ("he said"), with what they can refer to. */
export const PRONOUNS: ReadonlyMap<string, 'he' | 'she' | 'they' | 'it' | 'speaker' | 'who'> =
  new Map([
    ['he', 'he'],
    ['she', 'she'],
    ['they', 'they'],
    ['it', 'it'],
    ['we', 'speaker'],
    ['i', 'speaker'],
    ['who', 'who'],
  ]);

/** Determiners that make a following word a noun ("the report", "his claims"), never a verb. */
export const NOUN_MARKERS = set(
  'the a an this that these those his her its their our my your whose every each no',
);

/** Honorifics and titles that precede a person's name and are not part of it. */
export const TITLES = set(`
  mr mr. mrs mrs. ms ms. dr dr. prof prof. sen sen. rep rep. gov gov. gen gen. lt lt. col col. adm
  adm. sgt sgt. st st. rev rev. president vice prime minister secretary chancellor premier senator
  representative congressman congresswoman governor mayor ambassador envoy spokesman spokeswoman
  spokesperson chairman chairwoman chair director chief commissioner judge justice general admiral
  colonel commander king queen prince princess pope sheikh emir foreign defense defence interior
  finance economy trade deputy acting former late then-president leader speaker state senate house
  majority minority executive ceo founder head lawyer attorney professor analyst economist
  constituent candidate nominee lawmaker official aide adviser advisor counsel commentator host
  anchor author`);

/** Head nouns of a source that is one person. */
export const PERSON_HEADS = set(`
  president minister secretary chancellor premier senator sen. representative congressman
  congresswoman governor mayor ambassador envoy chairman chairwoman chair director chief
  commissioner judge justice general admiral colonel commander officer king queen prince princess
  pope sheikh emir deputy leader speaker executive ceo founder lawyer attorney professor analyst
  economist expert researcher scientist candidate nominee lawmaker legislator activist farmer
  resident voter man woman mother father son daughter wife husband author journalist reporter
  editor columnist host anchor citizen student teacher doctor worker member head counterpart rival
  critic supporter opponent strategist pollster prosecutor investigator inspector negotiator
  delegate manager owner adviser advisor consultant counsel commentator historian observer coach
  player chief-of-staff diplomat official friend neighbor neighbour relative witness suspect
  victim defendant plaintiff officer detective sheriff deputy trooper firefighter nurse physician
  surgeon patient survivor owner customer employee chef artist singer actor`);

/** Head nouns of an unnamed source ("a senior official", "people familiar with the matter"). */
export const ANONYMOUS_HEADS = set(`
  official officials source sources diplomat diplomats aide aides insider insiders person people
  someone spokesperson spokesman spokeswoman individual individuals figure figures`);

/** Words that make an otherwise named-looking source anonymous. */
export const ANONYMOUS_MARKERS = set(
  'unnamed anonymous unidentified familiar briefed knowledgeable close',
);

/** Head nouns of institutions. */
export const ORGANIZATION_HEADS = set(`
  ministry government administration department agency commission council committee parliament
  congress senate house cabinet office embassy consulate party campaign company firm corporation
  group bank court police army military navy union federation organization organisation
  association institute foundation university side regulator board bureau service team coalition
  alliance bloc delegation presidency kremlin pentagon authority authorities prosecutors
  secretariat assembly legislature tribunal watchdog operator airline manufacturer maker carmaker
  automaker producer exchange fund charity court-house network-operator club school hospital city
  state country nation republic kingdom province region municipality commune county states
  countries nations league center centre centers centres clinic network-operator governments
  capitals member-states`);

/** Head nouns of news media. */
export const MEDIA_HEADS = set(`
  newspaper paper daily weekly broadcaster network channel magazine outlet tabloid website site
  wire station television radio media press newswire publication journal program programme`);

/** News organisations often cited by name (lowercased, space-separated words). */
export const MEDIA_NAMES: readonly string[] = `
  news agency|tass|ria novosti|ria|interfax|xinhua|reuters|ap|associated press|afp|agence france-
  presse|bloomberg|cnn|bbc| nbc|abc|cbs|fox
  news|fox|msnbc|npr|pbs|politico|axios|yle|anadolu|kyodo|yonhap|dpa|efe|ansa|nhk|cctv|cgtn|
  rt|sputnik|global times|people's daily|new york times|washington post|wall street
  journal|financial times| guardian|the times|der spiegel|spiegel|le
  monde|economist|breitbart|huffington post|usa today|al jazeera|
  kommersant|izvestia|vedomosti|pravda|tagesschau|handelsblatt|south china morning
  post|nikkei|axel springer| the hill|cnbc|sky news|euronews|politico europe|the atlantic|new
  yorker|time magazine|newsweek|vox|semafor`
  .split('|')
  .map((n) => n.trim())
  .filter((n) => n.length > 0);

/** Head nouns of a document, study or data source ("polls show", "the report found"). */
export const DOCUMENT_HEADS = set(`
  poll polls survey surveys study studies report reports data figures statistics stats analysis
  analyses research document documents memo memorandum letter letters statement statements filing
  filings records record results findings finding census index assessment review audit email
  emails footage video videos images photos pictures draft ruling decision bill law resolution
  treaty manifesto platform transcript tally estimates estimate projections forecast numbers
  evidence investigation inquiry probe paper papers papers. minutes communique communiqué
  declaration note notes post tweet tweets cable cables dossier indictment complaint lawsuit suit
  book article op-ed editorial column essay speech testimony interview message messages
  presentation slides filing survey-data model models projection chart graph map photo photograph
  recording audio`);

/** Head nouns (plural or collective) of groups of people. */
export const GROUP_HEADS = set(`
  voters residents people protesters demonstrators critics experts analysts economists observers
  supporters opponents democrats republicans conservatives liberals progressives americans
  europeans citizens workers farmers students parents leaders lawmakers legislators senators
  members participants organizers organisers traders investors scientists researchers activists
  environmentalists campaigners groups allies neighbours neighbors respondents adults women men
  veterans families executives diplomats officials doctors teachers lawyers judges many most some
  others majority percent half third quarter both all several few thousands hundreds dozens public
  crowd audience delegates negotiators scholars historians commentators pundits bankers businesses
  donors partners skeptics sceptics tens backers proponents advocates defenders detractors fans
  followers`);

/**
 * Nouns that end a "NOUN saying …" frame whose speaker is the subject ("issued a statement
 * saying").
 */
export const MESSAGE_NOUNS = set(
  'statement letter note message post tweet video communique communiqué release memo email report response',
);

/** Time words that may stand between a cue and its source or content ("said Tuesday"). */
export const TIME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday yesterday today tonight earlier later
  recently again also repeatedly previously once then now already still meanwhile last this next
  week weekend month year weeks months years decades days hours minutes morning afternoon evening
  night day late early privately publicly separately jan jan. feb feb. march april may june july
  aug aug. sept sept. oct oct. nov nov. dec dec. january february august september october
  november december`);

/** Adverbs and auxiliaries kept in a cue span in front of the verb ("has also said"). */
export const CUE_PREFIX = set(`
  has have had also later previously repeatedly recently once again still already often publicly
  privately reportedly would will could should might may can did does do not n't never just then
  further even only explicitly openly flatly firmly strongly sharply quickly immediately angrily
  bluntly`);

/** Words that open a clause, so a noun phrase after them can be a subject. */
export const CLAUSE_OPENERS = set(`
  and but or nor so yet while whereas although though because since as when after before if unless
  that where whether until once however meanwhile instead still also then now earlier later
  moreover indeed besides`);

/**
 * Participles and adjectives that may continue a source noun phrase ("a survey released in
 * April").
 */
export const POSTMODIFIERS = set(`
  released published conducted seen obtained commissioned compiled analyzed analysed reviewed
  prepared issued familiar briefed close based involved cited quoted led run funded backed`);

/**
 * Prepositions that may continue a source noun phrase ("officials in Brussels", "the ambassador to
 * NATO").
 */
export const SOURCE_PREPOSITIONS = set('of for at in from with on to by within inside');

/** Countries and regions often quoted as speakers ("France said"), lowercased. */
export const PLACES = set(`
  china russia ukraine france germany britain italy spain poland hungary austria sweden finland
  norway denmark netherlands belgium greece turkey iran iraq israel egypt syria lebanon jordan
  saudi qatar japan korea india pakistan afghanistan canada mexico brazil argentina australia
  taiwan vietnam indonesia philippines georgia armenia azerbaijan belarus moldova serbia romania
  bulgaria czechia slovakia estonia latvia lithuania ireland portugal switzerland nigeria kenya
  ethiopia africa europe asia washington beijing moscow kyiv london paris berlin brussels tokyo
  ankara tehran jerusalem seoul delhi warsaw budapest rome madrid ottawa canberra`);

/** Nouns naming the occasion or medium of a statement ("in a speech", "on Twitter"). */
export const CHANNEL_NOUNS = set(`
  address speech interview statement conference briefing call tweet post posting video broadcast
  podcast remarks comments appearance hearing session rally event meeting summit visit trip letter
  note email op-ed column article essay book memoir twitter facebook telegram instagram television
  radio show program programme network newspaper blog website release communique communiqué sermon
  lecture testimony debate forum panel`);

/**
 * Every noun the source and frame rules know, for words wink mistags ("chief/ADJ",
 * "address/VERB").
 */
export const KNOWN_NOUNS: ReadonlySet<string> = new Set(
  [
    PERSON_HEADS,
    ANONYMOUS_HEADS,
    ORGANIZATION_HEADS,
    MEDIA_HEADS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    CHANNEL_NOUNS,
  ].flatMap((s) => [...s]),
);
