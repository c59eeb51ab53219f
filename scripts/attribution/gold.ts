import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { actorSchema, type Actor } from '../../src/config/index.js';
import type { SourceKind, Span } from '../../src/nlp/index.js';

/** One labelled attribution with resolved offsets (the output contract's shape, plus labels). */
export interface GoldAttribution {
  source: Span | null;
  kind?: SourceKind;
  actor?: string;
  via?: Span;
  cue: Span;
  content: Span;
  direct: boolean;
  form?: string;
}

export interface GoldArticle {
  id: string;
  text: string;
  attributions: GoldAttribution[];
}

export interface GoldSet {
  actors: Actor[];
  articles: GoldArticle[];
  /** Articles whose text is referenced in ../shared/data and could not be read there. */
  missing: number;
}

// Texts we may not copy into the repository are referenced: "extraction:<id>" is an article
// body of ../shared/data/extraction/truth.jsonl.
const SHARED = new URL('../../../shared/data/', import.meta.url);

const kindSchema = z.enum(['person', 'organization', 'media', 'anonymous', 'group', 'document']);
const spanSchema = z.object({
  text: z.string().optional(),
  start: z.number().int(),
  end: z.number().int(),
});
// A span is written as its text (found in the article) or with explicit offsets.
const spanInput = z.union([z.string().min(1), spanSchema]);

const attributionSchema = z.object({
  source: spanInput.nullable(),
  kind: kindSchema.optional(),
  actor: z.string().optional(),
  via: spanInput.optional(),
  cue: spanInput,
  content: spanInput,
  direct: z.boolean(),
  form: z.string().optional(),
});

const articleSchema = z.object({
  id: z.union([z.string(), z.number()]).transform(String),
  text: z.string().optional(),
  ref: z.string().optional(),
  attributions: z.array(attributionSchema),
});

const fileSchema = z.object({
  actors: z.array(actorSchema).default([]),
  articles: z.array(articleSchema),
});

type SpanInput = z.infer<typeof spanInput>;

const WORD = /[\p{L}\p{N}]/u;

function occurrences(text: string, needle: string): Span[] {
  const found: Span[] = [];
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    const end = at + needle.length;
    const bounded = !WORD.test(text[at - 1] ?? ' ') && !WORD.test(text[end] ?? ' ');
    if (bounded || !WORD.test(needle[0] ?? ' ')) found.push({ text: needle, start: at, end });
  }
  return found;
}

const gap = (a: Span, b: Span): number => Math.max(0, a.start - b.end, b.start - a.end);

/**
 * Resolves a span given as text to its occurrence nearest `near` (the only one when `near` is
 * absent).
 */
function resolve(text: string, input: SpanInput, near: Span | undefined, what: string): Span {
  if (typeof input !== 'string') {
    const sliced = text.slice(input.start, input.end);
    if (input.text !== undefined && sliced !== input.text)
      throw new Error(`${what}: offsets do not slice "${input.text}"`);
    return { text: sliced, start: input.start, end: input.end };
  }
  const all = occurrences(text, input);
  if (all.length === 0) throw new Error(`${what}: "${input}" is not in the text`);
  if (near === undefined) {
    if (all.length > 1)
      throw new Error(`${what}: "${input}" occurs ${all.length} times; give offsets`);
    return all[0] as Span;
  }
  return all.reduce((best, s) => (gap(s, near) < gap(best, near) ? s : best));
}

function referencedTexts(): Map<string, string> {
  const file = new URL('extraction/truth.jsonl', SHARED);
  if (!existsSync(file)) return new Map();
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  return new Map(
    rows.map((l) => {
      const row = z.object({ id: z.string(), articleBody: z.string() }).parse(JSON.parse(l));
      return [`extraction:${row.id}`, row.articleBody] as const;
    }),
  );
}

function resolveArticle(a: z.infer<typeof articleSchema> & { text: string }): GoldArticle {
  const attributions = a.attributions.map((g, n): GoldAttribution => {
    const what = `${a.id}#${n + 1}`;
    // The content is found first, unless it occurs more than once and the cue does not.
    const unique = (x: SpanInput) => typeof x !== 'string' || occurrences(a.text, x).length === 1;
    const cueFirst = !unique(g.content) && unique(g.cue);
    const firstCue = cueFirst ? resolve(a.text, g.cue, undefined, `${what} cue`) : undefined;
    const content = resolve(a.text, g.content, firstCue, `${what} content`);
    const cue = firstCue ?? resolve(a.text, g.cue, content, `${what} cue`);
    const source = g.source === null ? null : resolve(a.text, g.source, cue, `${what} source`);
    const via = g.via === undefined ? undefined : resolve(a.text, g.via, cue, `${what} via`);
    const { kind, actor, direct, form } = g;
    return {
      source,
      cue,
      content,
      direct,
      ...(via && { via }),
      ...(kind && { kind }),
      ...(actor && { actor }),
      ...(form && { form }),
    };
  });
  return { id: a.id, text: a.text, attributions };
}

/**
 * Reads a labelled set: YAML (`actors`, `articles` with spans written as text) or JSON Lines
 * with one `{id, text, attributions}` article per line and spans as `{text, start, end}`.
 */
export function loadGold(file: string): GoldSet {
  const raw = readFileSync(file, 'utf8');
  const data = /\.jsonl$/i.test(file)
    ? {
        articles: raw
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as unknown),
      }
    : (parse(raw) as unknown);
  const parsed = fileSchema.parse(data);
  const refs = parsed.articles.some((a) => a.ref !== undefined)
    ? referencedTexts()
    : new Map<string, string>();
  const withText = parsed.articles.flatMap((a) => {
    const text = a.text ?? refs.get(a.ref ?? '');
    return text === undefined ? [] : [{ ...a, text }];
  });
  const articles = withText.map(resolveArticle);
  return { actors: parsed.actors, articles, missing: parsed.articles.length - articles.length };
}
