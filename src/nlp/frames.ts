import { FRAMES, type Frame } from './types.js';
import type { TokenTable } from './tokens.js';
import { expandWords } from './lexicon.js';
import { getNlp } from './wink.js';

/**
 * Cue words per frame: the vocabulary by which news copy places an actor in a frame, grouped the
 * way an analyst codes framing (docs/frames.md lists the families and what each frame means). A
 * mention carries every frame whose cue occurs in its sentence; a sentence may carry several
 * ("Russian strikes cut power to civilians": conflict and humanitarian).
 * Same notation as the stance lexicon (v: verb forms, n: singular and plural, a: as is);
 * two-word cues ("foreign minister") are written with an underscore.
 */
const FRAME_CUES: Record<Frame, string> = {
  // Relations between governments: contacts, talks, agreements, envoys and the forums they meet in.
  // Bare "minister", "leader" or "statement" are left out: defence ministers and party leaders
  // are no diplomacy.
  diplomacy: [
    'n:diplomacy a:diplomatic n:diplomat n:dialogue n:talk n:summit n:meeting n:negotiation v:negotiate n:negotiator',
    'n:envoy n:ambassador n:embassy n:consulate n:consul n:foreign_minister n:foreign_ministry n:foreign_secretary n:foreign_policy',
    'a:bilateral a:multilateral n:cooperation n:partnership n:partner n:relation n:tie n:visit n:state_visit n:consensus n:trust',
    'n:engagement n:treaty n:accord n:agreement n:pact n:memorandum n:communique n:delegation n:counterpart n:mediation v:mediate n:mediator',
    'n:rapprochement n:detente n:normalisation n:normalization n:reconciliation n:overture n:handshake a:g7 a:g20 a:brics',
  ].join(' '),
  // Money, production and exchange: trade and its barriers, markets, industry, energy, finance.
  economy: [
    'n:trade n:trader n:tariff a:duties n:levy a:anti-dumping n:dumping n:quota n:customs n:embargo n:economy a:economic n:economist',
    'n:investment v:invest n:investor n:market n:export v:export n:exporter n:import v:import n:importer n:growth n:gdp n:recession',
    'n:business n:technology n:industry a:industrial n:factory n:manufacturer n:carmaker n:automaker n:manufacturing n:production n:output',
    'n:energy n:oil n:gas n:pipeline n:grain n:wheat n:commodity n:shipment n:cargo n:shipping n:supply_chain n:chip n:semiconductor',
    'n:price n:inflation n:deficit n:subsidy n:currency n:bank n:finance a:financial a:fiscal',
    'a:monetary n:interest_rate n:loan n:credit n:tax n:debt n:budget n:bond n:stock_market n:revenue n:profit n:earnings n:wage',
    'n:unemployment n:job n:commerce a:commercial n:company n:firm n:corporation n:sale n:buyer n:consumer n:overcapacity n:decoupling',
  ].join(' '),
  // Military power and threats short of fighting: forces, arms, deterrence, intelligence, cyber.
  security: [
    'n:security n:military n:defence n:defense n:army n:navy n:troop n:missile a:ballistic a:hypersonic a:nuclear n:warhead n:arsenal',
    'n:weapon n:arm n:threat n:deterrence n:deterrent n:intelligence a:cyber n:cyberattack n:cyber-attack n:hacker n:espionage n:spy',
    'n:sabotage n:surveillance n:border n:nato n:stability a:strategic n:alliance n:drill n:patrol n:warship n:frigate n:destroyer',
    'n:submarine n:aircraft_carrier n:fighter_jet n:bomber n:incursion n:airspace n:coast_guard n:coastguard n:militarisation',
    'n:militarization n:rearmament n:terrorism n:terrorist n:extremist n:counterterrorism',
    'a:international_order a:global_order a:world_order n:rules-based_order',
  ].join(' '),
  // Fighting, its course and its ending.
  conflict: [
    'n:war n:conflict n:fighting n:combat n:offensive n:counteroffensive n:counter-offensive n:invasion v:invade n:attack v:attack',
    'n:assault n:strike n:airstrike n:air_strike n:shelling v:shell n:artillery n:bombardment v:bombard n:bombing n:rocket n:drone',
    'a:shot_down a:shoots_down a:shooting_down n:battle n:clash n:casualty n:frontline n:front_line n:siege v:besiege n:blockade',
    'n:escalation n:de-escalation n:hostility n:troop n:soldier v:kill n:occupation v:occupy n:annexation v:annex v:recapture',
    'v:liberate n:counterattack n:raid n:ambush n:militant n:insurgent n:insurgency n:rebel n:ceasefire n:truce n:armistice',
    'a:peace_talks n:peace n:peace_deal n:prisoner_exchange',
  ].join(' '),
  // Legality and its enforcement: courts, prosecutions, rules and rights, sanctions as legal measures.
  law: [
    'n:law a:legal a:illegal a:unlawful n:court n:tribunal n:judge n:ruling n:verdict n:trial n:lawsuit n:lawyer n:prosecutor',
    'n:prosecution v:prosecute n:indictment v:indict v:convict v:sentence n:warrant n:arrest_warrant n:extradition v:extradite',
    'n:arbitration n:sanction n:violation v:violate n:breach v:breach n:norm n:rule a:rules-based n:sovereignty n:convention',
    'n:treaty n:charter n:jurisdiction n:regulation n:compliance a:international_law n:human_rights a:rights n:rights_group',
    'n:legitimacy n:commitment n:obligation n:accountability n:impunity n:crime n:war_crime n:genocide n:detention',
  ].join(' '),
  // People's suffering and relief: civilians, refugees, aid, disasters, hunger, rescue.
  humanitarian: [
    'a:humanitarian n:aid n:food_aid n:relief n:refugee n:asylum n:asylum_seeker n:migrant n:civilian a:displaced n:displacement',
    'n:suffering n:famine n:hunger n:starvation v:starve n:malnutrition n:food_shortage n:food_insecurity n:hospital a:medical',
    'n:victim n:evacuation v:evacuate n:evacuee n:shelter n:rescue v:rescue n:rescuer n:earthquake n:flood n:disaster',
    'n:epidemic n:hostage n:deportation n:orphan a:wounded a:injured n:death_toll n:red_cross n:charity',
    'a:human_suffering n:casualty a:children',
  ].join(' '),
  // Politics at home: elections, parties, parliaments, government and opposition, protest, purges.
  'domestic-politics': [
    'n:election a:electoral n:ballot n:turnout n:parliament a:parliamentary n:party n:opposition n:vote n:voter n:campaign',
    'n:coalition n:protest n:protester n:demonstrator n:demonstration n:rally n:referendum n:legislature n:congress n:senate',
    'n:poll n:cabinet n:lawmaker n:legislator n:governor n:mayor a:domestic n:reform n:scandal n:corruption a:anti-corruption',
    'n:purge v:purge n:politburo n:dissent n:dissident n:crackdown n:censorship n:impeachment v:impeach n:resignation v:resign',
    'n:reshuffle n:inauguration n:succession n:coup n:junta n:mobilisation n:mobilization n:candidate n:incumbent',
  ].join(' '),
};

interface FrameCues {
  words: Map<string, number>;
  /** Multi-token cues by their first token, longest first, so most tokens skip the phrase lookup. */
  phrases: Map<string, string[][]>;
}

/**
 * A cue as the tokens wink will produce for it: wink's `normal` spells British forms the American
 * way ("dialogue" -> "dialog", "defence" -> "defense") and splits some hyphenated words
 * ("rules-based" -> "rules - based"), so a cue written as English is written doesn't match
 * unless it goes through the same tokeniser.
 */
function cueTokens(form: string): string[] {
  const nlp = getNlp();
  return nlp.readDoc(form.replace(/_/g, ' ')).tokens().out(nlp.its.normal) as string[];
}

function compileFrameCues(): FrameCues {
  const words = new Map<string, number>();
  const phrases = new Map<string, string[][]>();
  const bits = new Map<string, number>();
  FRAMES.forEach((frame, bit) => {
    for (const [form] of expandWords(FRAME_CUES[frame])) {
      const tokens = cueTokens(form);
      const key = tokens.join(' ');
      if (tokens.length === 1) words.set(key, (words.get(key) ?? 0) | (1 << bit));
      else if (tokens.length > 1) {
        if (!bits.has(key)) phrases.set(tokens[0]!, [...(phrases.get(tokens[0]!) ?? []), tokens]);
        bits.set(key, (bits.get(key) ?? 0) | (1 << bit));
      }
    }
  });
  for (const list of phrases.values()) list.sort((a, b) => b.length - a.length);
  for (const [key, b] of bits) words.set(key, b);
  return { words, phrases };
}

let cues: FrameCues | undefined;

/** The frames of tokens [from, to) as a bit set over FRAMES. */
export function frameBits(table: TokenTable, from: number, to: number): number {
  cues ??= compileFrameCues();
  let bits = 0;
  for (let k = from; k < to; k += 1) {
    const normal = table.normals[k] ?? '';
    bits |= cues.words.get(normal) ?? 0;
    const candidates = cues.phrases.get(normal);
    if (candidates === undefined) continue;
    for (const tokens of candidates) {
      if (k + tokens.length > to) continue;
      if (tokens.every((t, j) => table.normals[k + j] === t)) bits |= cues.words.get(tokens.join(' ')) ?? 0;
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
