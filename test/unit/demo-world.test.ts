import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorSchema, configFileSchema, parseSchedule } from '../../src/config/index.js';
import {
  DEMO_SHIFT,
  articlePath,
  demoCanonicalUrl,
  demoActors,
  demoConfigInput,
  demoArticles,
  demoOutletsMeta,
  startDemoServer,
  type DemoArticle,
  type DemoServer,
} from '../../src/demo/index.js';
import { escapeHtml } from '../../src/demo/html.js';
import {
  ACTOR_POOLS,
  CLOSING_LINES,
  CONTEXT_LINES,
  SLOT_NAMES,
  slotsIn,
} from '../../src/demo/world/index.js';

const WEEK_MS = 7 * 86_400_000;
const CHINA = /\b(?:China|Chinese|Beijing|Xi Jinping|President Xi|Xi)\b/g;
const cueWords = (words: string[]): RegExp => new RegExp(`\\b(?:${words.join('|')})\\b`, 'gi');
const POSITIVE = cueWords([
  'praised?', 'welcomed?', 'constructive', 'partnership', 'generous', 'cooperation', 'helpful',
  'reliable', 'success\\w*', 'thank\\w*', 'grateful',
]);
const NEGATIVE = cueWords([
  'coercion', 'condemn\\w*', 'threat\\w*', 'aggressive', 'violat\\w*', 'hostile', 'intimidat\\w*',
  'reckless', 'unacceptable', 'punish\\w*', 'unlawful', 'predatory',
]);

const articles = demoArticles();
const byOutlet = (id: string): DemoArticle[] => articles.filter((a) => a.outletId === id);
const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** Cue words in the sentences that name China, as a crude lexicon scorer would see them. */
function chinaCues(list: DemoArticle[]): { positive: number; negative: number; net: number } {
  const sentences = list
    .flatMap((a) => a.paragraphs)
    .flatMap((p) => p.split(/(?<=[.!?"])\s+(?=[A-Z"])/))
    .filter((s) => count(s, CHINA) > 0);
  const positive = sentences.reduce((n, s) => n + count(s, POSITIVE), 0);
  const negative = sentences.reduce((n, s) => n + count(s, NEGATIVE), 0);
  return { positive, negative, net: (positive - negative) / Math.max(1, sentences.length) };
}

function halves(list: DemoArticle[]): [DemoArticle[], DemoArticle[]] {
  return [
    list.filter((a) => a.publishedAt < DEMO_SHIFT.changeAt),
    list.filter((a) => a.publishedAt >= DEMO_SHIFT.changeAt),
  ];
}

function mentionPattern(actorId: string): RegExp {
  const actors = demoActors();
  const forms = actors
    .filter((a) => a.id === actorId || a.affiliation === actorId)
    .flatMap((a) => [a.name, ...a.aliases, ...a.demonyms]);
  const escaped = forms.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w])(?:${escaped.join('|')})(?![\\w])`, 'i');
}

describe('demo world', () => {
  it('has at least three outlets with 30+ articles spread over 8+ weeks each', () => {
    expect(demoOutletsMeta.length).toBeGreaterThanOrEqual(3);
    for (const outlet of demoOutletsMeta) {
      const own = byOutlet(outlet.id);
      expect(own.length).toBeGreaterThanOrEqual(30);
      const times = own.map((a) => Date.parse(a.publishedAt));
      const weeks = new Set(times.map((t) => Math.floor((t - Math.min(...times)) / WEEK_MS)));
      expect(weeks.size).toBeGreaterThanOrEqual(8);
    }
  });

  it('is deterministic, with fixed UTC dates in August to October 2026', () => {
    expect(demoArticles()).toEqual(articles);
    for (const a of articles) {
      expect(a.publishedAt).toMatch(/^2026-(08|09|10)-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(new Date(a.publishedAt).toISOString()).toBe(a.publishedAt);
    }
  });

  it('gives every article a unique URL path and a headline, byline and 5-10 paragraphs', () => {
    const paths = articles.map(articlePath);
    expect(new Set(paths).size).toBe(paths.length);
    for (const a of articles) {
      expect(a.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(a.title.length).toBeGreaterThan(10);
      expect(a.author.length).toBeGreaterThan(3);
      expect(a.paragraphs.length).toBeGreaterThanOrEqual(5);
      expect(a.paragraphs.length).toBeLessThanOrEqual(10);
      for (const p of a.paragraphs) expect(p).not.toMatch(/[{}]/);
    }
  });

  it('mentions China at least twice in every Harbour Times article', () => {
    for (const a of byOutlet('harbour-times')) {
      expect(count(a.paragraphs.join('\n'), CHINA), a.slug).toBeGreaterThanOrEqual(2);
    }
  });

  it('turns Harbour Times coverage of China from positive to negative half-way', () => {
    const [before, after] = halves(byOutlet(DEMO_SHIFT.outletId));
    expect(DEMO_SHIFT).toMatchObject({ actorId: 'china', before: 'positive', after: 'negative' });
    expect(before.length).toBe(after.length);
    const b = chinaCues(before);
    const a = chinaCues(after);
    expect(b.positive).toBeGreaterThan(5 * b.negative);
    expect(a.negative).toBeGreaterThan(5 * a.positive);
  });

  it('keeps the other outlets steady about China across the change date', () => {
    const [htBefore, htAfter] = halves(byOutlet(DEMO_SHIFT.outletId)).map(chinaCues);
    const plantedDrop = (htBefore?.net ?? 0) - (htAfter?.net ?? 0);
    expect(plantedDrop).toBeGreaterThan(1.5);
    for (const outlet of ['continental-ledger', 'northern-wire']) {
      const [before, after] = halves(byOutlet(outlet)).map(chinaCues);
      expect(Math.sign(before?.net ?? 0), outlet).toBe(Math.sign(after?.net ?? 0));
      const drift = Math.abs((before?.net ?? 0) - (after?.net ?? 0));
      expect(drift, outlet).toBeLessThan(plantedDrop / 4);
    }
  });

  it('names the actor in every lead, body sentence and quote of its templates', () => {
    for (const [actorId, pools] of Object.entries(ACTOR_POOLS)) {
      const mentions = mentionPattern(actorId);
      for (const pool of Object.values(pools)) {
        const templates = [...pool.stories.map((s) => s.lead), ...pool.body, ...pool.quotes];
        for (const t of templates) expect(t, `${actorId}: ${t}`).toMatch(mentions);
      }
    }
  });

  it('uses only known slots in its templates', () => {
    const templates = [
      ...CONTEXT_LINES,
      ...CLOSING_LINES,
      ...Object.values(ACTOR_POOLS).flatMap((pools) =>
        Object.values(pools).flatMap((pool) => [
          ...pool.stories.flatMap((s) => [s.headline, s.lead, s.dateline]),
          ...pool.body,
          ...pool.quotes,
        ]),
      ),
    ];
    for (const t of templates) {
      for (const slot of slotsIn(t)) expect(SLOT_NAMES, t).toContain(slot);
    }
  });

  it('defines valid actors with the agreed ids', () => {
    const actors = demoActors();
    for (const a of actors) expect(() => actorSchema.parse(a)).not.toThrow();
    expect(actors.map((a) => a.id).sort()).toEqual(
      [
        'china',
        'eu',
        'russia',
        'ukraine',
        'usa',
        'xi-jinping',
        'ursula-von-der-leyen',
        'vladimir-putin',
        'volodymyr-zelensky',
      ].sort(),
    );
  });
});

describe('demo rendering helpers', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });
});

describe('demo server', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await startDemoServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on loopback and builds a config that passes the config file schema', () => {
    expect(server.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const config = server.config();
    const raw = configFileSchema.safeParse(demoConfigInput(server.baseUrl));
    expect(raw.success).toBe(true);
    expect(config).toEqual(raw.data);
    expect(config.outlets).toHaveLength(demoOutletsMeta.length);
    for (const o of config.outlets) {
      expect(o.homepage).toBe(`${server.baseUrl}/${o.id}/`);
      expect(o.feeds).toEqual([`${server.baseUrl}/${o.id}/rss.xml`]);
      expect(o.allowPrivateNetwork).toEqual([new URL(server.baseUrl).hostname]);
      expect(o.maxArticlesPerCrawl).toBe(200);
      expect(o.schedule).toEqual(parseSchedule('1h'));
    }
    expect(config.actors).toHaveLength(9);
    expect(config.alerts).toEqual([expect.objectContaining({ id: 'demo-shift', actors: 'all' })]);
  });

  it('serves an RSS 2.0 feed per outlet, newest first', async () => {
    const res = await fetch(`${server.baseUrl}/harbour-times/rss.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/rss\+xml/);
    const xml = await res.text();
    expect(xml).toContain('<rss version="2.0"');
    expect(xml).toContain('<channel>');
    const pubDates = [...xml.matchAll(/<pubDate>([^<]+)<\/pubDate>/g)];
    const dates = pubDates.map((m) => Date.parse(m[1] ?? ''));
    expect(dates).toHaveLength(byOutlet('harbour-times').length);
    expect([...dates].sort((x, y) => y - x)).toEqual(dates);
    expect(xml).toMatch(/<pubDate>\w{3}, \d\d \w{3} 2026 \d\d:\d\d:\d\d GMT<\/pubDate>/);
  });

  it('serves article pages with metadata, the story and site furniture', async () => {
    const article = byOutlet('continental-ledger')[4];
    if (!article) throw new Error('no article');
    const url = `${server.baseUrl}${articlePath(article)}`;
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<title>${escapeHtml(article.title)} | Continental Ledger</title>`);
    // Canonical links name the outlet's public address, independent of the loopback port.
    expect(html).toContain(`<link rel="canonical" href="${demoCanonicalUrl(article)}">`);
    const published = article.publishedAt;
    expect(html).toContain(`<meta property="article:published_time" content="${published}">`);
    expect(html).toContain(`<time datetime="${article.publishedAt}">`);
    for (const p of article.paragraphs) expect(html).toContain(`<p>${escapeHtml(p)}</p>`);
    for (const furniture of ['Related stories', 'cookies', 'Morning Briefing', 'All rights reserved']) {
      expect(html).toContain(furniture);
    }
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}';
    expect(JSON.parse(ld)).toMatchObject({
      '@type': 'NewsArticle',
      headline: article.title,
      datePublished: article.publishedAt,
      author: [{ name: article.author }],
    });
  });

  it('links every article from the outlet homepage and allows all crawling', async () => {
    const home = await (await fetch(`${server.baseUrl}/northern-wire/`)).text();
    for (const a of byOutlet('northern-wire')) expect(home).toContain(`href="${articlePath(a)}"`);
    const robots = await fetch(`${server.baseUrl}/robots.txt`);
    expect(await robots.text()).toMatch(/User-agent: \*\nAllow: \//);
  });

  it('answers 404 for unknown paths', async () => {
    const unknown = ['/nope', '/harbour-times/2026/08/no-such-story', '/harbour-times', '/x/'];
    for (const path of unknown) {
      const res = await fetch(`${server.baseUrl}${path}`);
      expect(res.status, path).toBe(404);
      await res.arrayBuffer();
    }
  });
});
