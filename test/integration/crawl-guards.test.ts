import type { LookupAddress } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  crawlOutlet,
  type CrawlHooks,
  type CrawlOptions,
  type Outlet,
} from '../../src/crawl/index.js';
import { silentLogger } from '../../src/log.js';
import {
  articlePage,
  recordingHooks,
  rssOf,
  send,
  useScriptedServer,
  testOutlet,
  type Script,
} from './crawl-helpers.js';

const RSS = 'application/rss+xml';
const serve = useScriptedServer();

function crawl(outlet: Outlet, hooks: CrawlHooks, extra: Partial<CrawlOptions> = {}) {
  return crawlOutlet(outlet, hooks, { log: silentLogger, maxRequestRetries: 1, ...extra });
}

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
