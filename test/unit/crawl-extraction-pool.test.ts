import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PermanentError } from '../../src/errors.js';
import { extractArticle } from '../../src/crawl/extract.js';
import { extractionThreadState, extractOffThread } from '../../src/crawl/extraction-pool.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/crawl/${name}`, import.meta.url), 'utf8');
const NOW = new Date('2024-06-01T00:00:00Z');

describe('extractOffThread', () => {
  it('gives what extractArticle gives, Dates included, from a thread of its own', async () => {
    for (const name of ['article-jsonld.html', 'article-meta.html', 'article-time.html']) {
      const html = fixture(name);
      const url = `https://news.example/world/${name}`;
      expect(await extractOffThread(html, url, NOW)).toEqual(extractArticle(html, url, NOW));
    }
    expect(extractionThreadState()).toEqual({ running: true, unavailable: false });
  });

  it('rejects a page without article text with the same PermanentError', async () => {
    const html = fixture('no-article.html');
    const url = 'https://news.example/world/gallery';
    expect(() => extractArticle(html, url, NOW)).toThrow(PermanentError);
    const err = await extractOffThread(html, url, NOW).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PermanentError);
    expect((err as Error).message).toMatch(/^no article text found/);
  });

  it('answers many pages in flight at once, each with its own result', async () => {
    const html = fixture('article-meta.html');
    const urls = Array.from({ length: 40 }, (_, i) => `https://news.example/world/story-${i}`);
    const articles = await Promise.all(urls.map((url) => extractOffThread(html, url, NOW)));
    expect(new Set(articles.map((a) => a.text)).size).toBe(1);
    expect(articles).toHaveLength(40);
  });
});
