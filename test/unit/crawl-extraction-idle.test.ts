import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/crawl/extract.js';
import { extractionThreadState, extractOffThread } from '../../src/crawl/extraction-pool.js';

const html = readFileSync(new URL('../fixtures/crawl/article-meta.html', import.meta.url), 'utf8');
const url = 'https://news.example/world/article-meta.html';
const NOW = new Date('2024-06-01T00:00:00Z');

describe('the extraction thread when idle', () => {
  it('is stopped two seconds after its last page, and a new one takes the next page', async () => {
    await extractOffThread(html, url, NOW);
    expect(extractionThreadState().running).toBe(true);
    await new Promise((r) => setTimeout(r, 2_500));
    expect(extractionThreadState()).toEqual({ running: false, unavailable: false });
    expect(await extractOffThread(html, url, NOW)).toEqual(extractArticle(html, url, NOW));
    expect(extractionThreadState()).toEqual({ running: true, unavailable: false });
  });
});
