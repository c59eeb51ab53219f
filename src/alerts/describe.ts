import type { AlertView } from './details.js';

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
