import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv, parseConfigText } from '../../src/config/index.js';
import { silentLogger } from '../../src/log.js';
import { openRuntime, type Runtime } from '../../src/pipeline/index.js';
import { rowsOf } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { startFixtureServer, type FixtureServer } from '../helpers/http-server.js';

const PARAGRAPH =
  'Officials in Brussels welcomed the agreement on Tuesday, saying the European Union would support the plan. ';
const articleHtml = (title: string) => `<!doctype html><html lang="en"><head><title>${title}</title>
<meta property="article:published_time" content="2026-09-01T10:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${`<p>${PARAGRAPH.repeat(3)}</p>`.repeat(4)}</article></body></html>`;
const rss = (links: string[]) => (base: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${links
    .map((l) => `<item><title>${l}</title><link>${base}${l}</link></item>`)
    .join('')}</channel></rss>`;

let site: FixtureServer;
let testDb: TestDatabase;
let rt: Runtime;

beforeAll(async () => {
  site = await startFixtureServer({
    '/good/feed.xml': { type: 'application/rss+xml', body: rss(['/good/story', '/good/missing', '/good/report.pdf']) },
    '/good/story': { body: articleHtml('EU backs the plan') },
    '/good/report.pdf': { type: 'application/pdf', body: Buffer.from('%PDF-1.4 not html') },
    '/broken/feed.xml': { type: 'text/html', body: '<!doctype html><html><body>Not a feed</body></html>' },
  });
  const config = parseConfigText(`
outlets:
  - { id: good, name: Good, homepage: "${site.url}/good/", feeds: ["${site.url}/good/feed.xml"], allowPrivateNetwork: true }
  - { id: broken, name: Broken, homepage: "${site.url}/broken/", feeds: ["${site.url}/broken/feed.xml"], allowPrivateNetwork: true }
  - { id: dead, name: Dead, homepage: "http://127.0.0.1:9/", feeds: ["http://127.0.0.1:9/feed.xml"], allowPrivateNetwork: true }
actors:
  - { id: eu, name: European Union, kind: organization, aliases: [EU, Brussels] }
`);
  testDb = await createTestDatabase();
  rt = await openRuntime(loadEnv({ DATABASE_URL: testDb.url }), config, silentLogger, {
    crawl: { maxRequestRetries: 0, requestTimeoutSecs: 5 },
  });
  for (const o of config.outlets) await rt.runner!.enqueueCrawl({ outletId: o.id, trigger: 'manual' });
  await rt.runner!.drain();
}, 120_000);

afterAll(async () => {
  await rt?.close();
  await testDb?.drop();
  await site?.close();
});

describe('bad input during a crawl', () => {
  it('records each broken URL with its reason and stores the good article', async () => {
    const failures = rowsOf<{ outlet_id: string; url: string; stage: string; reason: string }>(
      await rt.deps.db.execute(sql`SELECT outlet_id, url, stage, reason FROM v_crawl_failures ORDER BY outlet_id, url`),
    );
    const byUrl = Object.fromEntries(failures.map((f) => [f.url.replace(site.url, ''), f]));
    expect(byUrl['/good/missing']).toMatchObject({ stage: 'page', reason: 'HTTP 404' });
    expect(byUrl['/good/report.pdf']).toMatchObject({ stage: 'page', reason: expect.stringMatching(/application\/pdf is not HTML/) });
    expect(byUrl['/broken/feed.xml']).toMatchObject({ stage: 'feed', reason: expect.stringMatching(/^not an RSS\/Atom feed/) });
    expect(failures.find((f) => f.outlet_id === 'dead')).toMatchObject({ stage: 'feed', reason: expect.stringMatching(/refused/) });
    const articles = rowsOf<{ title: string; analyzer_version: string | null }>(
      await rt.deps.db.execute(sql`SELECT title, analyzer_version FROM articles`),
    );
    expect(articles).toEqual([{ title: 'EU backs the plan', analyzer_version: expect.any(String) }]);
  });

  it('marks runs with failures as partial or failed, never lost', async () => {
    const runs = rowsOf<{ outlet_id: string; status: string }>(
      await rt.deps.db.execute(sql`SELECT outlet_id, status FROM crawl_runs ORDER BY outlet_id`),
    );
    expect(runs).toEqual([
      { outlet_id: 'broken', status: 'failed' },
      { outlet_id: 'dead', status: 'failed' },
      { outlet_id: 'good', status: 'partial' },
    ]);
  });
});
