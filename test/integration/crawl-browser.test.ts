import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { crawlOutlet } from '../../src/crawl/index.js';
import { silentLogger } from '../../src/log.js';
import { TEST_CHROMIUM_PATH, skipWithoutChromium } from '../helpers/chromium.js';
import { articlePage, recordingHooks, rssOf, send, testOutlet, useScriptedServer, type Script } from './crawl-helpers.js';

const skip = skipWithoutChromium('the crawler\'s render: browser tests');
const serve = useScriptedServer();

const STORY = [
  'The port authority confirmed on Tuesday that the northern breakwater will be rebuilt before winter, after engineers found that storms had loosened its foundations.',
  'Fishing crews have used the harbour at reduced capacity since the spring, and the council said the work would take about four months once the contracts are signed.',
  'Residents of the old town asked for the lighthouse walk to stay open during the works; the authority said it would be closed for two weeks at most.',
];

/** An article page with no text in its HTML: a script fetches the story and writes it in. */
const SCRIPTED_PAGE = `<!doctype html><html lang="en"><head><title>Breakwater to be rebuilt</title></head>
<body><header><a href="/">Harbour News</a></header>
<main><article id="story"><h1>Breakwater to be rebuilt</h1><p class="loading">Loading…</p></article></main>
<img src="/photo.jpg" alt="">
<script>
  fetch('/api/story.json').then((r) => r.json()).then((story) => {
    const article = document.getElementById('story');
    article.querySelector('.loading').remove();
    for (const text of story.paragraphs) {
      const p = document.createElement('p');
      p.textContent = text;
      article.appendChild(p);
    }
  });
</script></body></html>`;

function scriptedSite() {
  return serve({
    '/feed.xml': send(rssOf(['/news/breakwater-to-be-rebuilt']), 'application/rss+xml'),
    '/news/breakwater-to-be-rebuilt': send(SCRIPTED_PAGE),
    '/api/story.json': send(JSON.stringify({ paragraphs: STORY }), 'application/json'),
    '/photo.jpg': send(Buffer.alloc(10), 'image/jpeg'),
  });
}

describe.skipIf(skip)(
  'render: browser (skipped without Chromium unless CI=true: apt-get install chromium)',
  () => {
    it('reads an article whose text a script inserts, which plain HTTP cannot', async () => {
      const s = await scriptedSite();
      const outlet = (render: string) =>
        testOutlet(`js-${render}`, `${s.url}/`, { feeds: [`${s.url}/feed.xml`], render });

      const plain = recordingHooks();
      await crawlOutlet(outlet('http'), plain.hooks, { log: silentLogger, maxRequestRetries: 0 });
      expect(plain.articles()).toEqual([]);
      expect(plain.failures()).toHaveLength(1);
      expect(s.hits('/api/story.json')).toBe(0);

      const rendered = recordingHooks();
      const summary = await crawlOutlet(outlet('browser'), rendered.hooks, {
        log: silentLogger,
        maxRequestRetries: 0,
        chromiumPath: TEST_CHROMIUM_PATH,
        userAgent: 'stancewatch-test/1.0 (+https://example.org/bot)',
      });
      expect(rendered.failures()).toEqual([]);
      const [article] = rendered.articles();
      expect(article?.title).toBe('Breakwater to be rebuilt');
      expect(article?.text.split('\n\n')).toEqual(STORY);
      expect(summary).toMatchObject({ feedsRead: 1, fetched: 1, articles: 1, failures: 0 });
      // The script's own request went out under our name, and the image was never downloaded.
      const api = s.seen.filter((r) => r.path === '/api/story.json');
      expect(api.map((r) => r.userAgent)).toEqual(['stancewatch-test/1.0 (+https://example.org/bot)']);
      expect(s.hits('/photo.jpg')).toBe(0);
    });

    it('records HTTP errors and non-HTML pages seen by the browser, and goes on', async () => {
      const s = await serve({
        '/feed.xml': send(
          rssOf(['/news/missing-story-page', '/files/annual-report-2024.pdf', '/news/breakwater-to-be-rebuilt']),
          'application/rss+xml',
        ),
        '/files/annual-report-2024.pdf': send(Buffer.from('%PDF-1.7'), 'application/pdf'),
        '/news/breakwater-to-be-rebuilt': send(SCRIPTED_PAGE),
        '/api/story.json': send(JSON.stringify({ paragraphs: STORY }), 'application/json'),
      });
      const rec = recordingHooks();
      await crawlOutlet(
        testOutlet('js-errors', `${s.url}/`, { feeds: [`${s.url}/feed.xml`], render: 'browser' }),
        rec.hooks,
        { log: silentLogger, maxRequestRetries: 0, chromiumPath: TEST_CHROMIUM_PATH },
      );
      expect(rec.failures()).toEqual([
        {
          url: `${s.url}/files/annual-report-2024.pdf`,
          stage: 'page',
          reason: 'content type application/pdf is not HTML',
          status: 200,
        },
        { url: `${s.url}/news/missing-story-page`, stage: 'page', reason: 'HTTP 404', status: 404 },
      ]);
      expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/news/breakwater-to-be-rebuilt`]);
    });

    it('stops a page that trickles a byte at a time at the request deadline, as over HTTP', async () => {
      // A byte every 100 ms: the page never reaches its load event, and no gap is long enough for an idle timeout.
      const trickle: Script = (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<!doctype html><html><body><article>');
        const timer = setInterval(() => res.write(' '), 100);
        res.on('close', () => clearInterval(timer));
        setTimeout(() => {
          clearInterval(timer);
          res.end();
        }, 30_000).unref();
      };
      const s = await serve({
        '/feed.xml': send(rssOf(['/news/trickle-story-one', '/news/open-story-two']), 'application/rss+xml'),
        '/news/trickle-story-one': trickle,
        '/news/open-story-two': send(articlePage('Two')),
      });
      const rec = recordingHooks();
      const started = Date.now();
      await crawlOutlet(
        testOutlet('js-trickle', `${s.url}/`, { feeds: [`${s.url}/feed.xml`], render: 'browser' }),
        rec.hooks,
        { log: silentLogger, maxRequestRetries: 0, requestTimeoutSecs: 3, chromiumPath: TEST_CHROMIUM_PATH },
      );
      const elapsed = Date.now() - started;
      expect(rec.failures()).toEqual([{ url: `${s.url}/news/trickle-story-one`, stage: 'page', reason: 'timed out' }]);
      expect(rec.articles().map((a) => a.url)).toEqual([`${s.url}/news/open-story-two`]);
      // Stopped at about 3 s (the browser's start included), not when the server gave up at 30 s.
      expect(elapsed).toBeLessThan(20_000);
    });
  },
);

describe('render: browser without Chromium', () => {
  it('records each page with the reason and still reads the feed', async () => {
    const s = await scriptedSite();
    const rec = recordingHooks();
    const summary = await crawlOutlet(
      testOutlet('no-chromium', `${s.url}/`, { feeds: [`${s.url}/feed.xml`], render: 'browser' }),
      rec.hooks,
      { log: silentLogger, chromiumPath: '/nonexistent/chromium' },
    );
    expect(rec.failures()).toEqual([
      {
        url: `${s.url}/news/breakwater-to-be-rebuilt`,
        stage: 'page',
        reason: 'render: browser needs Chromium at /nonexistent/chromium, which is not installed',
      },
    ]);
    expect(summary).toMatchObject({ feedsRead: 1, articles: 0, failures: 1 });
    expect(s.hits('/news/breakwater-to-be-rebuilt')).toBe(0);
  });
});

describe('loading playwright-core', () => {
  it('does not happen for an outlet crawled over plain HTTP', async () => {
    const s = await scriptedSite();
    // A process of its own: vitest's module graph would hide what a real worker loads.
    const script = `
      import { createRequire } from 'node:module';
      import { crawlOutlet } from './src/crawl/index.ts';
      import { outletSchema } from './src/config/index.ts';
      import { silentLogger } from './src/log.ts';
      const outlet = outletSchema.parse({ id: 'plain', name: 'plain', homepage: '${s.url}/',
        feeds: ['${s.url}/feed.xml'], allowPrivateNetwork: true });
      const noop = async () => undefined;
      await crawlOutlet(outlet, { knownUrls: async () => new Set(), onArticle: noop, onFailure: noop },
        { log: silentLogger, maxRequestRetries: 0 });
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes('/playwright-core/'));
      console.log(JSON.stringify({ loaded: loaded.length }));
    `;
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      { cwd: process.cwd(), timeout: 60_000 },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual({ loaded: 0 });
    expect(s.hits('/feed.xml')).toBe(1);
  });
});
