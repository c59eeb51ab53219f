import { composeArticle, type ComposedArticle } from './compose.js';
import { FEATURE_ARTICLES } from './features.js';
import { planArticles } from './plan.js';
import type { DemoArticle, Story } from './types.js';

const MAX_SLUG_WORDS = 12;

function slugify(title: string): string {
  return title
    .toLowerCase()
    .replace(/\bu\.s\./g, 'us')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .slice(0, MAX_SLUG_WORDS)
    .join('-');
}

// Generated headlines can coincide; a numeric suffix keeps every article URL distinct.
function withSlugs(articles: ComposedArticle[]): DemoArticle[] {
  const taken = new Set<string>();
  return articles.map((article) => {
    const base = slugify(article.title);
    let slug = base;
    for (let n = 2; taken.has(`${article.outletId}/${slug}`); n++) slug = `${base}-${n}`;
    taken.add(`${article.outletId}/${slug}`);
    return { ...article, paragraphs: [...article.paragraphs], slug };
  });
}

/**
 * Every article of the demo world, oldest first (ties by outlet). Deterministic: the same call
 * returns the same text, dates and slugs on every machine.
 */
export function demoArticles(): DemoArticle[] {
  const usedStories = new Map<string, Set<Story>>();
  const generated = planArticles().map((plan) => {
    const used = usedStories.get(plan.outlet.meta.id) ?? new Set<Story>();
    usedStories.set(plan.outlet.meta.id, used);
    return composeArticle(plan, used);
  });
  const composed = [...generated, ...FEATURE_ARTICLES];
  composed.sort(
    (a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.outletId.localeCompare(b.outletId),
  );
  return withSlugs(composed);
}
