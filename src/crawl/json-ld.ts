import { z } from 'zod';

/** What we read from a schema.org Article node embedded as JSON-LD. */
export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  authors: string[];
  section?: string;
  language?: string;
  /** The full text as the publisher gives it, when it does. */
  articleBody?: string;
  /** schema.org isAccessibleForFree said false: the page is (partly) behind a paywall. */
  notFree: boolean;
}

const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'ReviewNewsArticle',
  'Article',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
  'ScholarlyArticle',
]);

const text = z.string().optional().catch(undefined);
const person = z.union([z.string(), z.object({ name: z.string() })]);
const textOrList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v[0] : v))
  .optional()
  .catch(undefined);

// Every field falls back on its own: publishers get one property wrong far more often than all.
const articleNode = z.object({
  '@type': z.union([z.string(), z.array(z.string())]),
  headline: text,
  datePublished: text,
  dateModified: text,
  author: z
    .union([person, z.array(person)])
    .optional()
    .catch(undefined),
  articleSection: textOrList,
  inLanguage: z
    .union([z.string(), z.object({ alternateName: z.string() }), z.object({ name: z.string() })])
    .transform((v) => (typeof v === 'string' ? v : 'alternateName' in v ? v.alternateName : v.name))
    .optional()
    .catch(undefined),
  articleBody: text,
  isAccessibleForFree: z.union([z.boolean(), z.string()]).optional().catch(undefined),
});

/**
 * The first Article-typed node (NewsArticle, BlogPosting, ...) of the page's JSON-LD scripts,
 * looking inside arrays, `@graph` and `mainEntity`; undefined when there is none.
 */
export function readJsonLdArticle(scripts: string[]): JsonLdArticle | undefined {
  for (const script of scripts) {
    for (const node of flatten(parseJson(script), 0)) {
      const parsed = articleNode.safeParse(node);
      if (!parsed.success || !isArticleType(parsed.data['@type'])) continue;
      return toArticle(parsed.data);
    }
  }
  return undefined;
}

function toArticle(node: z.infer<typeof articleNode>): JsonLdArticle {
  const { author } = node;
  const authors = (Array.isArray(author) ? author : author === undefined ? [] : [author])
    .map((a) => (typeof a === 'string' ? a : a.name).trim())
    .filter((name) => name !== '');
  const free = node.isAccessibleForFree;
  const result: JsonLdArticle = {
    authors,
    notFree: free === false || free === 'false' || free === 'False',
  };
  const fields = {
    headline: node.headline,
    datePublished: node.datePublished,
    dateModified: node.dateModified,
    section: node.articleSection,
    language: node.inLanguage,
    articleBody: node.articleBody,
  };
  for (const [key, value] of Object.entries(fields)) {
    const trimmed = value?.trim();
    if (trimmed !== undefined && trimmed !== '') result[key as keyof typeof fields] = trimmed;
  }
  return result;
}

function parseJson(source: string): unknown {
  try {
    // Raw control characters inside strings are common and make JSON.parse give up.
    return JSON.parse(source.replace(/[\u0000-\u001f]+/g, ' '));
  } catch {
    // Broken JSON-LD is common on news sites; the page's other metadata still applies.
    return undefined;
  }
}

function flatten(value: unknown, depth: number): unknown[] {
  if (depth > 4 || typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => flatten(item, depth + 1));
  const record = value as Record<string, unknown>;
  const nested = [record['@graph'], record.mainEntity].filter((v) => v !== undefined);
  return [value, ...nested.flatMap((v) => flatten(v, depth + 1))];
}

function isArticleType(type: string | string[]): boolean {
  return (Array.isArray(type) ? type : [type]).some((t) => ARTICLE_TYPES.has(t));
}
