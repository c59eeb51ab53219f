import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { demoArticles } from '../../src/demo/index.js';

/** One article of a bench corpus, as the analyze stage reads it (title and body). */
export interface BenchText {
  title: string;
  text: string;
  outletId: string;
  publishedAt: string;
  slug: string;
}

/** The bench corpus: the demo world's articles, title and body as the analyze stage reads them. */
export function benchTexts(): BenchText[] {
  return demoArticles().map((a) => ({
    title: a.title,
    text: a.paragraphs.join('\n\n'),
    outletId: a.outletId,
    publishedAt: a.publishedAt,
    slug: a.slug,
  }));
}

export const REAL_NEWS_FILE = fileURLToPath(new URL('../../../shared/data/extraction/truth.jsonl', import.meta.url));

/**
 * Real news pages' article bodies (../shared/data/extraction, read at bench time, never copied
 * here), spread over the given outlets; undefined when the folder is absent. The file has no
 * titles, so the URL's last path segment stands in for one. The demo world is written to be
 * about its actors in every sentence; these are what a crawl of general news outlets brings in.
 */
export function realNewsTexts(outletIds: readonly string[]): BenchText[] | undefined {
  if (!existsSync(REAL_NEWS_FILE)) return undefined;
  const rows = readFileSync(REAL_NEWS_FILE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; url: string; articleBody: string });
  return rows
    .filter((r) => r.articleBody.length >= 200)
    .map((r, i) => {
      const segment = new URL(r.url).pathname.split('/').filter(Boolean).at(-1) ?? r.id;
      return {
        title: segment.replace(/\.[a-z]+$/i, '').replace(/[-_]+/g, ' ').slice(0, 120),
        text: r.articleBody,
        outletId: outletIds[i % outletIds.length] ?? 'real-news',
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
        slug: r.id,
      };
    });
}

/**
 * `copies` copies of each article, each with `perArticle` words that no lexicon holds appended
 * (as new names, numbers and typos come in with real news: the 61 real pages added 8,729 entries
 * to wink's lexicon, 143 a page over the first 20 and 62 over pages 40-60), so that a long run keeps meeting new vocabulary instead of repeating the same.
 */
export function withNewWords(articles: readonly BenchText[], copies: number, perArticle: number): BenchText[] {
  const out: BenchText[] = [];
  let n = 0;
  for (let c = 0; c < copies; c += 1) {
    for (const a of articles) {
      const words = Array.from({ length: perArticle }, () => `Zq${(n++).toString(36)}`);
      out.push({ ...a, slug: `${a.slug}-${c}`, text: `${a.text}\n\n${words.join(' ')}.` });
    }
  }
  return out;
}
