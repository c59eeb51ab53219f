import { winkWordPolarity } from './wink.js';

/**
 * Which mention a polar word bears on.
 * - near: the nearest mention (nouns and adjectives: "brutal offensive", "robust partnership").
 * - patient: the one being judged, after an active verb ("condemned Moscow"), before a passive one.
 * - agent: the doer ("Russia invaded"), never the victim ("the invasion of Ukraine").
 */
export type CueRole = 'near' | 'patient' | 'agent';

export interface LexEntry {
  /** Polarity toward the target in [-1, 1]. */
  weight: number;
  role: CueRole;
}

// Hand-curated for news about states, organisations and their leaders. `v:` expands to verb
// inflections (a trailing + doubles the last consonant), `n:` to the plural, `a:` is taken as is.
const GROUPS: ReadonlyArray<readonly [number, CueRole, string]> = [
  [0.7, 'patient', 'v:praise v:commend v:applaud v:laud n:praise n:commendation'],
  [0.6, 'patient', 'v:hail v:congratulate v:admire v:thank n:gratitude'],
  [0.5, 'patient', 'v:welcome v:endorse v:support v:trust v:defend v:reward v:champion'],
  [-0.8, 'patient', 'v:condemn v:denounce n:condemnation'],
  [-0.7, 'patient', 'v:slam v:blast v:deplore'],
  [-0.6, 'patient', 'v:criticize v:criticise v:accuse v:blame v:rebuke v:censure v:sanction v:punish n:sanction n:criticism n:accusation'],
  [-0.5, 'patient', 'v:expel v:boycott v:distrust v:mock v:ridicule v:isolate v:scold'],
  [-0.4, 'patient', 'v:warn v:fear v:ban+ v:reject v:oppose n:warning n:ban'],
  [-0.9, 'agent', 'v:invade v:torture v:persecute v:oppress n:invasion n:atrocity n:massacre'],
  [-0.7, 'agent', 'v:attack v:annex v:bomb v:kill v:violate v:coerce v:bully v:repress v:destabilize v:destabilise n:annexation n:aggression n:bombing a:shelled a:shelling'],
  [-0.6, 'agent', 'v:threaten v:provoke v:undermine v:harass v:intimidate v:deceive v:exploit v:occupy n:attack n:occupation n:provocation n:intimidation n:interference'],
  [-0.5, 'agent', 'v:seize v:escalate v:interfere v:mislead v:obstruct v:hack v:spy n:escalation'],
  [-0.4, 'agent', 'v:fail v:hinder v:refuse v:detain v:jail v:arrest v:stall v:delay'],
  [0.5, 'agent', 'v:cooperate v:collaborate v:rescue v:mediate v:donate'],
  [0.4, 'agent', 'v:respect v:protect v:contribute v:pledge v:comply v:assist'],
  [0.25, 'agent', 'v:help v:agree v:deliver v:invest v:engage v:negotiate v:commit+'],
  [0.6, 'near', 'a:constructive a:fruitful a:productive a:successful a:courageous a:heroic a:generous a:admirable n:courage n:success n:achievement n:breakthrough n:generosity a:win-win'],
  [0.5, 'near', 'n:cooperation a:cooperative n:collaboration n:partnership n:partner n:agreement n:progress n:friendship a:friendly n:support a:supportive n:solidarity a:peaceful a:beneficial n:prosperity a:prosperous a:positive n:goodwill n:reconciliation n:trust a:trusted a:reliable a:responsible n:accord'],
  [0.4, 'near', 'n:peace n:benefit n:respect a:respectful n:consensus a:transparent n:transparency n:ally n:alliance n:de-escalation a:stable n:stability a:pragmatic a:principled n:aid n:assistance'],
  [0.3, 'near', 'a:robust n:dialogue n:commitment a:committed n:opportunity a:inclusive a:sustainable a:durable a:meaningful n:growth n:recovery n:deal n:ceasefire a:steady n:compromise n:engagement'],
  [-0.9, 'near', 'a:brutal n:brutality a:barbaric n:genocide n:terrorism n:terrorist a:murderous'],
  [-0.7, 'near', 'a:aggressive n:threat a:dangerous a:reckless a:illegal a:unlawful a:illegitimate n:coercion a:coercive n:violation n:abuse n:repression a:repressive n:crackdown n:propaganda n:disinformation n:corruption a:corrupt a:authoritarian n:dictator n:dictatorship a:hostile n:hostility a:provocative a:destabilizing a:destabilising n:violence a:violent a:deadly n:offensive a:offensive'],
  [-0.6, 'near', 'n:crisis a:crises n:adversary n:enemy n:scandal n:failure n:war n:chaos a:chaotic n:collapse a:threatening n:tragedy'],
  [-0.5, 'near', 'n:challenge n:conflict n:mistrust n:distrust n:concern a:worrying a:troubling a:failed n:setback n:unrest n:regime a:isolated n:isolation n:tension n:suffering'],
  [-0.3, 'near', 'n:risk n:problem n:rivalry n:rival n:dispute n:friction n:barrier n:obstacle n:casualty n:tariff a:controversial n:controversy'],
];

/** Bit flags of the words that steer the scorer rather than carry polarity. */
export const WORD = {
  /** "most significant challenges": multiplies the next polar word. */
  intensifier: 1,
  /** Hedges: halve the next polar word. */
  diminisher: 2,
  negator: 4,
  /** Negating words wink does not flag ("without", "lack"). */
  shifter: 8,
  /** Clause boundaries: a polar word rarely reaches across them to a mention on the other side. */
  contrast: 16,
  /** May stand between coordinated mentions ("Russia and China", "China-EU"). */
  coordinator: 32,
  be: 64,
  remedy: 128,
  /** A comma or colon separates a word from an actor more than a determiner does. */
  clausePunct: 256,
  /** Never backed off to wink's word sentiment. */
  noBackoff: 512,
} as const;

const FLAGGED: ReadonlyArray<readonly [number, string]> = [
  [WORD.intensifier | WORD.noBackoff, 'very highly deeply strongly extremely most more significant significantly serious seriously major grave gravely particularly especially increasingly greatly sharply fiercely vehemently heavily utterly totally completely bitterly harshly firmly unprecedented severely considerably profoundly fundamentally gross grossly blatant flagrant'],
  [WORD.diminisher | WORD.noBackoff, 'slightly somewhat partly partially potentially possibly marginally relatively rather fairly mildly modestly reportedly allegedly alleged perhaps maybe apparently'],
  [WORD.negator, 'not no never nobody none neither nor nothing cannot'],
  [WORD.shifter, 'without lack lacks lacked lacking absence hardly barely scarcely'],
  [WORD.contrast, 'but while whereas although though however yet ;'],
  [WORD.coordinator, 'and or nor , & - – / both'],
  [WORD.be, 'is are was were be been being get gets got gotten'],
  [WORD.clausePunct, ', : — –'],
  // Words wink scores but that are neutral in news copy ("as well as", "great powers", "fined").
  [WORD.noBackoff, 'well like fine fined importance important order please kind right sure certain just even united free clear interest interests share shares worth top lead leading great greater power powers true real special favor favour mean vice pretty matter matters hand allow allowed join joined spirit care careful'],
  // Reporting verbs introduce what someone said; their own wink score ("stressed" < 0, "noted" > 0)
  // says nothing about the actor.
  [WORD.noBackoff, 'v:say a:said v:tell a:told v:note v:stress v:emphasize v:emphasise v:underscore v:highlight v:add v:insist v:argue v:claim v:ask v:explain v:reiterate v:suggest v:point v:acknowledge v:remark v:observe v:announce v:declare v:mention v:confirm v:describe v:characterize v:characterise v:report v:state v:write a:wrote a:written v:comment v:respond v:reply v:call v:urge'],
  // Remedy words turn the negative word they act on into something being fixed: "resolve the
  // conflict", "risk reduction", "lift sanctions" say nothing bad about the nearby actor.
  [WORD.remedy | WORD.noBackoff, 'v:resolve n:resolution v:end n:end v:ease v:reduce n:reduction v:de-escalate v:defuse v:prevent n:prevention v:overcome v:tackle v:counter v:mitigate n:mitigation v:curb v:remove n:removal v:lift v:halt v:stop v:settle n:settlement v:avoid v:solve n:solution v:address v:clear v:eliminate v:alleviate v:relieve'],
];

const BACKOFF_POS = new Set(['ADJ', 'ADV', 'NOUN', 'VERB']);
// wink's word scores are coarse and not target-aware, so they count for less than curated ones.
const BACKOFF_SCALE = 0.8;

function verbForms(spec: string): string[] {
  const double = spec.endsWith('+');
  const base = double ? spec.slice(0, -1) : spec;
  const stem = base.slice(0, -1);
  const last = base.at(-1) ?? '';
  if (double) return [base, `${base}s`, `${base}${last}ed`, `${base}${last}ing`];
  if (last === 'e') return [base, `${base}s`, `${base}d`, `${stem}ing`];
  if (/[^aeiou]y$/.test(base)) return [base, `${stem}ies`, `${stem}ied`, `${base}ing`];
  if (/(?:s|x|z|ch|sh)$/.test(base)) return [base, `${base}es`, `${base}ed`, `${base}ing`];
  return [base, `${base}s`, `${base}ed`, `${base}ing`];
}

function nounForms(base: string): string[] {
  if (/[^aeiou]y$/.test(base)) return [base, `${base.slice(0, -1)}ies`];
  if (/(?:s|x|z|ch|sh)$/.test(base)) return [base, `${base}es`];
  return [base, `${base}s`];
}

/** Expands "v:praise n:threat a:brutal ;" into [form, isVerb]; unprefixed words stay as is. */
export function expandWords(specs: string): Array<readonly [string, boolean]> {
  return specs.split(/\s+/).flatMap((spec): Array<readonly [string, boolean]> => {
    const word = /^[vna]:./.test(spec) ? spec.slice(2) : spec;
    if (spec.startsWith('v:')) return verbForms(word).map((f) => [f, true] as const);
    if (spec.startsWith('n:')) return nounForms(word).map((f) => [f, false] as const);
    return [[word, false] as const];
  });
}

/** What the lexicon knows about one lowercase word form. */
export interface WordInfo {
  /** Bits of WORD. */
  flags: number;
  verb?: LexEntry;
  other?: LexEntry;
}

function buildWords(): Map<string, WordInfo> {
  const words = new Map<string, WordInfo>();
  const info = (form: string) => {
    const found = words.get(form) ?? { flags: 0 };
    words.set(form, found);
    return found;
  };
  for (const [weight, role, specs] of GROUPS) {
    for (const [form, isVerb] of expandWords(specs)) {
      const senses = info(form);
      if (isVerb) senses.verb ??= { weight, role };
      else senses.other ??= { weight, role };
    }
  }
  for (const [flags, specs] of FLAGGED) {
    for (const [form] of expandWords(specs)) info(form).flags |= flags;
  }
  return words;
}

// One map for polarity and flags, so the scorer looks each token up once.
const WORDS = buildWords();

/** The lexicon's entry for a lowercase word form (wink's `normal`), if any. */
export function wordInfo(normal: string): WordInfo | undefined {
  return WORDS.get(normal);
}

/**
 * The polarity of one token: the curated lexicon first (verb or non-verb sense by wink's POS),
 * then wink's own word sentiment for content words it does not list; undefined when neutral.
 */
export function polarityOf(
  info: WordInfo | undefined,
  normal: string,
  pos: string,
): LexEntry | undefined {
  if (info !== undefined) {
    const sense = pos === 'VERB' ? (info.verb ?? info.other) : (info.other ?? info.verb);
    if (sense !== undefined || (info.flags & WORD.noBackoff) !== 0) return sense;
  }
  if (!BACKOFF_POS.has(pos)) return undefined;
  const weight = winkWordPolarity(normal) * BACKOFF_SCALE;
  return weight === 0 ? undefined : { weight, role: 'near' };
}
