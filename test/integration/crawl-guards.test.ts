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

describe('unsafe or oversized responses', () => {
  const big = `<!doctype html><html><body><article>${'<p>word </p>'.repeat(20_000)}</article></body></html>`;

  it('records a body over maxResponseBytes as too large, with or without Content-Length', async () => {
    const s = await serve({
      '/feed.xml': send(
        rssOf(['/news/huge-story-one', '/news/chunked-story-two', '/news/open-story-three']),
        RSS,
      ),
      '/news/huge-story-one': send(big),
      '/news/chunked-story-two': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 50; i++) res.write('<p>'.padEnd(10_000, 'x'));
        res.end();
      },
      '/news/open-story-three': send(articlePage('Three')),
    });
    const rec = recordingHooks();
    await crawl(testOutlet('big', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }), rec.hooks, {
      maxResponseBytes: 100_000,
    });
    expect(rec.failures()).toEqual([
      {
        url: `${s.url}/news/chunked-story-two`,
        stage: 'page',
        reason: 'response too large (over 100000 bytes)',
        status: 200,
      },
      {
        url: `${s.url}/news/huge-story-one`,
        stage: 'page',
        reason: 'response too large (over 100000 bytes)',
        status: 200,
      },
    ]);
    expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/news/open-story-three`]);
    expect(s.hits('/news/huge-story-one')).toBe(1);
  });

  it('records a response that stalls as timed out', async () => {
    const s = await serve({
      '/feed.xml': send(
        rssOf(['/news/stalled-story-one', '/news/silent-story-two', '/news/open-story-three']),
        RSS,
      ),
      '/news/stalled-story-one': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<!doctype html><html><body>');
      },
      '/news/silent-story-two': () => undefined,
      '/news/open-story-three': send(articlePage('Three')),
    });
    const rec = recordingHooks();
    await crawl(testOutlet('slow', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }), rec.hooks, {
      requestTimeoutSecs: 1,
      maxRequestRetries: 0,
    });
    expect(rec.failures()).toEqual([
      { url: `${s.url}/news/silent-story-two`, stage: 'page', reason: 'timed out' },
      { url: `${s.url}/news/stalled-story-one`, stage: 'page', reason: 'timed out', status: 200 },
    ]);
    expect(rec.articles()).toHaveLength(1);
  });

  it('stops a page and a feed that trickle a byte at a time at the request deadline, counting the whole download', async () => {
    // A byte every 100 ms: no gap between bytes is ever long enough for an idle timeout.
    const trickle =
      (head: string): Script =>
      (_req, res) => {
        res.writeHead(200, { 'content-type': head.startsWith('<?xml') ? RSS : 'text/html' });
        res.write(head);
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
        setTimeout(() => {
          clearInterval(timer);
          res.end();
        }, 20_000).unref();
      };
    const s = await serve({
      '/feed.xml': send(rssOf(['/news/trickle-story-one', '/news/open-story-two']), RSS),
      '/slow-feed.xml': trickle('<?xml version="1.0"?><rss><channel>'),
      '/news/trickle-story-one': trickle('<!doctype html><html><body><article>'),
      '/news/open-story-two': send(articlePage('Two')),
    });
    const rec = recordingHooks();
    const started = Date.now();
    await crawl(testOutlet('trickle', `${s.url}/`, { feeds: [`${s.url}/feed.xml`, `${s.url}/slow-feed.xml`] }), rec.hooks, {
      requestTimeoutSecs: 2,
      maxRequestRetries: 0,
    });
    const elapsed = Date.now() - started;
    const reason = 'timed out';
    expect(rec.failures()).toEqual([
      { url: `${s.url}/news/trickle-story-one`, stage: 'page', reason, status: 200 },
      { url: `${s.url}/slow-feed.xml`, stage: 'feed', reason, status: 200 },
    ]);
    expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/news/open-story-two`]);
    // Both stopped at about 2 s, not when the server gave up at 20 s.
    expect(elapsed).toBeLessThan(10_000);
  });

  it('records a redirect loop as too many redirects', async () => {
    const redirect =
      (to: string): Script =>
      (_req, res) =>
        res.writeHead(302, { location: to }).end();
    const s = await serve({
      '/feed.xml': send(rssOf(['/news/loop-story-one', '/news/open-story-two']), RSS),
      '/news/loop-story-one': redirect('/news/loop-story-hop'),
      '/news/loop-story-hop': redirect('/news/loop-story-one'),
      '/news/open-story-two': send(articlePage('Two')),
    });
    const rec = recordingHooks();
    await crawl(testOutlet('loop', `${s.url}/`, { feeds: [`${s.url}/feed.xml`] }), rec.hooks, {
      maxRedirects: 3,
      maxRequestRetries: 0,
    });
    expect(rec.failures()).toEqual([
      { url: `${s.url}/news/loop-story-one`, stage: 'page', reason: 'too many redirects' },
    ]);
    expect(rec.articles()).toHaveLength(1);
    // The first request and three redirects, then it stops.
    expect(s.hits('/news/loop-story-one') + s.hits('/news/loop-story-hop')).toBe(4);
  });

  it('refuses a name that resolves to a private address, without connecting', async () => {
    const s = await serve({ '/feed.xml': send(rssOf(['/news/open-story-one']), RSS) });
    const rec = recordingHooks();
    const intranet = async (host: string): Promise<LookupAddress[]> =>
      host === 'intranet.test'
        ? [{ address: '10.0.0.5', family: 4 }]
        : [{ address: '127.0.0.1', family: 4 }];
    const outlet = testOutlet('dns', `http://news.test:${s.port}/`, {
      feeds: [`http://news.test:${s.port}/feed.xml`, `http://intranet.test:${s.port}/feed.xml`],
      allowPrivateNetwork: false,
    });
    await crawl(outlet, rec.hooks, { resolveHost: intranet });
    expect(rec.failures()).toEqual([
      {
        url: `http://intranet.test:${s.port}/feed.xml`,
        stage: 'feed',
        reason: 'refused: private network address (intranet.test resolves to 10.0.0.5)',
      },
      {
        url: `http://news.test:${s.port}/feed.xml`,
        stage: 'feed',
        reason: 'refused: private network address (news.test resolves to 127.0.0.1)',
      },
    ]);
    expect(s.seen).toEqual([]);
  });
});

describe('private networks by allow-list', () => {
  it('reaches a listed host, and refuses link-local (metadata) and unlisted private addresses, redirects included', async () => {
    const redirect =
      (to: string): Script =>
      (_req, res) =>
        res.writeHead(302, { location: to }).end();
    // Routes filled in once the port is known (the links name it).
    const routes: Record<string, Script> = {};
    const s = await serve(routes);
    const at = (host: string, p: string) => `http://${host}:${s.port}${p}`;
    Object.assign(routes, {
      '/feed.xml': send(
        rssOf([
          '/news/open-story-one',
          '/news/metadata-story-two',
          '/news/named-metadata-story-three',
          at('intranet.test', '/news/intranet-story-four'),
          '/news/hop-story-five',
        ]),
        RSS,
      ),
      '/news/open-story-one': send(articlePage('One')),
      // A literal link-local address: refused before connecting.
      '/news/metadata-story-two': redirect('http://169.254.169.254/latest/meta-data/'),
      // A name that resolves to one: refused at the lookup of the redirect's connection.
      '/news/named-metadata-story-three': redirect(at('metadata.test', '/latest/meta-data/')),
      '/news/hop-story-five': redirect(at('intranet.test', '/news/open-story-one')),
    });
    const dns = async (host: string): Promise<LookupAddress[]> => {
      if (host === 'news.test') return [{ address: '127.0.0.1', family: 4 }];
      if (host === 'metadata.test') return [{ address: '169.254.169.254', family: 4 }];
      return [{ address: '10.0.0.5', family: 4 }];
    };
    const rec = recordingHooks();
    // metadata.test is listed by name, yet its link-local address stays refused.
    const outlet = testOutlet('listed', at('news.test', '/'), {
      feeds: [at('news.test', '/feed.xml')],
      allowPrivateNetwork: ['news.test', 'metadata.test'],
    });
    await crawl(outlet, rec.hooks, { resolveHost: dns, maxRequestRetries: 0 });
    expect(rec.articles().map((a) => a.url)).toEqual([at('news.test', '/news/open-story-one')]);
    expect(rec.failures()).toEqual([
      {
        url: at('intranet.test', '/news/intranet-story-four'),
        stage: 'page',
        reason: 'refused: private network address (intranet.test resolves to 10.0.0.5)',
      },
      {
        url: at('news.test', '/news/hop-story-five'),
        stage: 'page',
        reason: 'refused: private network address (intranet.test resolves to 10.0.0.5)',
      },
      {
        url: at('news.test', '/news/metadata-story-two'),
        stage: 'page',
        reason: 'refused: private network address (redirect to http://169.254.169.254/latest/meta-data/: 169.254.169.254, a link-local or metadata address (list it explicitly to allow it))',
      },
      {
        url: at('news.test', '/news/named-metadata-story-three'),
        stage: 'page',
        reason: 'refused: private network address (metadata.test resolves to 169.254.169.254, a link-local or metadata address (list it explicitly to allow it))',
      },
    ]);
    // The refused redirects never reached a server.
    expect(s.seen.filter((r) => r.path.startsWith('/latest'))).toEqual([]);
  });
});

describe('XML bombs in feeds and sitemaps', () => {
  const lols = (root: string, body: string, comment = '') => {
    const levels = Array.from({ length: 9 }, (_, i) => {
      const prev = i === 0 ? 'lol' : `lol${i}`;
      return `<!ENTITY lol${i + 1} "${`&${prev};`.repeat(10)}">`;
    }).join('\n');
    return `<?xml version="1.0"?>\n<!DOCTYPE ${root} [${comment}\n<!ENTITY lol "lol">\n${levels}\n]>\n${body}`;
  };
  const REFUSED = 'the document declares its own entities';

  it('refuses billion laughs, a hidden DTD and an external entity quickly, with bounded memory, and crawls the rest', async () => {
    const rssBomb = lols('rss', '<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>/news/bomb-story-one</link></item></channel></rss>');
    // A "]" inside a comment of the internal subset must not hide the declarations after it.
    const hidden = lols('rss', '<rss version="2.0"><channel><item><title>&lol9;</title><link>/news/bomb-story-two</link></item></channel></rss>', '<!-- ] -->');
    const sitemapBomb = lols('urlset', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/news/bomb-story-three</loc><lastmod>&lol9;</lastmod></url></urlset>');
    const external = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><item><title>&xxe;</title><link>/news/bomb-story-four</link></item></channel></rss>`;
    const s = await serve({
      '/bomb.xml': send(rssBomb, RSS),
      '/hidden.xml': send(hidden, RSS),
      '/external.xml': send(external, RSS),
      '/sitemap.xml': send(sitemapBomb, 'application/xml'),
      '/good.xml': send(rssOf(['/news/open-story-one', '/news/open-story-two']), RSS),
      '/news/open-story-one': send(articlePage('One')),
      '/news/open-story-two': send(articlePage('Two')),
    });
    const rec = recordingHooks();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const outlet = testOutlet('bombs', `${s.url}/`, {
      feeds: [`${s.url}/bomb.xml`, `${s.url}/hidden.xml`, `${s.url}/external.xml`, `${s.url}/good.xml`],
      sitemaps: [`${s.url}/sitemap.xml`],
    });
    const summary = await crawl(outlet, rec.hooks);
    const ms = performance.now() - started;
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;

    expect(rec.failures()).toEqual([
      { url: `${s.url}/bomb.xml`, stage: 'feed', reason: `not an RSS/Atom feed: ${REFUSED}`, status: 200 },
      { url: `${s.url}/external.xml`, stage: 'feed', reason: `not an RSS/Atom feed: ${REFUSED}`, status: 200 },
      { url: `${s.url}/hidden.xml`, stage: 'feed', reason: `not an RSS/Atom feed: ${REFUSED}`, status: 200 },
      { url: `${s.url}/sitemap.xml`, stage: 'sitemap', reason: `not a sitemap: ${REFUSED}`, status: 200 },
    ]);
    expect(rec.articles().map((a) => a.url)).toEqual([
      `${s.url}/news/open-story-one`,
      `${s.url}/news/open-story-two`,
    ]);
    expect(summary).toMatchObject({ articles: 2, failures: 4 });
    // Expanded, each bomb is 10^9 "lol"s (3 GB): a crawl that finishes at all did not expand one.
    // The bounds are loose on purpose: they catch an expansion, not scheduling noise.
    expect(ms).toBeLessThan(10_000);
    expect(heapGrowthMb).toBeLessThan(100);
    for (const path of ['/news/bomb-story-one', '/news/bomb-story-two', '/news/bomb-story-three', '/news/bomb-story-four']) {
      expect(s.hits(path)).toBe(0);
    }
  });
});
