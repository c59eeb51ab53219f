/**
 * What a reporting cue needs around it before it counts.
 * - clause: its complement must be a clause, quote or "that"-clause ("added that…", not "added
 *   200 jobs").
 * - to: a to-infinitive complement is enough ("wants to", "refused to").
 * - as: an "NP as …" complement is enough ("views China as…").
 * - doc: only a document-like subject (poll, report, data) or a "that"-clause makes it a cue
 *   ("polls show", "the study found", not "the TV show").
 * - recipient: the object is the hearer, not the content ("told reporters that…").
 * - for: "X for Y" is enough ("attacked Clinton for …", not "attacked the city").
 */
export const CUE = { clause: 1, to: 2, as: 4, doc: 8, recipient: 16, for: 32 } as const;

export type CueClass = 'speech' | 'belief' | 'position' | 'finding';

export interface CueWord {
  lemma: string;
  cls: CueClass;
  /**
   * Share of occurrences that are cues in annotated news; below STRONG the subject must be a
   * likely source.
   */
  prior: number;
  flags: number;
}

/** Cues at least this reliable accept any noun phrase as their source. */
export const STRONG = 0.7;

const { clause, to, as, doc, recipient } = CUE;
const forObject = CUE.for;

// Our own lexicon. The priors are rounded from the share of each word's occurrences that fall
// inside annotated cues in 840 US political news articles (../shared/data/attribution/
// cue-words.tsv), pooled over inflections and adjusted where that share mixes senses
// ("called" the verb of naming vs. "so-called"; "show" the verb vs. the TV show).
// `v:` expands regular inflections (a trailing + doubles the final consonant); `x:` lists forms.
const GROUPS: ReadonlyArray<readonly [number, CueClass, number, string]> = [
  [0.95, 'speech', 0, 'x:say,says,said,saying'],
  [0.9, 'speech', recipient, 'x:tell,tells,told,telling v:inform v:assure v:remind v:notify'],
  [
    0.9,
    'speech',
    0,
    'x:write,writes,wrote,writing x:stated,stating v:tweet v:note v:explain v:acknowledge v:admit+ v:concede v:assert v:contend v:insist v:argue v:reiterate v:stress v:emphasize v:emphasise v:recall v:remark v:vow v:caution v:testify v:quip v:lament v:decry v:joke v:boast v:brag+ v:tout v:allege v:announce v:declare v:claim v:reply v:predict v:promise v:proclaim v:confess v:retort v:opine',
  ],
  [0.9, 'speech', clause, 'v:add'],
  [0.85, 'speech', 0, 'v:suggest v:indicate v:urge v:warn v:ask v:question v:conclude'],
  [
    0.8,
    'position',
    0,
    'v:criticize v:criticise v:praise v:condemn v:denounce v:slam+ v:blast v:hail v:rebuke v:chide v:scold v:berate v:lambaste v:blame v:accuse v:defend v:reject v:dismiss v:deride v:mock v:ridicule v:assail v:applaud v:commend v:laud v:congratulate',
  ],
  [
    0.75,
    'speech',
    0,
    'v:report v:confirm v:describe v:reveal v:signal+ v:endorse v:express v:voice',
  ],
  [0.75, 'position', to, 'v:decline v:refuse v:pledge'],
  [
    0.7,
    'speech',
    clause,
    'v:respond v:comment v:observe v:complain v:mention v:disclose v:estimate v:propose v:recommend v:speculate v:worry v:answer v:rule',
  ],
  [
    0.65,
    'position',
    0,
    'v:dispute v:deny v:oppose v:welcome v:characterize v:characterise v:label+ v:brand v:dub+ v:portray v:demand v:threaten v:underscore v:highlight v:cite',
  ],
  [0.6, 'belief', to, 'v:hope v:intend v:wish v:agree x:seek,seeks,sought,seeking'],
  [0.55, 'position', 0, 'x:call,calls,called,calling'],
  [0.55, 'position', as | forObject, 'v:attack'],
  [0.5, 'position', 0, 'x:supports,supported v:endorse v:champion'],
  [
    0.45,
    'belief',
    clause,
    'x:believe,believes,believed,believing x:fear,fears,feared,fearing v:doubt v:suspect v:assume v:expect',
  ],
  [0.45, 'finding', doc, 'x:find,finds,found,finding x:show,shows,showed,shown,showing v:project'],
  [0.35, 'belief', clause, 'x:think,thinks,thought,thinking x:feel,feels,felt,feeling'],
  [0.35, 'belief', to, 'v:want v:plan+ v:prefer+ v:aim'],
  [
    0.35,
    'belief',
    as,
    'x:view,views,viewed,viewing x:see,sees,saw,seen,seeing v:regard v:consider',
  ],
];

// Forms that are mostly nouns or other words in news copy, so never cues on their own.
const EXCLUDED = new Set(
  'rules rule reports report plans plan estimates comments answers finding thinking feeling seeing showing projects project wishes signals voices cite cites citing'.split(
    ' ',
  ),
);

function regularForms(spec: string): string[] {
  const double = spec.endsWith('+');
  const base = double ? spec.slice(0, -1) : spec;
  const stem = double ? base + base.at(-1) : base;
  const consonantY = /[^aeiou]y$/.test(base);
  const third = consonantY
    ? `${base.slice(0, -1)}ies`
  : /(?:s|sh|ch|x|z|o)$/.test(base) ?`${base}es`
  :`${base}s`;
  const past = base.endsWith('e')
    ? `${base}d`
  : consonantY ?`${base.slice(0, -1)}ied`
  :`${stem}ed`;
  const ing = base.endsWith('ie')
    ? `${base.slice(0, -2)}ying`
  : base.endsWith('e') && !base.endsWith('ee') ?`${base.slice(0, -1)}ing`
  :`${stem}ing`;
  return [base, third, past, ing];
}

function buildLexicon(): Map<string, CueWord> {
  const map = new Map<string, CueWord>();
  for (const [prior, cls, flags, words] of GROUPS) {
    for (const spec of words.split(' ')) {
      const [kind, body = ''] = spec.split(':');
      const forms = kind === 'x' ? body.split(',') : regularForms(body);
      const lemma = forms[0] ?? body;
      for (const form of forms) {
        // A word listed twice keeps its first (more specific) entry.
        if (!map.has(form)) map.set(form, { lemma, cls, prior, flags });
      }
    }
  }
  return map;
}

const LEXICON = buildLexicon();

/**
 * The cue entry of a lowercased word, if it can report speech or thought. `headline` admits
 * forms that are usually nouns ("Poll Shows…", "Agencies Report").
 */
export function cueWord(normal: string, headline = false): CueWord | undefined {
  if (!headline && EXCLUDED.has(normal)) return undefined;
  return LEXICON.get(normal);
}

/** Second words that make a verb a cue or change its complement ("point out", "call for"). */
export const PARTICLES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['point', new Set(['out'])],
  ['talk', new Set(['about'])],
  ['speak', new Set(['about', 'of', 'out'])],
  ['call', new Set(['for', 'on'])],
  ['warn', new Set(['against', 'of', 'about'])],
  ['complain', new Set(['about', 'of'])],
  ['ask', new Set(['about'])],
  ['write', new Set(['about'])],
  ['joke', new Set(['about'])],
  ['worry', new Set(['about'])],
  ['vote', new Set(['for', 'against'])],
]);

/** Extra verbs that are cues only with their particle. */
export const PARTICLE_VERBS: ReadonlyMap<string, CueWord> = new Map(
  [
    ['point', 'pointed', 'points', 'pointing'],
    ['talk', 'talked', 'talks', 'talking'],
    ['speak', 'spoke', 'speaks', 'speaking'],
    ['vote', 'voted', 'votes', 'voting'],
  ].flatMap(([lemma = '', ...forms]) =>
    forms.map((f) => [f, { lemma, cls: 'speech' as const, prior: 0.75, flags: 0 }] as const),
  ),
);

/**
 * Every lowercased word that can start a frame: cue words in any form (headline forms too),
 * particle verbs, "according" and "quoted". One set lookup per token rules the rest out.
 */
export const FRAME_STARTS: ReadonlySet<string> = new Set([
  ...LEXICON.keys(),
  ...PARTICLE_VERBS.keys(),
  'according',
  'quoted',
]);

const MAX_SHAPE_LENGTH = 31;
const LETTERS = 27;
// Which (first letter, second letter, length) triples occur among FRAME_STARTS. Testing it reads
// three numbers and hashes nothing: freshly tokenised words have no cached hash, so a set lookup
// per token would hash every word of the article.
const SHAPES = new Uint8Array(LETTERS * LETTERS * (MAX_SHAPE_LENGTH + 1));

function letterCode(w: string, at: number): number {
  const c = w.charCodeAt(at) - 96;
  return c >= 1 && c <= 26 ? c : 0;
}

function shapeOf(w: string): number {
  if (w.length > MAX_SHAPE_LENGTH || letterCode(w, 0) === 0) return -1;
  return (letterCode(w, 0) * LETTERS + letterCode(w, 1)) * (MAX_SHAPE_LENGTH + 1) + w.length;
}

for (const w of FRAME_STARTS) {
  const shape = shapeOf(w);
  if (shape >= 0) SHAPES[shape] = 1;
}

/** Whether a lowercased word can start a frame (`FRAME_STARTS.has`, with a cheap pre-check). */
export function canStartFrame(w: string): boolean {
  const shape = shapeOf(w);
  return shape >= 0 && SHAPES[shape] === 1 && FRAME_STARTS.has(w);
}
