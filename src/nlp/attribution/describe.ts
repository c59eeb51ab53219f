import type { Actor, AttributionSource, Span } from '../types.js';
import type { ActorMatch } from '../actor-matcher.js';
import { type Ctx, type Range, norm, posOf } from './context.js';
import { PRONOUNS } from './words.js';
import { normalizeSourceKey, personNameRange } from './names.js';
import { headOf, sourceKind, type ActorLookup } from './source-kind.js';

/** Configured actors as the source rules see them: which mention covers which token. */
export interface ActorIndex extends ActorLookup {
  actors: readonly Actor[];
  /** The actor match covering token k, if any. */
  matchAt(k: number): ActorMatch | undefined;
}

/** Indexes actor matches by token; only the tokens of matches are visited. */
export function indexActors(
  ctx: Ctx,
  actors: readonly Actor[],
  matches: readonly ActorMatch[],
): ActorIndex {
  // at[k] is the match covering token k plus one, 0 for none (a fresh array is all zeros).
  const at = new Int32Array(ctx.table.count);
  matches.forEach((match, m) => {
    for (let k = firstTokenAt(ctx, match.start); k < ctx.table.count; k += 1) {
      if ((ctx.table.starts[k] ?? 0) >= match.end) break;
      at[k] = m + 1;
    }
  });
  const matchAt = (k: number) =>
    k >= 0 && (at[k] ?? 0) > 0 ? matches[(at[k] ?? 0) - 1] : undefined;
  const kindAt = (k: number) => {
    const match = matchAt(k);
    return match === undefined ? undefined : actors[match.actor]?.kind;
  };
  return { actors, matchAt, kindAt };
}

/** The first token that starts at or after `offset` (binary search over token starts). */
function firstTokenAt(ctx: Ctx, offset: number): number {
  let lo = 0;
  let hi = ctx.table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ctx.table.starts[mid] ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function spanOf(ctx: Ctx, r: Range): Span {
  const start = ctx.table.starts[r.from] ?? 0;
  const end = ctx.table.ends[r.to - 1] ?? start;
  return { text: ctx.table.text.slice(start, end), start, end };
}

function actorsIn(r: Range, index: ActorIndex): Array<{ actor: Actor; match: ActorMatch }> {
  const found: Array<{ actor: Actor; match: ActorMatch }> = [];
  for (let k = r.from; k < r.to; k += 1) {
    const match = index.matchAt(k);
    const actor = match === undefined ? undefined : index.actors[match.actor];
    if (match !== undefined && actor !== undefined && found.at(-1)?.match !== match)
      found.push({ actor, match });
  }
  return found;
}

// "China", "The Kremlin", "the Chinese side": the source is the actor itself, not one of its
// voices.
function isWholly(ctx: Ctx, r: Range, match: ActorMatch, index: ActorIndex): boolean {
  for (let k = r.from; k < r.to; k += 1) {
    if (index.matchAt(k) !== match && posOf(ctx, k) !== 'DET') return false;
  }
  return true;
}

// An outlet's own name is the run of proper nouns that ends it ("TASS" in "Russian news agency
// TASS").
function outletName(ctx: Ctx, r: Range): string | undefined {
  const head = headOf(ctx, r);
  let from = head;
  while (from - 1 >= r.from && posOf(ctx, from - 1) === 'PROPN') from -= 1;
  return posOf(ctx, head) === 'PROPN' ? spanOf(ctx, { from, to: head + 1 }).text : undefined;
}

function nameOf(
  ctx: Ctx,
  r: Range,
  kind: AttributionSource['kind'],
  index: ActorIndex,
): string | undefined {
  if (kind === 'person') {
    const name = personNameRange(ctx, r, index);
    return name === undefined ? undefined : spanOf(ctx, name).text;
  }
  if (kind === 'media') return outletName(ctx, r);
  return undefined;
}

/** The contract's view of a source phrase: text and offsets, kind, affiliation, name and key. */
export function describeSource(ctx: Ctx, r: Range, index: ActorIndex): AttributionSource {
  const { text, start, end } = spanOf(ctx, r);
  const described: AttributionSource = { text, start, end, kind: sourceKind(ctx, r, index) };
  const named = actorsIn(r, index);
  const person = named.find((n) => n.actor.kind === 'person')?.actor;
  const first = named[0];
  if (person !== undefined) {
    described.actor = person.affiliation ?? person.id;
    return identify(described, person);
  }
  if (first === undefined) return keyed(ctx, r, described, index);
  described.actor = first.actor.id;
  if (!isWholly(ctx, r, first.match, index)) return keyed(ctx, r, described, index);
  return identify(described, first.actor);
}

function identify(described: AttributionSource, actor: Actor): AttributionSource {
  described.name = actor.name;
  described.key = `actor:${actor.id}`;
  return described;
}

function keyed(
  ctx: Ctx,
  r: Range,
  described: AttributionSource,
  index: ActorIndex,
): AttributionSource {
  // A pronoun has no identity of its own; pronoun resolution gives it its antecedent's.
  if (r.to - r.from === 1 && PRONOUNS.has(norm(ctx, r.from))) return described;
  const name = nameOf(ctx, r, described.kind, index);
  if (name !== undefined) described.name = name;
  described.key = normalizeSourceKey(described);
  return described;
}

/** Re-keys a person source whose name the article gives in fuller form elsewhere. */
export function withFullName(
  source: AttributionSource,
  full: string | undefined,
): AttributionSource {
  if (full === undefined || source.name === undefined || full === source.name) return source;
  const named = { ...source, name: full };
  return { ...named, key: normalizeSourceKey(named) };
}
