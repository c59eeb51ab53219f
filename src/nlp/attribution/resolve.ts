import {
  type Ctx,
  type Range,
  closesQuote,
  isSentenceEnd,
  norm,
  opensQuote,
  posOf,
  sentenceFrom,
  sentenceTo,
  valueOf,
  quoteAt,
} from './context.js';
import { nextToken } from './complement.js';
import type { Draft } from './frame.js';
import { STRONG } from './lexicon.js';
import { insertionEnd, phraseStartingAt } from './phrases.js';

const within = (k: number, r: Range): boolean => k >= r.from && k < r.to;
const overlaps = (a: Range, b: Range): boolean => a.from < b.to && b.from < a.to;
const CLAUSE_BREAKS = new Set([';', '—', '–']);
const CONTRAST = new Set(['but', 'while', 'whereas', 'although', 'though', 'and', 'yet']);

// The subject of the sentence around token k, when a verb follows it: "The ministry issued …".
function sentenceSubject(ctx: Ctx, k: number): Range | undefined {
  const phrase = phraseStartingAt(ctx, sentenceFrom(ctx, k));
  if (phrase === undefined || phrase.to > k) return undefined;
  let j = nextToken(ctx, phrase.to);
  // "Browns DL Sheldon Richardson, however, decided …": step over an insertion.
  if (valueOf(ctx, j) === ',') j = nextToken(ctx, insertionEnd(ctx, j, k) + 1);
  while (j < k && posOf(ctx, j) === 'ADV') j = nextToken(ctx, j + 1);
  return posOf(ctx, j) === 'VERB' || posOf(ctx, j) === 'AUX' ? phrase : undefined;
}

/** Fills the source of ", saying …" and "but said …" frames from the frame they continue. */
export function inheritSources(ctx: Ctx, drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    if (d.inherit === undefined) {
      out.push(d);
      continue;
    }
    const s = ctx.table.sentenceOf[d.cue.from];
    const governing = [...out]
      .reverse()
      .find(
        (p) =>
          p.source !== undefined &&
          ctx.table.sentenceOf[p.cue.from] === s &&
          p.cue.from < d.cue.from,
      );
    const source = d.inherit === 'frame' ? governing?.source : undefined;
    const found = source ?? sentenceSubject(ctx, d.cue.from);
    if (found !== undefined)
      out.push({ ...d, source: found, via: governing?.via, inherit: undefined });
  }
  return out;
}

// "“A,” he said. “B.”": a quote standing alone right after a quoted frame continues it.
function continuation(ctx: Ctx, d: Draft): number | undefined {
  const extent = Math.max(d.content.to, d.cue.to, d.source?.to ?? 0);
  const end = sentenceTo(ctx, extent - 1);
  const next = nextToken(ctx, end + 1);
  if (!opensQuote(ctx, next)) return undefined;
  const q = quoteAt(ctx, next);
  // Continuations are often short ("“Not one vote.”"), so two words are enough.
  if (q === undefined || q.title || q.words < 2) return undefined;
  const after = nextToken(ctx, q.close + 1);
  const standsAlone =
    after >= ctx.table.count || ctx.breakBefore[after] === 1 || opensQuote(ctx, after);
  return standsAlone && closesQuote(ctx, q.close) ? q.close + 1 : undefined;
}

/** Extends direct quotes over the standalone quotes that continue them in the same paragraph. */
export function mergeContinuations(ctx: Ctx, drafts: Draft[]): Draft[] {
  return drafts.map((d) => {
    if (!d.direct) return d;
    for (let to = continuation(ctx, d); to !== undefined; to = continuation(ctx, d)) {
      d.content = { from: d.content.from, to };
    }
    return d;
  });
}

const endsBefore = (d: Draft, according: Draft): boolean =>
  d.content.to <= according.cue.from && according.cue.from - d.content.to <= 2;

/** "“…,” he said, according to Anadolu": the agency is the channel of that quote, not a source. */
export function foldAccordingTo(drafts: Draft[]): Draft[] {
  const folded = new Set<Draft>();
  const out = drafts.map((d) => {
    const outer = drafts.find(
      (a) =>
        a.word.lemma === 'according to' &&
        a !== d &&
        a.cue.from > d.cue.from &&
        within(d.cue.from, a.content),
    );
    // A frame that reports what precedes it ("“…,” he said, according to …") or a statement that
    // ends where "according to" begins ("As Gupta noted, …, according to X") takes X as channel.
    const speech = d.word.cls === 'speech' && d.word.prior >= STRONG;
    const reportsBefore =
      d.content.to <= d.cue.from || (speech && outer !== undefined && endsBefore(d, outer));
    if (outer === undefined || !reportsBefore || d.via !== undefined || outer.source === undefined)
      return d;
    folded.add(outer);
    d.via = outer.source;
    return d;
  });
  return out.filter((d) => !folded.has(d));
}

/** Whether a clause boundary stands between the start of `outer`'s content and token k. */
function boundaryBefore(ctx: Ctx, outer: Draft, k: number): number | undefined {
  for (let j = k - 1; j > outer.content.from; j -= 1) {
    const v = valueOf(ctx, j);
    if (CLAUSE_BREAKS.has(v)) return j;
    const contrastNext = CONTRAST.has(norm(ctx, nextToken(ctx, j + 1)));
    if (v === ',' && contrastNext) return j;
    if (closesQuote(ctx, j) && contrastNext) return j + 1;
    if (isSentenceEnd(ctx, j)) return j;
  }
  return undefined;
}

// Two frames around one quote ("he said, “…,” the office said"): the words are the speaker's, so
// the frame before them wins (drafts arrive here longest content first, then by position).
function sameWords(a: Draft, b: Draft): boolean {
  const inter = Math.min(a.content.to, b.content.to) - Math.max(a.content.from, b.content.from);
  const union = Math.max(a.content.to, b.content.to) - Math.min(a.content.from, b.content.from);
  return union > 0 && inter / union > 0.5;
}

function frameStart(d: Draft): number {
  return Math.min(d.cue.from, d.source?.from ?? d.cue.from);
}

/**
 * Each word belongs to one attribution, as annotated news corpora count them: a frame inside
 * another's content is dropped ("X said Y believes Z" is X's), unless a clause boundary
 * separates them, in which case the outer content is cut there.
 */
export function univocal(ctx: Ctx, drafts: Draft[]): Draft[] {
  const length = (d: Draft) => d.content.to - d.content.from;
  // Longest content first; on a tie the frame standing before its content ("he said, “…”").
  const before = (d: Draft) => (d.cue.from < d.content.from ? 0 : 1);
  const sorted = [...drafts].sort((a, b) => length(b) - length(a) || before(a) - before(b));
  const kept: Draft[] = [];
  for (const d of sorted) {
    let keep = true;
    for (let n = 0; n < kept.length && keep; n += 1) {
      const outer = kept[n];
      if (outer === undefined) continue;
      if (overlaps(outer.cue, d.cue) || sameWords(outer, d)) keep = false;
      else if (within(d.cue.from, outer.content)) {
        const cut = boundaryBefore(ctx, outer, frameStart(d));
        if (cut === undefined) keep = false;
        else outer.content = { from: outer.content.from, to: cut };
      }
    }
    if (keep) kept.push(d);
  }
  return kept.filter((d) => d.content.to > d.content.from).sort((a, b) => a.cue.from - b.cue.from);
}
