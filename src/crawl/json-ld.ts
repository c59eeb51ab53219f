import { z } from 'zod';

/** What we read from a schema.org Article node embedded as JSON-LD. */
export interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  authors: string[];
}

const ARTICLE_TYPES = new Set([
  'NewsArticle',
  'ReportageNewsArticle',
  'AnalysisNewsArticle',
  'OpinionNewsArticle',
  'BackgroundNewsArticle',
  'Article',
  'BlogPosting',
  'LiveBlogPosting',
  'Report',
]);

const person = z.union([z.string(), z.object({ name: z.string() })]);

// Every field falls back on its own: publishers get one property wrong far more often than all.
const articleNode = z.object({
  '@type': z.union([z.string(), z.array(z.string())]),
  headline: z.string().optional().catch(undefined),
  datePublished: z.string().optional().catch(undefined),
  author: z.union([person, z.array(person)]).optional().catch(undefined),
});

/**
 * The first Article-typed node (NewsArticle, BlogPosting, ...) of the page's JSON-LD scripts,
 * looking inside arrays and `@graph`; undefined when there is none.
 */
export function readJsonLdArticle(scripts: string[]): JsonLdArticle | undefined {
  for (const script of scripts) {
    for (const node of flatten(parseJson(script), 0)) {
      const parsed = articleNode.safeParse(node);
      if (!parsed.success || !isArticleType(parsed.data['@type'])) continue;
      const { headline, datePublished, author } = parsed.data;
      const authors = (Array.isArray(author) ? author : author === undefined ? [] : [author])
        .map((a) => (typeof a === 'string' ? a : a.name).trim())
        .filter((name) => name !== '');
      const result: JsonLdArticle = { authors };
      if (headline !== undefined && headline.trim() !== '') result.headline = headline.trim();
      if (datePublished !== undefined) result.datePublished = datePublished;
      return result;
    }
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Broken JSON-LD is common on news sites; the page's other metadata still applies.
    return undefined;
  }
}

function flatten(value: unknown, depth: number): unknown[] {
  if (depth > 4 || typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => flatten(item, depth + 1));
  const graph = (value as Record<string, unknown>)['@graph'];
  return graph === undefined ? [value] : [value, ...flatten(graph, depth + 1)];
}

function isArticleType(type: string | string[]): boolean {
  return (Array.isArray(type) ? type : [type]).some((t) => ARTICLE_TYPES.has(t));
}
