import type { Actor, Attribution, Mention, Span } from '../types.js';
import { articleStance } from '../aggregate.js';

const inside = (m: { start: number; end: number }, s: { start: number; end: number }) =>
  m.start >= s.start && m.end <= s.end;

/**
 * Whether an actor match lies inside the name of a news outlet that is a source or channel:
 * "Russian" in "Russian news agency TASS" and "Washington" in "The Washington Post" name the
 * outlet, not the actor. Other sources keep their mentions: in "the Chinese side stressed" or
 * "a former U.S. Secretary of State characterized …" the actor is the one speaking.
 */
export function isSourceNameMention(
  match: { start: number; end: number },
  attributions: readonly Attribution[],
): boolean {
  return attributions.some(
    (a) =>
      (a.source?.kind === 'media' && inside(match, a.source)) ||
      (a.via?.kind === 'media' && inside(match, a.via)),
  );
}

function targetsIn(
  content: Span,
  actors: readonly Actor[],
  perActor: readonly Mention[][],
): Attribution['targets'] {
  const targets: Attribution['targets'] = [];
  actors.forEach((actor, i) => {
    const mentions = (perActor[i] ?? []).filter((m) => inside(m, content));
    if (mentions.length === 0) return;
    const { score, label } = articleStance(mentions);
    targets.push({ actor: actor.id, score, label });
  });
  return targets;
}

/**
 * Fills each attribution's targets: the actors mentioned inside its content, each with the
 * stance of those mentions (as scored by the analyzer's mention scorer, aggregated like an
 * article's stance). `perActor[i]` are the mentions of `actors[i]`.
 */
export function attachTargets(
  attributions: readonly Attribution[],
  actors: readonly Actor[],
  perActor: readonly Mention[][],
): Attribution[] {
  return attributions.map((a) => ({ ...a, targets: targetsIn(a.content, actors, perActor) }));
}
