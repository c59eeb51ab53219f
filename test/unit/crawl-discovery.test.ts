import { describe, expect, it } from 'vitest';
import { findArticleLinks, findFeedLinks, type LinkTag } from '../../src/crawl/discover.js';
import { parseFeed, parseSitemap } from '../../src/crawl/index.js';
import { PermanentError } from '../../src/errors.js';

const FEED_URL = 'https://news.example/feed.json';

describe('parseFeed on JSON Feed', () => {
  it('reads items by url, external_url or a URL id, with their dates and titles', () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'News',
      items: [
        {
          id: '1',
          url: '/news/2024/05/01/terminal',
          title: ' Terminal  opens ',
          date_published: '2024-05-01T08:00:00+02:00',
        },
        {
          id: '2',
          external_url: 'https://wire.example/story-2',
          date_modified: '2024-05-02T00:00:00Z',
        },
        { id: 'https://news.example/news/story-3' },
        { id: 'no-url-here', title: 'skipped' },
        'not an object',
      ],
    });
    expect(parseFeed(feed, FEED_URL)).toEqual([
      {
        url: 'https://news.example/news/2024/05/01/terminal',
        title: 'Terminal opens',
        publishedAt: new Date('2024-05-01T06:00:00Z'),
      },
      { url: 'https://wire.example/story-2', publishedAt: new Date('2024-05-02T00:00:00Z') },
      { url: 'https://news.example/news/story-3' },
    ]);
  });

  it('refuses broken JSON with a PermanentError', () => {
    expect(() => parseFeed('{"version": ', FEED_URL)).toThrow(PermanentError);
    expect(() => parseFeed('{"version": ', FEED_URL)).toThrow(
      'not an RSS/Atom feed: body is JSON but does not parse',
    );
  });
});

const SITEMAP_URL = 'https://news.example/sitemap-news.xml';

describe('parseSitemap', () => {
  it('reads a Google News sitemap with publication dates and titles', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
              xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://news.example/world/2024/05/01/terminal</loc>
          <news:news><news:publication><news:name>News</news:name><news:language>en</news:language></news:publication>
            <news:publication_date>2024-05-01T08:00:00+02:00</news:publication_date>
            <news:title>Terminal opens &amp; ships wait</news:title></news:news></url>
        <url><loc>/world/2024/04/30/strike</loc><lastmod>2024-04-30</lastmod></url>
        <url><loc>mailto:desk@news.example</loc></url>
      </urlset>`;
    expect(parseSitemap(xml, SITEMAP_URL)).toEqual({
      kind: 'urlset',
      entries: [
        {
          url: 'https://news.example/world/2024/05/01/terminal',
          publishedAt: new Date('2024-05-01T06:00:00Z'),
          title: 'Terminal opens & ships wait',
        },
        {
          url: 'https://news.example/world/2024/04/30/strike',
          modifiedAt: new Date('2024-04-30T00:00:00Z'),
        },
      ],
    });
  });

  it('reads a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://news.example/sitemap-2024-05.xml</loc><lastmod>2024-05-01T00:00:00Z</lastmod></sitemap>
      <sitemap><loc>https://news.example/sitemap-2024-04.xml</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(xml, SITEMAP_URL)).toEqual({
      kind: 'index',
      sitemaps: [
        {
          url: 'https://news.example/sitemap-2024-05.xml',
          modifiedAt: new Date('2024-05-01T00:00:00Z'),
        },
        { url: 'https://news.example/sitemap-2024-04.xml' },
      ],
    });
  });

  it.each([
    ['an RSS feed', '<rss><channel/></rss>', 'root element is <rss>'],
    ['an HTML page', '<!doctype html><html></html>', 'body is an HTML page'],
    [
      'entity declarations',
      '<!DOCTYPE u [<!ENTITY a "aaaa">]><urlset>&a;</urlset>',
      'the document declares its own entities',
    ],
  ])('refuses %s with a PermanentError', (_what, body, reason) => {
    expect(() => parseSitemap(body, SITEMAP_URL)).toThrow(`not a sitemap: ${reason}`);
    expect(() => parseSitemap(body, SITEMAP_URL)).toThrow(PermanentError);
  });
});

describe('findFeedLinks', () => {
  const tag = (rel: string, type: string, href: string, title?: string): LinkTag => ({
    rel,
    type,
    href,
    title,
  });

  it('finds RSS, Atom and JSON feeds announced in <link rel="alternate">, without comment feeds', () => {
    const links = [
      tag('stylesheet', 'text/css', '/style.css'),
      tag('alternate', 'application/rss+xml', '/rss.xml', 'News'),
      tag('alternate', 'application/rss+xml', '/comments/feed/', 'Comments'),
      tag('Alternate', 'application/atom+xml; charset=utf-8', 'https://news.example/atom.xml'),
      tag('alternate', 'application/feed+json', '/feed.json'),
      tag('alternate', 'application/json', '/wp-json/wp/v2/posts/1'),
      tag('alternate', 'text/html', '/fr/'),
      tag('alternate', 'application/rss+xml', '/rss.xml'),
    ];
    expect(findFeedLinks(links, 'https://news.example/')).toEqual([
      'https://news.example/rss.xml',
      'https://news.example/atom.xml',
      'https://news.example/feed.json',
    ]);
  });
});

describe("findArticleLinks with an outlet's patterns", () => {
  const hrefs = [
    '/world/story/123',
    '/world/story/124?page=2',
    '/world/2024/05/01/long-read-about-ports',
    '/world/video/125',
  ];

  it('follows only the links an include pattern takes', () => {
    const include = [/\/story\/\d+$/];
    expect(
      findArticleLinks(hrefs, 'https://news.example/world/', { include, exclude: [] }),
    ).toEqual(['https://news.example/world/story/123']);
  });

  it('drops what an exclude pattern matches from the built-in choice', () => {
    const exclude = [/\/video\//, /\?page=/];
    expect(
      findArticleLinks(hrefs, 'https://news.example/world/', { include: [], exclude }),
    ).toEqual([
      'https://news.example/world/story/123',
      'https://news.example/world/2024/05/01/long-read-about-ports',
    ]);
  });
});
