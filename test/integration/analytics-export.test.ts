import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportEncoder, type ExportFormat } from '../../src/analytics/index.js';
import { buildDemoConfig } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import {
  exportView,
  saveAnalyses,
  syncConfig,
  upsertArticle,
  viewColumns,
  type AnalystView,
  type ExportRange,
} from '../../src/store/index.js';
import { createWebApp } from '../../src/web/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';

let testDb: TestDatabase;
let dir: string;
const ids: string[] = [];

async function seed(): Promise<void> {
  const db = testDb.handle.db;
  await syncConfig(db, buildDemoConfig('http://127.0.0.1:1'));
  const days = ['2026-08-04T08:00:00Z', '2026-08-12T08:00:00Z'];
  for (const [i, day] of days.entries()) {
    const url = `https://harbour.test/${i}`;
    const text = 'Beijing praised the talks, a minister said.';
    const { id } = await upsertArticle(db, { outletId: 'harbour-times', url, canonicalUrl: url, title: `Talks, "day" ${i}`, text, author: null, publishedAt: new Date(day), language: 'en' });
    ids.push(id);
    const offset = `Talks, "day" ${i}\n\n`.length;
    const sentence = { text, start: offset, end: offset + text.length };
    const score = i === 0 ? 0.5 : -0.25;
    const label = score > 0 ? 'positive' : 'negative';
    const probabilities = score > 0 ? { negative: 0.1, neutral: 0.3, positive: 0.6 } : { negative: 0.5, neutral: 0.3, positive: 0.2 };
    const shares = score > 0 ? { positiveShare: 1, negativeShare: 0 } : { positiveShare: 0, negativeShare: 1 };
    await saveAnalyses(db, [{
      articleId: id,
      analysis: {
        analyzerVersion: 'v1',
        actors: [{ id: 'china', stance: { score, label, confidence: 0.7, ...shares }, frames: { diplomacy: 1 }, mentions: [{ text: 'Beijing', start: offset, end: offset + 7, score, label, confidence: 0.7, probabilities, frames: ['diplomacy'], evidence: { sentence, cues: [{ text: 'praised', start: offset + 8, end: offset + 15, weight: 0.5 }] } }] }],
        attributions: [{ source: { text: 'a minister', start: offset + 27, end: offset + 37, kind: 'anonymous' }, cue: { text: 'said', start: offset + 38, end: offset + 42 }, content: { text: 'Beijing praised the talks', start: offset, end: offset + 25 }, direct: false, targets: [{ actor: 'china', score, label }] }],
      },
    }]);
  }
}

async function exported(view: AnalystView, format: ExportFormat, range: ExportRange): Promise<Buffer> {
  const db = testDb.handle.db;
  const enc = exportEncoder(format, await viewColumns(db, view));
  const chunks: Buffer[] = [Buffer.from(enc.begin())];
  // A batch of one row: the cursor loop and per-batch encoding are exercised.
  await exportView(db, view, range, async (rows) => void chunks.push(Buffer.from(enc.rows(rows))), 1);
  chunks.push(Buffer.from(enc.end()));
  return Buffer.concat(chunks);
}

const cli = (args: string[]): Promise<CliResult> =>
  runCli(args, { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_URL: testDb.url, STANCEWATCH_DATA_DIR: path.join(dir, 'data') });

beforeAll(async () => {
  testDb = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), 'sw-export-'));
  await seed();
});

afterAll(async () => {
  await testDb?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('exporting the analysts views', () => {
  it('writes CSV with a header, quoted cells and the time filter applied', async () => {
    const csv = (await exported('v_article_stance', 'csv', { since: '2026-08-10' })).toString('utf8');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toBe('article_id,outlet_id,outlet_name,actor_id,actor_name,published_at,title,url,score,label,confidence,mentions,frames,analyzer_version');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('"Talks, ""day"" 1"');
    expect(lines[1]).toContain('2026-08-12T08:00:00.000Z');
    expect(lines[1]).toContain('"{""diplomacy"":1}"');
  });

  it('writes a JSON array of typed rows (days as dates, numbers as numbers)', async () => {
    const rows = JSON.parse((await exported('v_stance_daily', 'json', {})).toString('utf8')) as Record<string, unknown>[];
    expect(rows).toEqual([
      expect.objectContaining({ actor_id: 'china', period: '2026-08-04', articles: 1, mean_stance: 0.5, ci_low: null, share_positive: 1, share_negative: 0 }),
      expect.objectContaining({ actor_id: 'china', period: '2026-08-12', articles: 1, mean_stance: -0.25, share_positive: 0, share_negative: 1 }),
    ]);
    expect(JSON.parse((await exported('v_stance_daily', 'json', { since: '2030-01-01' })).toString('utf8'))).toEqual([]);
  });

  it('keeps each mention\'s class probabilities and each article actor\'s mention shares', async () => {
    const db = testDb.handle.db;
    const { rowsOf } = await import('../../src/store/index.js');
    const { sql } = await import('drizzle-orm');
    const mentions = rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT p_negative, p_neutral, p_positive FROM v_mentions ORDER BY published_at`));
    expect(mentions).toEqual([
      { p_negative: 0.1, p_neutral: 0.3, p_positive: 0.6 },
      { p_negative: 0.5, p_neutral: 0.3, p_positive: 0.2 },
    ]);
    const actors = rowsOf<Record<string, unknown>>(await db.execute(sql`SELECT positive_share, negative_share FROM article_actors ORDER BY score DESC`));
    expect(actors).toEqual([{ positive_share: 1, negative_share: 0 }, { positive_share: 0, negative_share: 1 }]);
  });

  it('writes Parquet that a Parquet reader reads back', async () => {
    const buf = await exported('v_sources', 'parquet', { until: '2026-08-31' });
    const file = Uint8Array.from(buf).buffer;
    const rows = await parquetReadObjects({ file });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ actor_id: 'china', source: 'a minister', source_kind: 'anonymous', score: 0.5, direct: false });
    expect(rows[0]!.published_at).toEqual(new Date('2026-08-04T08:00:00Z'));
  });

  it('runs from the command line: export, sources, rollups check and rebuild', async () => {
    const out = path.join(dir, 'weekly.parquet');
    const exp = await cli(['export', '--view', 'v_stance_weekly', '--format', 'parquet', '--since', '2026-08-01', '--out', out]);
    expect(exp.stderr).toContain('exported 2 rows of v_stance_weekly');
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    const bad = await cli(['export', '--view', 'articles', '--format', 'csv']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--view must be one of');
    const sources = await cli(['sources', '--actor', 'china', '--format', 'json']);
    expect(JSON.parse(sources.stdout)).toEqual([expect.objectContaining({ source: 'a minister', quotes: 2, articles: 2, meanStance: 0.125 })]);
    expect(JSON.parse((await cli(['rollups', 'check'])).stdout)).toEqual({ stance: 0, frames: 0 });
    // day 4 Aug, day 12 Aug, weeks of 3 and 10 Aug, August: five rows in each table.
    expect(JSON.parse((await cli(['rollups', 'rebuild'])).stdout)).toMatchObject({ stance: 5, frames: 5 });
  }, 120_000);
});

describe('the dashboard API', () => {
  const app = () => createWebApp({ db: testDb.handle.db, log: silentLogger });

  it('answers trends aligned for the chart, with 400 for a bad filter', async () => {
    const res = await app().request('/api/trends?actor=china&interval=week');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { periods: string[]; series: { outletId: string; mean: number[] }[] };
    expect(body.periods).toEqual(['2026-08-03', '2026-08-10']);
    expect(body.series).toEqual([expect.objectContaining({ outletId: 'harbour-times', mean: [0.5, -0.25] })]);
    const bad = await app().request('/api/trends?from=yesterday');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ issues: expect.arrayContaining([expect.stringContaining('from')]) });
  });

  it('renders the evidence page with escaped text, and 404 for an unknown article', async () => {
    const res = await app().request(`/article/${ids[1]}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).toContain('Talks, &quot;day&quot; 1');
    expect(page).toContain('class="ev-sentence quote mention stance-negative"');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await app().request('/article/00000000-0000-0000-0000-000000000000')).status).toBe(404);
    expect((await app().request('/article/..%2F..%2Fetc')).status).toBe(404);
  });
});
