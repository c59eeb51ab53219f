import type { AlertView } from './details.js';
import type { StanceLabelName } from './types.js';

export function isShare(measure: string): boolean {
  return measure !== 'stance';
}

/** A figure as people read it: signed stance with two decimals, shares as percentages. */
export function figure(measure: string, v: number | null): string {
  if (v === null) return 'n/a';
  if (isShare(measure)) return `${Math.round(v * 100)}%`;
  const s = v.toFixed(2);
  return v > 0 ? `+${s}` : v < 0 ? `−${s.slice(1)}` : s;
}

export function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** What is measured, in words: "stance towards China", "share of security framing". */
export function measureLabel(v: AlertView): string {
  const m = v.details.measure;
  if (m.startsWith('frame:')) return `share of "${m.slice('frame:'.length)}" framing`;
  if (m.startsWith('source:')) {
    const named = v.details.shares[0]?.name ?? m.slice('source:'.length);
    return `share of quotes from ${named}`;
  }
  return `stance towards ${v.actorName}`;
}

function frameMove(v: AlertView): { from?: string; to?: string } {
  const gain = (s: { before: number; after: number }) => s.after - s.before;
  const rose = v.details.shares.filter((s) => gain(s) > 0).sort((a, b) => gain(b) - gain(a));
  const fell = v.details.shares.filter((s) => gain(s) < 0).sort((a, b) => gain(a) - gain(b));
  return { ...(rose[0] ? { to: rose[0].name } : {}), ...(fell[0] ? { from: fell[0].name } : {}) };
}

/** The change in a few words, e.g. "turned negative on China". */
export function changePhrase(v: AlertView): string {
  const actor = v.actorName;
  switch (v.kind) {
    case 'polarity-flip':
      return `turned ${v.after.mean < 0 ? 'negative' : 'positive'} on ${actor}`;
    case 'frame-shift': {
      const { from, to } = frameMove(v);
      if (from && to) return `frames ${actor} as ${to} rather than ${from}`;
      const frame = v.details.measure.slice('frame:'.length);
      return `frames ${actor} ${v.details.direction > 0 ? 'more' : 'less'} as ${frame}`;
    }
    case 'source-shift':
      return `quotes different sources on ${actor}`;
    default:
      return `became more ${v.details.direction > 0 ? 'positive' : 'negative'} on ${actor}`;
  }
}

/** "18 Sep 2026": dates in alerts are UTC days. */
export function day(d: Date | string | number): string {
  return new Date(d).toISOString().slice(0, 10);
}

type SideFigures = { mean: number; ciLow: number | null; ciHigh: number | null; articles: number };

export function sideLine(measure: string, s: SideFigures): string {
  const ci =
    s.ciLow !== null && s.ciHigh !== null
      ? ` (95% CI ${figure(measure, s.ciLow)} to ${figure(measure, s.ciHigh)})`
      : '';
  return `${figure(measure, s.mean)}${ci}, ${s.articles} article${s.articles === 1 ? '' : 's'}`;
}

/** One sentence on the other outlets: the first thing to check before believing an alert. */
export function otherOutletsSentence(v: AlertView): string {
  const o = v.details.context.otherOutlets;
  if (o.compared === 0) return 'No other outlet has enough articles on this over the same weeks to compare.';
  const same = o.sameShift.length;
  if (o.newsDriven) {
    return (
      `News-driven: ${same} of ${o.compared} other outlets show the same shift over the same weeks ` +
      `(${o.sameShift.join(', ')}), so this probably follows the news rather than a change of this ` +
      `outlet's framing.`
    );
  }
  const opposite = o.opposite.length > 0 ? ` Moved the opposite way: ${o.opposite.join(', ')}.` : '';
  const others = `${o.compared} other outlet${o.compared === 1 ? '' : 's'}`;
  if (same > 0) return `${same} of ${others} show a similar shift (${o.sameShift.join(', ')}); most do not.${opposite}`;
  return `Specific to this outlet: no such shift in the ${others} compared over the same weeks.${opposite}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Sep", with the year when it is not the year of `ref` ("30 Dec 2025"). */
export function shortDay(d: Date, ref: Date): string {
  const year = d.getUTCFullYear() === ref.getUTCFullYear() ? '' : ` ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}${year}`;
}

/**
 * The label share an analyst reads first: of negative and positive coverage, the one that moved
 * most the way the stance moved (negative rising or positive falling when it fell). Undefined for
 * alerts without label shares (frames, sources, alerts stored before the detector read labels).
 */
export function mainShareMove(v: AlertView): { label: StanceLabelName; before: number; after: number } | undefined {
  const mix = v.details.mix;
  if (!mix || (v.kind !== 'stance-level' && v.kind !== 'polarity-flip')) return undefined;
  const dir = v.details.direction;
  const toward: StanceLabelName = dir < 0 ? 'negative' : 'positive';
  const away: StanceLabelName = dir < 0 ? 'positive' : 'negative';
  const gain = mix.after[toward] - mix.before[toward];
  const loss = mix.before[away] - mix.after[away];
  const label = mix.track === `share:${toward}` || mix.track === `share:${away}` ? mix.track.slice(6) as StanceLabelName : gain >= loss ? toward : away;
  return { label, before: mix.before[label], after: mix.after[label] };
}

/**
 * The alert in one sentence, as an analyst would write it: "Negative coverage of China in The
 * Harbour Times rose from 12% to 55% of articles (since 14 Sep)". Changes without label shares
 * keep the plain phrase ("The Harbour Times frames China as security rather than economy").
 */
export function headline(v: AlertView): string {
  const move = mainShareMove(v);
  if (!move) return `${v.outletName} ${changePhrase(v)}`;
  const verb = move.after >= move.before ? 'rose' : 'fell';
  const since = shortDay(new Date(v.changeAt), new Date(v.detectedAt));
  return (
    `${capitalize(move.label)} coverage of ${v.actorName} in ${v.outletName} ${verb} from ` +
    `${Math.round(move.before * 100)}% to ${Math.round(move.after * 100)}% of articles (since ${since})`
  );
}

/** "negative 12% -> 55%, neutral 50% -> 30%, positive 38% -> 15%" for the body. */
export function mixLine(v: AlertView, arrow = '->'): string | undefined {
  const mix = v.details.mix;
  if (!mix) return undefined;
  const p = (x: number) => `${Math.round(x * 100)}%`;
  return (['negative', 'neutral', 'positive'] as const)
    .map((l) => `${l} ${p(mix.before[l])} ${arrow} ${p(mix.after[l])}`)
    .join(', ');
}
