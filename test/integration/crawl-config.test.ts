import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/index.js';
import { crawlOutlet } from '../../src/crawl/index.js';
import { silentLogger } from '../../src/log.js';
import { articlePage, recordingHooks, send, useScriptedServer } from './crawl-helpers.js';

// The outlet options as an operator writes them in the config file, through the same parser as
// `--config`, down to what the crawler fetches.
const NOW = new Date('2024-05-10T12:00:00Z');
const serve = useScriptedServer();

const page = (links: string[]) =>
  `<!doctype html><html><body>${links.map((l) => `<a href="${l}">${l}</a>`).join(' ')}</body></html>`;

function rssDated(items: [string, string][]): string {
  const xml = items
    .map(([link, date]) => `<item><title>${link}</title><link>${link}</link><pubDate>${date}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${xml}</channel></rss>`;
}

describe('outlet options from the config file', () => {
  it('crawls only the sections, links, ages and sizes the outlet allows', async () => {
    const s = await serve({
      '/': send(page(['/world/2024/05/09/homepage-only-story'])),
      '/rss.xml': send(
        rssDated([
          ['/world/2024/05/09/fresh-feed-story', 'Thu, 09 May 2024 08:00:00 GMT'],
          ['/world/2024/04/01/stale-feed-story', 'Mon, 01 Apr 2024 08:00:00 GMT'],
        ]),
        'application/rss+xml',
      ),
      '/world/': send(
        page([
          '/world/2024/05/10/fresh-section-story',
          '/world/2024/05/08/older-but-allowed-story',
          '/world/2024/03/02/stale-section-story',
          '/world/2024/05/10/live/minute-by-minute-blog',
          '/world/2024/05/10/huge-section-story',
          '/world/video/2024/05/10/a-video-page',
          '/about/our-newsroom-and-our-values',
        ]),
      ),
      '/business/': send(page(['/business/2024/05/10/markets-open-higher-today'])),
      '/world/2024/05/09/fresh-feed-story': send(articlePage('Fresh feed story')),
      '/world/2024/05/10/fresh-section-story': send(articlePage('Fresh section story')),
      '/world/2024/05/08/older-but-allowed-story': send(articlePage('Older but allowed story')),
      '/world/2024/05/10/huge-section-story': send(
        `<html><body><article>${'<p>A long paragraph of the story. </p>'.repeat(2_000)}</article></body></html>`,
      ),
      '/business/2024/05/10/markets-open-higher-today': send(articlePage('Markets')),
    });
    const config = parseConfigText(`
outlets:
  - id: wired
    name: Wired Options Daily
    homepage: ${s.url}/
    feeds: [${s.url}/rss.xml]
    schedule: 30m
    allowPrivateNetwork: true
    sections: [${s.url}/world/, ${s.url}/business/]
    articleUrlPatterns: ['/(world|business)/\\d{4}/\\d{2}/\\d{2}/[a-z-]+$']
    excludeUrlPatterns: ['/live/', '^.*/business/']
    maxAge: 3d
    userAgent: wired-bot/1.0 (+https://example.org/bot)
    maxConcurrencyPerHost: 1
    hostDelay: 0ms
    maxResponseSize: 32KB
    requestTimeout: 5s
    maxRetries: 0
`);
    const outlet = config.outlets[0]!;
    const rec = recordingHooks();
    const summary = await crawlOutlet(outlet, rec.hooks, { log: silentLogger, now: NOW, maxConcurrency: 4 });

    expect(rec.articles().map((a) => a.url)).toEqual([
      `${s.url}/world/2024/05/08/older-but-allowed-story`,
      `${s.url}/world/2024/05/09/fresh-feed-story`,
      `${s.url}/world/2024/05/10/fresh-section-story`,
    ]);
    // The one recorded failure is the page over maxResponseSize; nothing else was fetched.
    expect(rec.failures()).toEqual([
      {
        url: `${s.url}/world/2024/05/10/huge-section-story`,
        stage: 'page',
        reason: 'response too large (over 32768 bytes)',
        status: 200,
      },
    ]);
    // maxAge: the stale feed entry and the section link dated in March are never requested.
    expect(s.hits('/world/2024/04/01/stale-feed-story')).toBe(0);
    expect(s.hits('/world/2024/03/02/stale-section-story')).toBe(0);
    // articleUrlPatterns and excludeUrlPatterns: live blog, video, about page, business stories.
    expect(s.hits('/world/2024/05/10/live/minute-by-minute-blog')).toBe(0);
    expect(s.hits('/world/video/2024/05/10/a-video-page')).toBe(0);
    expect(s.hits('/business/2024/05/10/markets-open-higher-today')).toBe(0);
    // With feeds listed, the homepage is not a listing of its own.
    expect(s.hits('/')).toBe(0);
    expect(s.hits('/world/')).toBe(1);
    expect(s.hits('/business/')).toBe(1);
    expect(new Set(s.seen.map((r) => r.userAgent))).toEqual(new Set(['wired-bot/1.0 (+https://example.org/bot)']));
    expect(s.maxInFlight()).toBe(1);
    expect(summary).toMatchObject({ articles: 3, failures: 1, feedsRead: 1 });
  });

  it('lets an outlet setting win over the crawl option, and the option apply when unset', async () => {
    const slow = send(articlePage('Slow story'), 'text/html; charset=utf-8', 1_500);
    const s = await serve({
      '/rss.xml': send(
        `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>
         <item><link>/news/slow-story-one</link></item><item><link>/news/slow-story-two</link></item>
         </channel></rss>`,
        'application/rss+xml',
      ),
      '/news/slow-story-one': slow,
      '/news/slow-story-two': slow,
    });
    const outletWith = (extra: string) =>
      parseConfigText(`
outlets:
  - id: timing
    name: Timing
    homepage: ${s.url}/
    feeds: [${s.url}/rss.xml]
    allowPrivateNetwork: true
    maxRetries: 0
${extra}`).outlets[0]!;

    const patient = recordingHooks();
    await crawlOutlet(outletWith('    requestTimeout: 10s'), patient.hooks, {
      log: silentLogger,
      requestTimeoutSecs: 1,
    });
    expect(patient.failures()).toEqual([]);
    expect(patient.articles()).toHaveLength(2);

    const hasty = recordingHooks();
    await crawlOutlet(outletWith(''), hasty.hooks, { log: silentLogger, requestTimeoutSecs: 1 });
    expect(hasty.failures().map((f) => f.reason)).toEqual(['timed out', 'timed out']);
  });
});
