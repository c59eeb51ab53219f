import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/index.js';
import { articleTextPages, syncConfig, upsertArticle } from '../../src/store/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let testDb: TestDatabase;
let dir: string;
let configFile: string;

const CONFIG = `
outlets:
  - { id: steppe-post, name: Steppe Post, homepage: https://steppe.test/, feeds: [https://steppe.test/rss] }
actors:
  - { id: china, name: China, kind: country, aliases: [Beijing], demonyms: [Chinese] }
  - { id: eu, name: European Union, kind: organization, aliases: [EU, Brussels], demonyms: [European] }
`;

const ARTICLES = [
  { day: '2026-07-01', text: 'Nursultan Abishev met Chinese officials in Astana. The Eurasian Development Bank said loans would follow.' },
  { day: '2026-09-02', text: 'Kassym-Jomart Tokayev met EU envoys in Astana. Tokayev praised Brussels.' },
  { day: '2026-09-09', text: 'Officials of the Eurasian Development Bank met Tokayev in Astana. Beijing was silent.' },
  { day: '2026-09-16', text: 'President Kassym-Jomart Tokayev told the Eurasian Development Bank that China is a partner.' },
];

const cli = (args: string[]): Promise<CliResult> =>
  runCli(['--config', configFile, ...args], { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_URL: testDb.url, LOG_LEVEL: 'warn' });

beforeAll(async () => {
  testDb = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'sw-suggest-'));
  configFile = path.join(dir, 'config.yaml');
  await writeFile(configFile, CONFIG);
  const db = testDb.handle.db;
  await syncConfig(db, await loadConfigFile(configFile));
  for (const [i, a] of ARTICLES.entries()) {
    const url = `https://steppe.test/${i}`;
    await upsertArticle(db, { outletId: 'steppe-post', url, canonicalUrl: url, title: `Story ${i}`, text: a.text, author: null, publishedAt: new Date(`${a.day}T08:00:00Z`), language: 'en' });
  }
}, 60_000);

afterAll(async () => {
  await testDb?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('actors suggest on stored articles', () => {
  it('pages through article texts since a day, each article once', async () => {
    const pages: number[] = [];
    const texts: string[] = [];
    for await (const page of articleTextPages(testDb.handle.db, { since: new Date('2026-09-01T00:00:00Z'), pageSize: 2 })) {
      pages.push(page.length);
      texts.push(...page.map((p) => p.text));
    }
    expect(pages).toEqual([2, 1]);
    expect(texts.sort()).toEqual(ARTICLES.slice(1).map((a) => a.text).sort());
  });

  it('lists unconfigured names with counts, kind and examples, as JSON', async () => {
    const { code, stdout, stderr } = await cli(['actors', 'suggest', '--since', '2026-09-01', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as { articles: number; suggestions: { phrase: string; kind: string; articles: number; mentions: number; examples: string[] }[] };
    expect(out.articles).toBe(3);
    const byPhrase = new Map(out.suggestions.map((s) => [s.phrase, s]));
    expect(byPhrase.get('Kassym-Jomart Tokayev')).toMatchObject({ kind: 'person', articles: 3, mentions: 4 });
    expect(byPhrase.get('Eurasian Development Bank')).toMatchObject({ kind: 'organisation', articles: 2, mentions: 2 });
    expect(byPhrase.get('Astana')).toMatchObject({ kind: 'place', articles: 2, mentions: 2 });
    expect(byPhrase.get('Astana')!.examples).toHaveLength(2);
    // Configured actors, and the article before --since, are not suggested.
    expect(out.suggestions.map((s) => s.phrase)).toEqual(['Kassym-Jomart Tokayev', 'Astana', 'Eurasian Development Bank']);
  }, 60_000);

  it('prints a table, and names the flag it cannot read', async () => {
    const table = await cli(['actors', 'suggest', '--min-count', '1', '--limit', '2']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^4 articles read\n/);
    expect(table.stdout).toMatch(/^\s+3\s+4\s+person\s+Kassym-Jomart Tokayev/m);
    expect(table.stdout).toMatch(/^ {34}“[^”]*Tokayev[^”]*”$/m);
    const bad = await cli(['actors', 'suggest', '--since', 'last week']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--since must be a day like 2026-08-03 (got "last week")');
  }, 60_000);
});
