import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/crawl/index.js';
import { PermanentError } from '../../src/errors.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/crawl/${name}`, import.meta.url), 'utf8');

const PAGE_URL = 'https://news.example/world/2024/03/05/story?utm_source=twitter#comments';

const PARAGRAPH =
  'The harbour authority said on Monday that the new terminal would open in the spring, ' +
  'after two years of construction and several delays caused by storms along the coast.';

/** A minimal article page: enough text for Readability, with the given head and top of body. */
function page({ head = '', lang = 'en', top = '' } = {}): string {
  return `<!doctype html><html lang="${lang}"><head>${head}</head><body><article>${top}
    <p>${PARAGRAPH}</p><p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
}

describe('extractArticle on a realistic news page', () => {
  const article = extractArticle(fixture('article-jsonld.html'), PAGE_URL);

  it('keeps the story text as blank-line-separated paragraphs', () => {
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toBe(
      'Foreign ministers from the three coastal states agreed early on Tuesday to extend the ' +
        'Black Sea grain corridor for another six months, ending a week of uncertainty that had ' +
        'pushed wheat prices to their highest level since the autumn.',
    );
    expect(paragraphs).toContain('What happens next');
    expect(paragraphs.at(-1)).toMatch(/^Technical teams are due to meet in Istanbul/);
    expect(article.text).toContain('“tense but constructive”');
    for (const p of paragraphs) expect(p).toBe(p.replace(/\s+/g, ' ').trim());
  });

  it.each(['Subscribe', 'Most read', 'Cup final', 'cookies', 'All rights reserved', 'Privacy'])(
    'leaves out boilerplate: %s',
    (boilerplate) => {
      expect(article.text).not.toContain(boilerplate);
    },
  );

  it('reads title from og:title, author and date from JSON-LD, language and canonical URL', () => {
    expect(article).toMatchObject({
      title: 'Ministers agree grain corridor extension after overnight talks',
      author: 'Maria Lindqvist, Tomás Ortega',
      // JSON-LD says 14:30+01:00; the article:published_time meta (09:00) loses to it.
      publishedAt: new Date('2024-03-05T13:30:00Z'),
      language: 'en',
      canonicalUrl:
        'https://www.harbourcourier.example/world/2024/03/05/grain-corridor-extension?ref=home',
    });
  });
});

describe('extractArticle metadata sources', () => {
  it('reads article:published_time, meta author, the h1 and a relative canonical link', () => {
    const article = extractArticle(fixture('article-meta.html'), 'https://ledger.example/b/123');
    expect(article).toMatchObject({
      title: 'Port workers end strike after pay deal',
      author: 'Jonas Berg',
      publishedAt: new Date('2024-02-20T12:45:00Z'),
      language: 'en',
      canonicalUrl: 'https://ledger.example/business/port-workers-end-strike-after-pay-deal',
    });
  });

  it('reads <time datetime>, the byline, og:url and a regional language tag', () => {
    expect(extractArticle(fixture('article-time.html'), PAGE_URL)).toMatchObject({
      title: 'La ville adopte un nouveau plan de transport',
      author: 'Claire Dubois',
      publishedAt: new Date('2024-01-15T18:20:00Z'),
      language: 'fr',
      canonicalUrl: 'https://riverain.example/actualites/2024/01/15/plan-de-transport',
    });
  });

  it.each([
    ['itemprop', '<meta itemprop="datePublished" content="2024-05-01T08:00:00+02:00">'],
    ['name=pubdate', '<meta name="pubdate" content="2024-05-01T06:00:00Z">'],
    ['DC.date.issued', '<meta name="DC.date.issued" content="2024-05-01 06:00:00">'],
    [
      'JSON-LD over meta',
      `<meta property="article:published_time" content="2020-01-01T00:00:00Z">
       <script type="application/ld+json">
         {"@type":"NewsArticle","datePublished":"2024-05-01T06:00:00Z"}
       </script>`,
    ],
  ])('reads the publication time from %s, in UTC', (_source, head) => {
    const { publishedAt } = extractArticle(page({ head }), PAGE_URL);
    expect(publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  it('prefers a <time> inside the article over one in the page header', () => {
    const html = `<!doctype html><html><body>
      <header><time datetime="2030-01-01T00:00:00Z">Today</time></header>
      <article><time datetime="2024-05-01T06:00:00Z">1 May</time>
      <p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
    expect(extractArticle(html, PAGE_URL).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
  });

  describe('in another time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    });

    it('reads a date-time without an offset as UTC', () => {
      process.env.TZ = 'America/New_York';
      const html = page({ top: '<time datetime="2024-05-01T06:00:00">1 May</time>' });
      expect(extractArticle(html, PAGE_URL).publishedAt).toEqual(new Date('2024-05-01T06:00:00Z'));
    });
  });

  it('takes the title from <title> without the site name when nothing better exists', () => {
    const html = page({ head: '<title>Terminal to open in spring | Coast Times</title>' });
    expect(extractArticle(html, PAGE_URL).title).toBe('Terminal to open in spring');
  });

  it('falls back to the fetched URL, normalised, when the canonical link is not http(s)', () => {
    const html = page({ head: '<link rel="canonical" href="ftp://news.example/story">' });
    expect(extractArticle(html, PAGE_URL).canonicalUrl).toBe(
      'https://news.example/world/2024/03/05/story',
    );
  });

  it('returns null for the metadata a page does not give', () => {
    const html = `<!doctype html><html><body><article>
      <p>${PARAGRAPH}</p><p>${PARAGRAPH}</p></article></body></html>`;
    expect(extractArticle(html, 'https://news.example/world/terminal-story')).toMatchObject({
      author: null,
      authors: [],
      publishedAt: null,
      modifiedAt: null,
      language: null,
      section: null,
    });
  });

  it('skips JSON-LD it cannot parse and authors it cannot read', () => {
    const head = `<script type="application/ld+json">{ broken</script>
      <script type="application/ld+json">
        {"@type":["NewsArticle"],"author":{"url":"/x"},"headline":"From LD"}
      </script>
      <meta name="author" content="Desk Editor">`;
    expect(extractArticle(page({ head }), PAGE_URL)).toMatchObject({
      title: 'From LD',
      author: 'Desk Editor',
    });
  });

  it('reads a page without an <html> element', () => {
    const html = `<title>Terminal to open | Coast Times</title>
      <p>${PARAGRAPH}</p><p>${PARAGRAPH}</p>`;
    expect(extractArticle(html, PAGE_URL)).toMatchObject({
      title: 'Terminal to open',
      text: `${PARAGRAPH}\n\n${PARAGRAPH}`,
    });
  });
});

describe('extractArticle without an article', () => {
  it('throws a PermanentError when there is no article text', () => {
    const gallery = fixture('no-article.html');
    expect(() => extractArticle(gallery, PAGE_URL)).toThrow(PermanentError);
    expect(() => extractArticle(gallery, PAGE_URL)).toThrow(/^no article text found/);
    expect(() => extractArticle('', PAGE_URL)).toThrow(/^no article text found/);
  });
});
