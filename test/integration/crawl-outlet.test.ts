import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outletSchema, type Outlet } from '../../src/config/index.js';
import {
  crawlOutlet,
  USER_AGENT,
  type ArticleCandidate,
  type CrawlFailure,
  type CrawlHooks,
} from '../../src/crawl/index.js';
import { quietCrawler } from './crawl-helpers.js';
import { closedPortUrl, startFixtureServer, type FixtureServer } from '../helpers/http-server.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/crawl/${name}`, import.meta.url), 'utf8');

const RSS = 'application/rss+xml; charset=utf-8';
const oneItemFeed = (link: string) =>
  `<rss><channel><item><link>${link}</link></item></channel></rss>`;

const ROUTES = {
  '/feeds/world.xml': { type: RSS, body: fixture('feed-rss2.xml') },
  '/feeds/html-instead.xml': { body: fixture('homepage.html') },
  '/feeds/flaky.xml': { type: RSS, body: oneItemFeed('/news/2024/03/02/flaky-story') },
  '/news/2024/03/05/grain-corridor-extension': { body: fixture('article-jsonld.html') },
  '/business/port-workers-end-strike-after-pay-deal': { body: fixture('article-meta.html') },
  '/actualites/2024/01/15/plan-de-transport': { body: fixture('article-time.html') },
  '/files/annual-report-2023.pdf': { type: 'application/pdf', body: Buffer.from('%PDF-1.7') },
  '/gallery/photos-of-the-week': { body: fixture('no-article.html') },
  '/news/2024/03/02/flaky-story': { status: 503, type: 'text/plain', body: 'try later' },
  '/': { body: fixture('homepage.html') },
};

let server: FixtureServer;
const storageDir = resolve('storage');
const storageExistedBefore = existsSync(storageDir);

beforeAll(async () => {
  server = await startFixtureServer(ROUTES);
});
afterAll(async () => {
  await server.close();
});

const at = (path: string): string => `${server.url}${path}`;

function outlet(id: string, fields: Partial<Outlet> = {}): Outlet {
  const base = { id, name: id, homepage: at('/'), allowPrivateNetwork: true };
  return outletSchema.parse({ ...base, ...fields });
}

function recordingHooks(known: string[] = []) {
  const articles: ArticleCandidate[] = [];
  const failures: CrawlFailure[] = [];
  const asked: string[] = [];
  const hooks: CrawlHooks = {
    knownUrls: async (urls) => {
      asked.push(...urls);
      return new Set(urls.filter((u) => known.includes(u)));
    },
    onArticle: async (article) => {
      articles.push(article);
    },
    onFailure: async (failure) => {
      failures.push(failure);
    },
  };
  const byUrl = <T extends { url: string }>(items: T[]) =>
    [...items].sort((a, b) => (a.url < b.url ? -1 : 1));
  return { hooks, articles: () => byUrl(articles), failures: () => byUrl(failures), asked };
}

/** The optional ArticleCandidate fields, with the values these fixtures give. */
const extras = (fields: Partial<ArticleCandidate>): Partial<ArticleCandidate> => ({
  ...{ modifiedAt: null, section: null, qualityFlags: [] },
  simhash: expect.stringMatching(/^[0-9a-f]{16}$/),
  ...fields,
});

const crawl = quietCrawler();

describe('crawlOutlet', () => {
  it('hands good articles to onArticle, bad URLs to onFailure, and skips known URLs', async () => {
    const known = at('/news/2024/02/28/already-stored-story');
    const rec = recordingHooks([known]);
    const summary = await crawl(outlet('courier', { feeds: [at('/feeds/world.xml')] }), rec.hooks);

    expect(rec.articles()).toEqual([
      {
        outletId: 'courier',
        url: at('/actualites/2024/01/15/plan-de-transport'),
        canonicalUrl: 'https://riverain.example/actualites/2024/01/15/plan-de-transport',
        title: 'La ville adopte un nouveau plan de transport',
        // The dateline under the headline is not part of the story.
        text: expect.stringMatching(/^Le conseil municipal a adopté/),
        author: 'Claire Dubois',
        publishedAt: new Date('2024-01-15T18:20:00Z'),
        language: 'fr',
        ...extras({ authors: ['Claire Dubois'] }),
      },
      {
        outletId: 'courier',
        url: at('/business/port-workers-end-strike-after-pay-deal'),
        canonicalUrl: at('/business/port-workers-end-strike-after-pay-deal'),
        title: 'Port workers end strike after pay deal',
        text: expect.stringContaining('Dock workers at the northern container terminal'),
        author: 'Jonas Berg',
        publishedAt: new Date('2024-02-20T12:45:00Z'),
        language: 'en',
        ...extras({ authors: ['Jonas Berg'] }),
      },
      {
        outletId: 'courier',
        // The feed's link carried utm_* parameters.
        url: at('/news/2024/03/05/grain-corridor-extension'),
        canonicalUrl:
          'https://www.harbourcourier.example/world/2024/03/05/grain-corridor-extension?ref=home',
        title: 'Ministers agree grain corridor extension after overnight talks',
        text: expect.stringContaining('Foreign ministers from the three coastal states'),
        author: 'Maria Lindqvist, Tomás Ortega',
        publishedAt: new Date('2024-03-05T13:30:00Z'),
        language: 'en',
        ...extras({
          authors: ['Maria Lindqvist', 'Tomás Ortega'],
          modifiedAt: new Date('2024-03-05T15:05:00Z'),
        }),
      },
    ]);
    expect(rec.articles()[2]!.text).not.toMatch(/Most read|cookies|All rights reserved|Subscribe/);

    expect(rec.failures()).toEqual([
      {
        url: at('/files/annual-report-2023.pdf'),
        stage: 'page',
        reason: 'content type application/pdf is not HTML',
        status: 200,
      },
      {
        url: at('/gallery/photos-of-the-week'),
        stage: 'page',
        reason: expect.stringMatching(/^no article text found/),
        status: 200,
      },
      { url: at('/news/2024/03/01/missing-story'), stage: 'page', reason: 'HTTP 404', status: 404 },
    ]);
    expect(summary).toEqual({ feedsRead: 1, discovered: 7, fetched: 6, articles: 3, failures: 3 });

    expect(rec.asked).toContain(known);
    expect(server.hits('/news/2024/02/28/already-stored-story')).toBe(0);
    // Permanent failures are not retried.
    expect(server.hits('/news/2024/03/01/missing-story')).toBe(1);
    expect(server.hits('/files/annual-report-2023.pdf')).toBe(1);
    expect(server.hits('/gallery/photos-of-the-week')).toBe(1);
  });

  it('reports a feed that serves an HTML page as a feed failure', async () => {
    const rec = recordingHooks();
    const feeds = [at('/feeds/html-instead.xml')];
    const summary = await crawl(outlet('htmlfeed', { feeds }), rec.hooks);
    expect(rec.failures()).toEqual([
      {
        url: at('/feeds/html-instead.xml'),
        stage: 'feed',
        reason: 'not an RSS/Atom feed: body is an HTML page',
        status: 200,
      },
    ]);
    expect(summary).toMatchObject({ feedsRead: 0, articles: 0, failures: 1 });
    expect(server.hits('/feeds/html-instead.xml')).toBe(1);
  });

  it('ends a dead outlet as a failure and resolves', async () => {
    const dead = await closedPortUrl();
    const rec = recordingHooks();
    const target = outlet('dead', { homepage: `${dead}/`, feeds: [`${dead}/rss`] });
    const summary = await crawl(target, rec.hooks);
    expect(rec.failures()).toEqual([
      { url: `${dead}/rss`, stage: 'feed', reason: 'connection refused' },
    ]);
    expect(summary).toEqual({ feedsRead: 0, discovered: 0, fetched: 0, articles: 0, failures: 1 });
  });

  it('retries a 503 and then reports it', async () => {
    const rec = recordingHooks();
    const feeds = [at('/feeds/flaky.xml')];
    await crawl(outlet('flaky', { feeds }), rec.hooks, { maxRequestRetries: 1 });
    const url = at('/news/2024/03/02/flaky-story');
    expect(rec.failures()).toEqual([{ url, stage: 'page', reason: 'HTTP 503', status: 503 }]);
    expect(server.hits('/news/2024/03/02/flaky-story')).toBe(2);
  });

  it('refuses private addresses without connecting unless the outlet allows them', async () => {
    const rec = recordingHooks();
    const before = server.requests.length;
    const feeds = [at('/feeds/world.xml'), 'http://localhost:9/rss', 'http://[::1]:9/rss'];
    const target = outlet('private', { feeds, allowPrivateNetwork: false });
    const summary = await crawl(target, rec.hooks);
    expect(new Set(rec.failures().map((f) => f.url))).toEqual(new Set(feeds));
    for (const { url, ...rest } of rec.failures()) {
      expect(rest, url).toEqual({ stage: 'feed', reason: expect.stringMatching(/^refused: private network address \((127\.0\.0\.1|localhost resolves to 127\.0\.0\.1|::1)\)$/) });
    }
    expect(summary.failures).toBe(3);
    expect(server.requests.length).toBe(before);
  });

  it('discovers same-site article links on the homepage when an outlet has no feeds', async () => {
    const rec = recordingHooks();
    const summary = await crawl(outlet('homepage-only'), rec.hooks);
    expect(rec.articles().map((a) => a.url)).toEqual([
      at('/business/port-workers-end-strike-after-pay-deal'),
      at('/news/2024/03/05/grain-corridor-extension'),
    ]);
    expect(rec.failures()).toEqual([]);
    expect(summary).toMatchObject({ feedsRead: 0, discovered: 2, fetched: 2, articles: 2 });
  });

  it('fetches at most maxArticlesPerCrawl article pages, in feed order', async () => {
    const rec = recordingHooks();
    const feeds = [at('/feeds/world.xml')];
    const summary = await crawl(outlet('capped', { feeds, maxArticlesPerCrawl: 2 }), rec.hooks);
    expect(rec.articles().map((x) => x.url)).toEqual([
      at('/business/port-workers-end-strike-after-pay-deal'),
      at('/news/2024/03/05/grain-corridor-extension'),
    ]);
    expect(summary).toMatchObject({ discovered: 7, fetched: 2, failures: 0 });
  });

  it('runs concurrent crawls with separate queues', async () => {
    const feeds = [at('/feeds/world.xml')];
    const [a, b] = [recordingHooks(), recordingHooks()];
    const dead = await closedPortUrl();
    const [sa, sb] = await Promise.all([
      crawl(outlet('twin-a', { feeds }), a.hooks),
      crawl(outlet('twin-b', { feeds }), b.hooks),
      crawl(outlet('twin-dead', { feeds: [`${dead}/rss`] }), recordingHooks().hooks),
    ]);
    // One shared queue would have deduplicated the second crawl's URLs away.
    expect(a.articles()).toHaveLength(3);
    expect(b.articles().map((x) => x.url)).toEqual(a.articles().map((x) => x.url));
    expect(new Set(a.articles().map((x) => x.outletId))).toEqual(new Set(['twin-a']));
    expect(new Set(b.articles().map((x) => x.outletId))).toEqual(new Set(['twin-b']));
    expect(sb).toEqual(sa);
  });

  it('reports a page whose onArticle hook fails, with the hook named in the reason', async () => {
    const failures: CrawlFailure[] = [];
    const hooks: CrawlHooks = {
      knownUrls: async () => new Set(),
      onArticle: async () => {
        throw new Error('database is down');
      },
      onFailure: async (failure) => {
        failures.push(failure);
      },
    };
    const feeds = [at('/feeds/world.xml')];
    const target = outlet('hook-fails', { feeds, maxArticlesPerCrawl: 1 });
    await crawl(target, hooks, { maxRequestRetries: 0 });
    expect(failures).toEqual([
      {
        url: at('/news/2024/03/05/grain-corridor-extension'),
        stage: 'page',
        reason: 'crawl hook onArticle failed: database is down',
        status: 200,
      },
    ]);
  });

  it('rejects when a failure cannot be recorded', async () => {
    const hooks: CrawlHooks = {
      knownUrls: async () => new Set(),
      onArticle: async () => {},
      onFailure: async () => {
        throw new Error('cannot record the failure');
      },
    };
    const target = outlet('unrecordable', { feeds: [at('/feeds/html-instead.xml')] });
    await expect(crawl(target, hooks)).rejects.toThrow('cannot record the failure');
  });

  it('identifies itself with the stancewatch User-Agent', async () => {
    const before = server.requests.length;
    await crawl(outlet('polite', { feeds: [at('/feeds/world.xml')] }), recordingHooks().hooks);
    const sent = server.requests.slice(before);
    expect(sent.length).toBeGreaterThan(1);
    for (const request of sent) expect(request.headers['user-agent']).toBe(USER_AGENT);
  });

  // Runs last, after every crawl of this file.
  it('writes no ./storage folder', () => {
    expect(storageExistedBefore).toBe(false);
    expect(existsSync(storageDir)).toBe(false);
  });
});
