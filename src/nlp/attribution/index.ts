/**
 * Attribution tagger: who is quoted or cited in an article, saying what, through whom.
 *
 * Rules over wink's tokens, in one pass over the article and local work around each candidate:
 * - context.ts: line breaks, paragraphs, headlines, quotation pairing (quotes.ts), per token.
 * - lexicon.ts: our reporting-cue lexicon, weighed with word statistics of an annotated news
 *   corpus (see the data README); weak cues need a likely source or a fitting complement.
 * - frame.ts (cue-at.ts, subject.ts, complement.ts, before.ts): for each cue, its source (the
 *   subject, across appositions and "citing" insertions, or after an inverted cue), and its
 *   content (the complement after the cue, or the quote or clause before it).
 * - special.ts: "according to X", "X: “…”", "Y quoted X as saying".
 * - resolve.ts: one attribution per stretch of words (nested frames dropped), ", saying …"
 *   frames continuing an earlier one, quotes continued after their frame.
 * - describe.ts, source-kind.ts, names.ts, pronouns.ts: kind, affiliation, display name and
 *   cross-article key of each source; pronouns resolved to what they stand for.
 * - targets.ts: the stance towards each actor mentioned in a content, from the scored mentions.
 */
import type { Actor, Attribution, AttributionSource } from '../types.js';
import type { ActorMatch } from '../actor-matcher.js';
import type { TokenTable } from '../tokens.js';
import { buildContext, type Ctx, type Range } from './context.js';
import { describeSource, indexActors, spanOf, withFullName, type ActorIndex } from './describe.js';
import { frameAt, type Draft } from './frame.js';
import { canStartFrame } from './lexicon.js';
import { completeNames } from './names.js';
import { resolvePronouns, type Located } from './pronouns.js';
import { foldAccordingTo, inheritSources, mergeContinuations, univocal } from './resolve.js';
import { accordingTo, colonQuote, quotedAs } from './special.js';

export { normalizeSourceKey } from './names.js';
export { attachTargets, sourceNameMentions } from './targets.js';
export { quotedTokens } from './context.js';

/** What the tagger reads: wink's tokens of the text and the configured actors matched in it. */
export interface AttributionInput {
  table: TokenTable;
  actors: readonly Actor[];
  /** Actor matches in text order, as the actor matcher returns them. */
  matches: readonly ActorMatch[];
}

// Parts of speech no cue word is tagged with (wink tags "views" NOUN and "Says" PROPN, so those
// stay).
const NEVER_CUES = new Set([
  'DET',
  'ADP',
  'PRON',
  'CCONJ',
  'SCONJ',
  'PART',
  'NUM',
  'SPACE',
  'SYM',
  'AUX',
  'INTJ',
]);

function draftAt(ctx: Ctx, i: number): Draft | undefined {
  if (ctx.table.values[i] === ':') return colonQuote(ctx, i);
  return quotedAs(ctx, i) ?? accordingTo(ctx, i) ?? frameAt(ctx, i);
}

function collectDrafts(ctx: Ctx): Draft[] {
  const drafts: Draft[] = [];
  const { normals, values, pos } = ctx.table;
  for (let i = 0; i < ctx.table.count; i += 1) {
    // Most tokens can start no frame: ruled out by their part of speech or a table lookup.
    const p = pos[i] ?? '';
    if (p === 'PUNCT' ? values[i] !== ':' : NEVER_CUES.has(p) || !canStartFrame(normals[i] ?? '')) {
      continue;
    }
    const d = draftAt(ctx, i);
    if (d !== undefined) drafts.push(d);
  }
  // Nested frames go first, so that ", saying …" continues the frame that really governs it.
  const sourced = inheritSources(ctx, univocal(ctx, foldAccordingTo(drafts)));
  return mergeContinuations(ctx, sourced);
}

// The same phrase ("Peskov", "he") is a source again and again in one article; its kind, name
// and key follow from its words, so they are worked out once.
function describeOnce(
  ctx: Ctx,
  r: Range,
  index: ActorIndex,
  seen: Map<string, AttributionSource>,
): AttributionSource {
  const { text, start, end } = spanOf(ctx, r);
  const known = seen.get(text);
  if (known !== undefined) return { ...known, start, end };
  const described = describeSource(ctx, r, index);
  seen.set(text, described);
  return described;
}

function viaOf(ctx: Ctx, r: Range | undefined, index: ActorIndex): Attribution['via'] {
  if (r === undefined) return undefined;
  const { text, start, end, kind, key } = describeSource(ctx, r, index);
  return key === undefined ? { text, start, end, kind } : { text, start, end, kind, key };
}

// Person sources named in short form ("Peskov") take the fullest name the article gives.
function completePersons(sources: AttributionSource[]): AttributionSource[] {
  const people = sources.filter(
    (s) => s.kind === 'person' && s.name !== undefined && s.key?.startsWith('person:'),
  );
  const full = completeNames(people.map((s) => s.name ?? ''));
  return sources.map((s) => (people.includes(s) ? withFullName(s, full.get(s.name ?? '')) : s));
}

function toAttribution(
  ctx: Ctx,
  d: Draft,
  source: AttributionSource | undefined,
  index: ActorIndex,
): Attribution {
  const via = viaOf(ctx, d.via, index);
  return {
    source: source ?? null,
    ...(via !== undefined && { via }),
    cue: spanOf(ctx, d.cue),
    content: spanOf(ctx, d.content),
    direct: d.direct,
    targets: [],
  };
}

/**
 * Reported speech and citation in one article: who (source, and the channel of a nested
 * citation) said what (content), by which cue, quoted directly or not. `targets` are left empty;
 * `attachTargets` fills them from the scored mentions. Pure and linear in the article's length.
 */
export function findAttributions(input: AttributionInput): Attribution[] {
  const ctx = buildContext(input.table);
  const drafts = collectDrafts(ctx);
  if (drafts.length === 0) return [];
  const index = indexActors(ctx, input.actors, input.matches);
  const sourced: Draft[] = [];
  const described: Located[] = [];
  const seen = new Map<string, AttributionSource>();
  for (const d of drafts) {
    if (d.source === undefined) continue;
    sourced.push(d);
    described.push({ source: describeOnce(ctx, d.source, index, seen), token: d.source.from });
  }
  const resolved = completePersons(resolvePronouns(ctx, described, index));
  const bySource = new Map(sourced.map((d, n) => [d, resolved[n]] as const));
  return drafts.map((d) => toAttribution(ctx, d, bySource.get(d), index));
}
