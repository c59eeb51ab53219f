import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  articlePage,
  recordingHooks,
  rssOf,
  send,
  useScriptedServer,
  testOutlet,
  quietCrawler,
} from './crawl-helpers.js';

const NOW = new Date('2024-05-10T12:00:00Z');
const serve = useScriptedServer();

const crawl = quietCrawler({ now: NOW, maxRequestRetries: 0 });

const articles = (...paths: string[]) =>
  Object.fromEntries(paths.map((p) => [p, send(articlePage(p))]));

describe('feeds', () => {
  it('reads a JSON Feed', async () => {
    const feed = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'News',
      items: [
        {
          id: 'a',
          url: '/news/json-story-one',
          title: 'From the feed',
          date_published: '2024-05-09T10:00:00Z',
        },
      ],
    });
    const s = await serve({
      '/feed.json': send(feed, 'application/feed+json'),
      ...articles('/news/json-story-one'),
    });
    const rec = recordingHooks();
    const summary = await crawl(
      testOutlet('json', `${s.url}/`, { feeds: [`${s.url}/feed.json`] }),
      rec.hooks,
    );
    expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/news/json-story-one`]);
    expect(summary).toMatchObject({ feedsRead: 1, articles: 1, failures: 0 });
  });

  it("skips feed entries older than the outlet's maxAge", async () => {
    const rss = `<rss><channel>
      <item><link>/news/fresh-story-one</link><pubDate>Thu, 09 May 2024 10:00:00 GMT</pubDate></item>
      <item><link>/news/stale-story-two</link><pubDate>Mon, 01 Apr 2024 10:00:00 GMT</pubDate></item>
      <item><link>/news/undated-story-three</link></item>
    </channel></rss>`;
    const s = await serve({
      '/rss.xml': send(rss, 'application/rss+xml'),
      ...articles('/news/fresh-story-one', '/news/stale-story-two', '/news/undated-story-three'),
    });
    const rec = recordingHooks();
    await crawl(
      testOutlet('age', `${s.url}/`, { feeds: [`${s.url}/rss.xml`], maxAge: '2d' }),
      rec.hooks,
    );
    expect(rec.articles().map((a) => a.url)).toEqual([
      `${s.url}/news/fresh-story-one`,
      `${s.url}/news/undated-story-three`,
    ]);
    expect(s.hits('/news/stale-story-two')).toBe(0);
  });

  it('finds the feeds a homepage announces when the outlet lists none', async () => {
    const home = `<!doctype html><html><head>
      <link rel="alternate" type="application/rss+xml" title="News" href="/rss.xml">
      <link rel="alternate" type="application/rss+xml" title="Comments" href="/comments/rss.xml">
      </head><body><a href="/about/">About</a></body></html>`;
    const s = await serve({
      '/': send(home),
      '/rss.xml': send(rssOf(['/news/announced-story-one']), 'application/rss+xml'),
      ...articles('/news/announced-story-one'),
    });
    const rec = recordingHooks();
    const summary = await crawl(testOutlet('auto', `${s.url}/`), rec.hooks);
    expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/news/announced-story-one`]);
    expect(summary).toMatchObject({ feedsRead: 1, failures: 0 });
    expect(s.hits('/comments/rss.xml')).toBe(0);
  });

  it('records a JSON document that is not a JSON Feed as a feed failure', async () => {
    const s = await serve({ '/feed.json': send('{"status":"ok"}', 'application/json') });
    const rec = recordingHooks();
    await crawl(testOutlet('badjson', `${s.url}/`, { feeds: [`${s.url}/feed.json`] }), rec.hooks);
    expect(rec.failures()).toEqual([
      {
        url: `${s.url}/feed.json`,
        stage: 'feed',
        reason: 'not an RSS/Atom feed: body is JSON but not a JSON Feed',
        status: 200,
      },
    ]);
  });
});

const newsSitemap = (entries: [string, string][]) => `<?xml version="1.0"?>
  <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  ${entries
    .map(
      ([loc, date]) =>
        `<url><loc>${loc}</loc><news:news><news:publication_date>${date}</news:publication_date></news:news></url>`,
    )
    .join('')}</urlset>`;

describe('sitemaps', () => {
  it('follows robots.txt to a sitemap index and news sitemaps, newest first, within maxAge', async () => {
    const index = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>/sitemap-old.xml</loc><lastmod>2023-01-01</lastmod></sitemap>
      <sitemap><loc>/sitemap-news.xml</loc><lastmod>2024-05-10</lastmod></sitemap></sitemapindex>`;
    const s = await serve({
      '/robots.txt': send('User-agent: *\nAllow: /\nSitemap: /sitemap-index.xml\n', 'text/plain'),
      '/': send('<!doctype html><html><body>No links</body></html>'),
      '/sitemap-index.xml': send(index, 'application/xml'),
      '/sitemap-news.xml': send(
        newsSitemap([
          ['/a1', '2024-05-08T10:00:00Z'],
          ['/a2', '2024-05-10T09:00:00Z'],
          ['/a3', '2024-04-01T09:00:00Z'],
          ['/a4', '2024-05-09T09:00:00Z'],
        ]),
        'application/xml',
      ),
      ...articles('/a1', '/a2', '/a3', '/a4'),
    });
    const rec = recordingHooks();
    const outlet = testOutlet('maps', `${s.url}/`, { maxAge: '7d', maxArticlesPerCrawl: 2 });
    const summary = await crawl(outlet, rec.hooks);
    // News entries are articles whatever their path looks like; the two newest are taken.
    expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/a2`, `${s.url}/a4`]);
    expect(summary).toMatchObject({ feedsRead: 2, articles: 2, failures: 0 });
    expect(s.hits('/sitemap-old.xml')).toBe(0);
    expect(s.hits('/a3')).toBe(0);
  });

  it("reads a listed sitemap with the outlet's patterns, and records one that is not a sitemap", async () => {
    const plain = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>/story/101</loc></url><url><loc>/tag/ports</loc></url><url><loc>/story/102/video</loc></url></urlset>`;
    const s = await serve({
      '/sitemap.xml': send(plain, 'application/xml'),
      '/not-a-sitemap.xml': send(rssOf(['/x']), 'application/rss+xml'),
      ...articles('/story/101'),
    });
    const rec = recordingHooks();
    const outlet = testOutlet('plain', `${s.url}/`, {
      sitemaps: [`${s.url}/sitemap.xml`, `${s.url}/not-a-sitemap.xml`],
      articleUrlPatterns: ['/story/\\d+$'],
    });
    await crawl(outlet, rec.hooks);
    expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/story/101`]);
    expect(rec.failures()).toEqual([
      {
        url: `${s.url}/not-a-sitemap.xml`,
        stage: 'sitemap',
        reason: 'not a sitemap: root element is <rss>',
        status: 200,
      },
    ]);
  });
});

describe('homepage and section pages', () => {
  it("follows article-like links of the sections, by the outlet's patterns", async () => {
    const section = `<!doctype html><html><body>
      <a href="/world/story/201">One</a> <a href="/world/story/202">Two</a>
      <a href="/world/gallery/2024/05/09/photos-of-the-week">Photos</a> <a href="/world/">World</a></body></html>`;
    const s = await serve({
      '/feed.xml': send(rssOf([]), 'application/rss+xml'),
      '/world/': send(section),
      ...articles('/world/story/201', '/world/story/202'),
    });
    const rec = recordingHooks();
    const outlet = testOutlet('sections', `${s.url}/`, {
      feeds: [`${s.url}/feed.xml`],
      sections: [`${s.url}/world/`],
      articleUrlPatterns: ['/story/\\d+$'],
      excludeUrlPatterns: ['/story/202'],
    });
    await crawl(outlet, rec.hooks);
    expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/world/story/201`]);
    expect(s.hits('/world/gallery/2024/05/09/photos-of-the-week')).toBe(0);
  });
});

describe('character sets', () => {
  const russian = 'Министры договорились о продлении зернового коридора после ночных переговоров.';
  const japanese = '外務大臣は穀物回廊の延長で合意した';

  it('reads pages and feeds in legacy encodings declared by header, <meta> or XML declaration', async () => {
    const page = (charsetTag: string, text: string) =>
      `<!doctype html><html><head>${charsetTag}<title>t</title></head><body><article>${`<p>${text.repeat(4)}</p>`.repeat(3)}</article></body></html>`;
    const feed = `<?xml version="1.0" encoding="shift_jis"?><rss><channel>
      <item><title>${japanese}</title><link>/news/sjis-story-one</link></item>
      <item><link>/news/cp1251-story-two</link></item><item><link>/news/gbk-story-three</link></item></channel></rss>`;
    const s = await serve({
      '/feed.xml': send(iconv.encode(feed, 'shift_jis'), 'application/rss+xml'),
      '/news/sjis-story-one': send(
        iconv.encode(page('', japanese), 'shift_jis'),
        'text/html; charset=Shift_JIS',
      ),
      '/news/cp1251-story-two': send(
        iconv.encode(page('<meta charset="windows-1251">', russian), 'windows-1251'),
        'text/html',
      ),
      '/news/gbk-story-three': send(
        iconv.encode(
          page(
            '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
            '外交部长同意延长粮食走廊，以缓解小麦价格上涨。',
          ),
          'gbk',
        ),
        'text/html',
      ),
    });
    const rec = recordingHooks();
    await crawl(testOutlet('charsets', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }), rec.hooks);
    expect(rec.failures()).toEqual([]);
    const texts = rec.articles().map((a) => a.text);
    expect(texts[0]).toContain(russian);
    expect(texts[1]).toContain('外交部长同意延长粮食走廊');
    expect(texts[2]).toContain(japanese);
    expect(rec.articles()[2]!.title).toBe('t');
  });
});
