import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/crawl/index.js';
import { PermanentError } from '../../src/errors.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/crawl/${name}`, import.meta.url), 'utf8');

const FEED_URL = 'https://news.example/feeds/world.xml';

describe('parseFeed', () => {
  it('reads RSS 2.0 items with links resolved against the feed URL', () => {
    expect(parseFeed(fixture('feed-rss2.xml'), FEED_URL)).toEqual([
      {
        url: 'https://news.example/news/2024/03/05/grain-corridor-extension',
        title: 'Ministers agree grain corridor extension',
        publishedAt: new Date('2024-03-05T13:30:00Z'),
      },
      {
        url: 'https://news.example/business/port-workers-end-strike-after-pay-deal',
        title: 'Port workers end strike after pay deal & backlog clears',
        publishedAt: new Date('2024-02-20T12:45:00Z'),
      },
      {
        url: 'https://news.example/actualites/2024/01/15/plan-de-transport',
        title: 'La ville adopte un nouveau plan de transport',
        publishedAt: new Date('2024-01-15T18:20:00Z'),
      },
      {
        url: 'https://news.example/news/2024/03/01/missing-story',
        title: 'A story that was taken down',
        publishedAt: new Date('2024-03-01T10:00:00Z'),
      },
      { url: 'https://news.example/files/annual-report-2023.pdf', title: 'Annual report (PDF)' },
      { url: 'https://news.example/gallery/photos-of-the-week', title: 'Photo gallery' },
      // No <link>: a guid without isPermaLink="false" is the article URL.
      {
        url: 'https://news.example/news/2024/02/28/already-stored-story',
        title: 'Already stored story',
      },
    ]);
  });

  it('reads Atom entries, preferring the alternate link and the published date', () => {
    expect(parseFeed(fixture('feed-atom.xml'), 'https://ledger.example/feeds/all.atom')).toEqual([
      {
        url: 'https://ledger.example/feeds/business/port-workers-end-strike',
        title: 'Port workers end strike & return to work',
        publishedAt: new Date('2024-02-20T12:45:00Z'),
      },
      {
        url: 'https://ledger.example/local/2024/02/19/council-budget',
        title: 'Council approves budget',
        publishedAt: new Date('2024-02-19T21:10:00Z'),
      },
    ]);
  });

  it('reads RSS 1.0 (RDF) items, which sit next to the channel', () => {
    expect(parseFeed(fixture('feed-rss1.rdf'), 'https://riverain.example/rss')).toEqual([
      {
        url: 'https://riverain.example/actualites/2024/01/15/plan-de-transport',
        title: 'La ville adopte un nouveau plan de transport',
        publishedAt: new Date('2024-01-15T23:20:00Z'),
      },
      {
        url: 'https://riverain.example/actualites/2024/01/14/marche-de-noel',
        title: 'Bilan du marché de Noël',
        publishedAt: new Date('2024-01-14T00:00:00Z'),
      },
    ]);
  });

  it('skips items whose only identifier is a guid that is not a permalink', () => {
    const rss = `<rss version="2.0"><channel>
      <item><title>No URL</title><guid isPermaLink="false">abc-123</guid></item>
      <item><title>Has URL</title><link> https://news.example/a/b/c </link></item>
    </channel></rss>`;
    expect(parseFeed(rss, FEED_URL)).toEqual([
      { url: 'https://news.example/a/b/c', title: 'Has URL' },
    ]);
  });

  it('decodes character references but leaves unknown entities unexpanded', () => {
    const rss = `<rss><channel><item><title>Caf&#233; &#x2014; &unknown; &lt;b&gt;</title>
      <link>https://news.example/x?a=1&amp;b=2</link></item></channel></rss>`;
    expect(parseFeed(rss, FEED_URL)).toEqual([
      { url: 'https://news.example/x?a=1&b=2', title: 'Café — &unknown; <b>' },
    ]);
  });

  it.each([
    ['an HTML page', fixture('homepage.html'), 'body is an HTML page'],
    [
      'JSON that is not a JSON Feed',
      '{"status":"ok","items":[]}',
      'body is JSON but not a JSON Feed',
    ],
    ['a JSON array', '[{"url":"https://news.example/a"}]', 'body is JSON'],
    ['plain text', 'Service temporarily unavailable', 'body is not XML'],
    ['an empty body', '  \n', 'empty body'],
    ['another XML document', '<?xml version="1.0"?><urlset/>', 'root element is <urlset>'],
  ])('refuses %s with a PermanentError that says why', (_what, body, reason) => {
    expect(() => parseFeed(body, FEED_URL)).toThrow(`not an RSS/Atom feed: ${reason}`);
    expect(() => parseFeed(body, FEED_URL)).toThrow(PermanentError);
  });

  it('refuses a billion-laughs document quickly, without expanding it', () => {
    const started = performance.now();
    expect(() => parseFeed(fixture('feed-billion-laughs.xml'), FEED_URL)).toThrow(
      'not an RSS/Atom feed: the document declares its own entities',
    );
    expect(performance.now() - started).toBeLessThan(200);
  });
});
