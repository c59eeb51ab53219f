import type { Actor, Attribution, Mention, Span } from '../types.js';
import { articleStance } from '../aggregate.js';
import { labelOf } from '../stance-scorer.js';

const inside = (m: { start: number; end: number }, s: { start: number; end: number }) =>
  m.start >= s.start && m.end <= s.end;

/**
 * Which actor matches lie inside the name of a news outlet that is a source or channel:
 * "Russian" in "Russian news agency TASS" and "Washington" in "The Washington Post" name the
 * outlet, not the actor. Other sources keep their mentions: in "the Chinese side stressed" or
 * "a former U.S. Secretary of State characterized …" the actor is the one speaking.
 */
export function sourceNameMentions(attributions: readonly Attribution[]): (match: { start: number; end: number }) => boolean {
  // Outlets are few among an article's sources: their spans are collected once, not per match.
  const outlets: Span[] = [];
  for (const a of attributions) {
    if (a.source?.kind === 'media') outlets.push(a.source);
    if (a.via?.kind === 'media') outlets.push(a.via);
  }
  return (match) => outlets.some((o) => inside(match, o));
}

interface Placed {
  actor: number;
  mention: Mention;
}

/** Every mention with its actor, in text order (one pass over the actors' lists). */
function placed(perActor: readonly Mention[][]): Placed[] {
  const all: Placed[] = [];
  perActor.forEach((mentions, actor) =>
    mentions.forEach((mention) => all.push({ actor, mention })),
  );
  return all.sort((a, b) => a.mention.start - b.mention.start || a.actor - b.actor);
}

/** Index of the first placed mention starting at or after `offset`. */
function firstAt(all: readonly Placed[], offset: number): number {
  let lo = 0;
  let hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((all[mid]?.mention.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function targetsIn(
  content: Span,
  actors: readonly Actor[],
  all: readonly Placed[],
): Attribution['targets'] {
  const byActor = new Map<number, Mention[]>();
  for (let k = firstAt(all, content.start); k < all.length; k += 1) {
    const p = all[k];
    if (p === undefined || p.mention.start >= content.end) break;
    if (p.mention.end <= content.end)
      byActor.set(p.actor, [...(byActor.get(p.actor) ?? []), p.mention]);
  }
  const targets: Attribution['targets'] = [];
  for (const [actor, mentions] of [...byActor].sort((a, b) => a[0] - b[0])) {
    const id = actors[actor]?.id;
    if (id === undefined) continue;
    // A quote is read like a mention, not an article: its balance score with the mention band.
    const { score } = articleStance(mentions);
    targets.push({ actor: id, score, label: labelOf(score) });
  }
  return targets;
}

/**
 * Fills each attribution's targets: the actors mentioned inside its content, each with the
 * stance of those mentions (as scored by the analyzer's mention scorer, aggregated like an
 * article's stance), in the order of `actors`. `perActor[i]` are the mentions of `actors[i]`.
 */
export function attachTargets(
  attributions: readonly Attribution[],
  actors: readonly Actor[],
  perActor: readonly Mention[][],
): Attribution[] {
  if (attributions.length === 0) return [];
  const all = placed(perActor);
  return attributions.map((a) => ({ ...a, targets: targetsIn(a.content, actors, all) }));
}
