import { FRAMES, type Frame } from './types.js';
import type { TokenTable } from './tokens.js';
import { expandWords } from './lexicon.js';

/**
 * Cue words per frame. A mention carries every frame whose cue occurs in its sentence.
 * - diplomacy: talks, visits, agreements, relations between governments.
 * - economy: trade, investment, markets, industry, energy, money.
 * - security: military power, defence, threats, intelligence, strategic order.
 * - conflict: war and fighting, its course and its ending.
 * - law: legality, courts, rules, rights, sanctions as legal measures.
 * - humanitarian: civilians, aid, refugees, suffering.
 * - domestic-politics: elections, parties, parliaments, protest, government at home.
 * Same notation as the stance lexicon (v: verb forms, n: singular and plural, a: as is);
 * two-word cues ("international law") are written with an underscore.
 */
const FRAME_CUES: Record<Frame, string> = {
  diplomacy:
    'n:diplomacy a:diplomatic n:diplomat n:dialogue n:talk n:summit n:meeting n:negotiation v:negotiate n:envoy n:ambassador n:embassy a:bilateral a:multilateral n:cooperation n:partnership n:relation n:tie n:visit n:consensus n:trust n:engagement n:treaty n:minister n:ministry n:leader n:delegation n:counterpart n:mediation v:mediate n:communique n:statement',
  economy:
    'n:trade n:tariff n:economy a:economic n:investment v:invest n:investor n:market n:export n:import n:growth n:gdp n:business n:technology n:industry a:industrial n:energy n:price n:inflation n:deficit n:subsidy n:currency n:bank n:finance a:financial n:job n:supply_chain n:commerce a:commercial n:company n:manufacturing n:budget n:debt',
  security:
    'n:security n:military n:defence n:defense n:army n:troop n:missile a:nuclear n:weapon n:threat n:deterrence n:intelligence a:cyber n:border n:nato n:stability a:strategic n:alliance n:drill n:navy n:espionage n:terrorism a:international_order a:global_order a:world_order n:rules-based_order',
  conflict:
    'n:war n:conflict n:fighting n:offensive n:invasion v:invade n:attack v:attack n:strike n:airstrike n:shelling n:ceasefire n:battle n:clash n:casualty n:frontline n:escalation n:de-escalation n:hostility n:troop v:kill n:occupation n:bombing a:peace_talks n:peace',
  law:
    'n:law a:legal a:illegal n:court n:ruling n:sanction n:violation v:violate n:norm n:rule a:rules-based n:sovereignty n:convention n:tribunal n:judge n:lawsuit n:regulation n:compliance n:charter n:jurisdiction a:international_law n:human_rights n:legitimacy a:unlawful n:commitment',
  humanitarian:
    'a:humanitarian n:aid n:refugee n:civilian n:suffering n:famine n:relief a:displaced n:hospital n:victim n:hunger n:evacuation n:shelter a:human_suffering n:casualty a:children',
  'domestic-politics':
    'n:election n:parliament n:party n:opposition n:vote n:campaign n:coalition n:protest n:referendum n:legislature n:congress n:senate n:poll n:cabinet n:lawmaker n:voter n:governor n:mayor a:domestic n:reform n:scandal n:corruption',
};

interface FrameCues {
  words: Map<string, number>;
  /** First words of two-word cues, so most tokens skip the bigram lookup. */
  heads: Set<string>;
}

function compileFrameCues(): FrameCues {
  const words = new Map<string, number>();
  const heads = new Set<string>();
  FRAMES.forEach((frame, bit) => {
    for (const [form] of expandWords(FRAME_CUES[frame])) {
      const key = form.replace(/_/g, ' ');
      words.set(key, (words.get(key) ?? 0) | (1 << bit));
      if (key.includes(' ')) heads.add(key.slice(0, key.indexOf(' ')));
    }
  });
  return { words, heads };
}

const CUES = compileFrameCues();

/** The frames of tokens [from, to) as a bit set over FRAMES. */
export function frameBits(table: TokenTable, from: number, to: number): number {
  let bits = 0;
  for (let k = from; k < to; k += 1) {
    const normal = table.normals[k] ?? '';
    bits |= CUES.words.get(normal) ?? 0;
    if (CUES.heads.has(normal) && k + 1 < to) {
      bits |= CUES.words.get(`${normal} ${table.normals[k + 1] ?? ''}`) ?? 0;
    }
  }
  return bits;
}

export function framesOf(bits: number): Frame[] {
  return FRAMES.filter((_, bit) => (bits & (1 << bit)) !== 0);
}

/** Share of the mentions (one frame list each) carrying each frame; unseen frames are left out. */
export function frameShares(
  mentionFrames: ReadonlyArray<readonly Frame[]>,
): Partial<Record<Frame, number>> {
  const shares: Partial<Record<Frame, number>> = {};
  if (mentionFrames.length === 0) return shares;
  for (const frame of FRAMES) {
    const n = mentionFrames.filter((frames) => frames.includes(frame)).length;
    if (n > 0) shares[frame] = Math.round((n / mentionFrames.length) * 10_000) / 10_000;
  }
  return shares;
}
