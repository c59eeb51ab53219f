import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  articlePage,
  recordingHooks,
  rssOf,
  send,
  useScriptedServer,
  testOutlet,
  type Script,
  quietCrawler,
  RSS,
} from './crawl-helpers.js';

const serve = useScriptedServer();

const crawl = quietCrawler({ maxRequestRetries: 1 });

/** Resolves every *.test name to loopback, so that one server plays several named hosts. */
const loopbackDns = async (): Promise<LookupAddress[]> => [{ address: '127.0.0.1', family: 4 }];

describe('robots.txt', () => {
  it('records disallowed URLs as failures, fetches the rest, and reads robots.txt once', async () => {
    const s = await serve({
      '/robots.txt': send('User-agent: *\nDisallow: /private/\n', 'text/plain'),
      '/feed.xml': send(
        rssOf(['/news/open-story-one', '/private/secret-story', '/news/open-story-two']),
        RSS,
      ),
      '/news/open-story-one': send(articlePage('One')),
      '/news/open-story-two': send(articlePage('Two')),
    });
    const rec = recordingHooks();
    const summary = await crawl(
      testOutlet('robots', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }),
      rec.hooks,
    );
    expect(rec.failures()).toEqual([
      { url: `${s.url}/private/secret-story`, stage: 'page', reason: 'disallowed by robots.txt' },
    ]);
    expect(rec.articles().map((a) => a.url)).toEqual([
      `${s.url}/news/open-story-one`,
      `${s.url}/news/open-story-two`,
    ]);
    expect(summary).toMatchObject({ articles: 2, failures: 1, fetched: 2 });
    expect(s.hits('/private/secret-story')).toBe(0);
    expect(s.hits('/robots.txt')).toBe(1);
    expect(s.seen[0]!.path).toBe('/robots.txt');
  });

  it('records a disallowed feed as a feed failure', async () => {
    const s = await serve({
      '/robots.txt': send('User-agent: stancewatch\nDisallow: /\n', 'text/plain'),
    });
    const rec = recordingHooks();
    await crawl(
      testOutlet('robots-feed', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }),
      rec.hooks,
    );
    expect(rec.failures()).toEqual([
      { url: `${s.url}/feed.xml`, stage: 'feed', reason: 'disallowed by robots.txt' },
    ]);
  });

  it.each([
    ['missing', (_req, res) => res.writeHead(404).end()],
    ['failing', (_req, res) => res.writeHead(500).end()],
    ['cut off', (_req, res) => res.socket?.destroy()],
  ] satisfies [string, Script][])(
    'allows everything when robots.txt is %s',
    async (_how, robots) => {
      const s = await serve({
        '/robots.txt': robots,
        '/feed.xml': send(rssOf(['/news/open-story-one']), RSS),
        '/news/open-story-one': send(articlePage('One')),
      });
      const rec = recordingHooks();
      await crawl(
        testOutlet('no-robots', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }),
        rec.hooks,
      );
      expect(rec.failures()).toEqual([]);
      expect(rec.articles()).toHaveLength(1);
      expect(s.hits('/robots.txt')).toBe(1);
    },
  );

  it('waits the Crawl-delay between two requests to the host', async () => {
    const s = await serve({
      '/robots.txt': send('User-agent: *\nCrawl-delay: 1\n', 'text/plain'),
      '/feed.xml': send(rssOf(['/news/open-story-one', '/news/open-story-two']), RSS),
      '/news/open-story-one': send(articlePage('One')),
      '/news/open-story-two': send(articlePage('Two')),
    });
    await crawl(
      testOutlet('delay', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }),
      recordingHooks().hooks,
    );
    const starts = s.seen.filter((r) => r.path.startsWith('/news/')).map((r) => r.at);
    expect(starts).toHaveLength(2);
    expect(Math.abs(starts[1]! - starts[0]!)).toBeGreaterThanOrEqual(950);
  });
});

describe('User-Agent', () => {
  it("sends the crawl option, and an outlet's own over it, on every request", async () => {
    const routes = {
      '/feed.xml': send(rssOf(['/news/open-story-one']), RSS),
      '/news/open-story-one': send(articlePage('One')),
    };
    const s = await serve(routes);
    const agent = 'stancewatch/0.1 (+https://ops.example/contact)';
    await crawl(
      testOutlet('ua', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }),
      recordingHooks().hooks,
      { userAgent: agent },
    );
    expect(new Set(s.seen.map((r) => r.userAgent))).toEqual(new Set([agent]));
    const own = 'harbourbot/2.0 (+https://harbour.example/bot)';
    const before = s.seen.length;
    const outlet = testOutlet('ua2', `${s.url}/`, { feeds: [`${s.url}/feed.xml`], userAgent: own });
    await crawl(outlet, recordingHooks().hooks, { userAgent: agent });
    expect(new Set(s.seen.slice(before).map((r) => r.userAgent))).toEqual(new Set([own]));
  });
});

describe('per-host limits', () => {
  const slowArticles = (n: number) =>
    Object.fromEntries(
      Array.from({ length: n }, (_, i) => [
        `/news/slow-story-${i}`,
        send(articlePage(`Story ${i}`), undefined, 150),
      ]),
    );

  it('keeps at most maxConcurrencyPerHost requests in flight to one host', async () => {
    const links = Array.from({ length: 6 }, (_, i) => `/news/slow-story-${i}`);
    const s = await serve({ '/feed.xml': send(rssOf(links), RSS), ...slowArticles(6) });
    const rec = recordingHooks();
    await crawl(testOutlet('conc', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }), rec.hooks, {
      maxConcurrency: 6,
      maxConcurrencyPerHost: 1,
    });
    expect(rec.articles()).toHaveLength(6);
    expect(s.maxInFlight()).toBe(1);
  });

  it('spaces requests to a named host by sameDomainDelaySecs', async () => {
    const s = await serve({
      '/feed.xml': send(rssOf(['/news/open-story-one', '/news/open-story-two']), RSS),
      '/news/open-story-one': send(articlePage('One')),
      '/news/open-story-two': send(articlePage('Two')),
    });
    const base = `http://news.test:${s.port}`;
    const rec = recordingHooks();
    await crawl(testOutlet('named', `${base}/`, { feeds: [`${base}/feed.xml`] }), rec.hooks, {
      resolveHost: loopbackDns,
      sameDomainDelaySecs: 0.4,
    });
    expect(rec.articles()).toHaveLength(2);
    const starts = s.seen.map((r) => r.at);
    for (let i = 1; i < starts.length; i++)
      expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(380);
  });
});

/** A feed whose links are built from the port the request came in on. */
const feedFor =
  (links: (port: string) => string[]): Script =>
  (req, res) => {
    const port = (req.headers.host ?? '').split(':')[1] ?? '';
    res.writeHead(200, { 'content-type': RSS }).end(rssOf(links(port)));
  };

describe('429 and 503 with Retry-After', () => {
  const busyOnce =
    (status: number, retryAfter: string): Script =>
    (_req, res, hit) => {
      if (hit === 1)
        res
          .writeHead(status, { 'retry-after': retryAfter, 'content-type': 'text/plain' })
          .end('later');
      else res.writeHead(200, { 'content-type': 'text/html' }).end(articlePage('Busy'));
    };

  it('pauses only the host that asked, then fetches from it again', async () => {
    const s = await serve({
      '/feed.xml': feedFor((port) => [
        `http://a.test:${port}/news/busy-story-one`,
        `http://b.test:${port}/news/calm-story-one`,
      ]),
      '/news/busy-story-one': busyOnce(429, '1'),
      '/news/calm-story-one': send(articlePage('Calm')),
    });
    const base = `http://a.test:${s.port}`;
    const rec = recordingHooks();
    await crawl(testOutlet('retry-after', `${base}/`, { feeds: [`${base}/feed.xml`] }), rec.hooks, {
      resolveHost: loopbackDns,
      sameDomainDelaySecs: 0,
    });
    expect(rec.failures()).toEqual([]);
    expect(rec.articles()).toHaveLength(2);
    const busy = s.seen.filter((r) => r.path === '/news/busy-story-one').map((r) => r.at);
    const calm = s.seen.find((r) => r.path === '/news/calm-story-one')!.at;
    expect(busy).toHaveLength(2);
    expect(busy[1]! - busy[0]!).toBeGreaterThanOrEqual(950);
    // The other host was not held up by the pause.
    expect(calm).toBeLessThan(busy[1]!);
  });

  it('records a 503 that asks for more than the crawl waits, and gives up on that host only', async () => {
    const s = await serve({
      '/feed.xml': feedFor((port) => [
        `http://a.test:${port}/news/busy-story-one`,
        `http://b.test:${port}/news/calm-story-one`,
      ]),
      '/news/busy-story-one': busyOnce(503, '3600'),
      '/news/calm-story-one': send(articlePage('Calm')),
    });
    const base = `http://a.test:${s.port}`;
    const rec = recordingHooks();
    await crawl(testOutlet('give-up', `${base}/`, { feeds: [`${base}/feed.xml`] }), rec.hooks, {
      resolveHost: loopbackDns,
      sameDomainDelaySecs: 0,
    });
    expect(rec.failures()).toEqual([
      {
        url: `${base}/news/busy-story-one`,
        stage: 'page',
        reason: 'HTTP 503 (asked to retry after 3600 s)',
        status: 503,
      },
    ]);
    expect(rec.articles().map((a) => a.url)).toEqual([
      `http://b.test:${s.port}/news/calm-story-one`,
    ]);
    expect(s.hits('/news/busy-story-one')).toBe(1);
  });
});
