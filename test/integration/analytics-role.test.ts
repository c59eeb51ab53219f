import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoConfig } from '../../src/demo/index.js';
import {
  ANALYST_VIEWS,
  createAnalystLogin,
  grantAnalystRole,
  openPostgres,
  rebuildRollups,
  rowsOf,
  saveAnalyses,
  syncConfig,
  upsertArticle,
  type DatabaseHandle,
} from '../../src/store/index.js';
import { TEST_PG_URL, createTestDatabase, type TestDatabase } from '../helpers/db.js';

let testDb: TestDatabase;
let analyst: postgres.Sql;
let analystHandle: DatabaseHandle;
const login = `sw_analyst_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('base64url');

async function seed(): Promise<void> {
  const db = testDb.handle.db;
  await syncConfig(db, buildDemoConfig('http://127.0.0.1:1'));
  const url = 'https://harbour.test/1';
  const { id } = await upsertArticle(db, {
    outletId: 'harbour-times', url, canonicalUrl: url, title: 'Talks', text: 'Beijing praised the talks, a minister said.',
    author: null, publishedAt: new Date('2026-08-04T08:00:00Z'), language: 'en',
  });
  const sentence = { text: 'Beijing praised the talks, a minister said.', start: 7, end: 51 };
  await saveAnalyses(db, [{
    articleId: id,
    analysis: {
      analyzerVersion: 'v1',
      actors: [{
        id: 'china', stance: { score: 0.5, label: 'positive', confidence: 0.7 }, frames: { diplomacy: 1 },
        mentions: [{ text: 'Beijing', start: 7, end: 14, score: 0.5, label: 'positive', confidence: 0.7, frames: ['diplomacy'], evidence: { sentence, cues: [] } }],
      }],
      attributions: [{
        source: { text: 'a minister', start: 34, end: 44, kind: 'anonymous' }, cue: { text: 'said', start: 45, end: 49 },
        content: { text: 'Beijing praised the talks', start: 7, end: 32 }, direct: false,
        targets: [{ actor: 'china', score: 0.5, label: 'positive' }],
      }],
    },
  }]);
}

/** The SQLSTATE of a failed statement, or 'ok'. */
async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'ok';
  } catch (err) {
    // drizzle wraps the driver's error in its own, with the original as the cause.
    const e = err as { code?: string; cause?: { code?: string } };
    return e.code ?? e.cause?.code ?? String(err);
  }
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seed();
  await grantAnalystRole(testDb.handle.db);
  await createAnalystLogin(testDb.handle.db, login, password);
  const url = new URL(testDb.url);
  url.username = login;
  url.password = password;
  analyst = postgres(url.toString(), { max: 1, onnotice: () => {} });
  analystHandle = openPostgres(url.toString(), { max: 1 });
});

afterAll(async () => {
  await analyst?.end({ timeout: 5 });
  await analystHandle?.close();
  await testDb?.drop();
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP ROLE IF EXISTS ${login}`);
  await admin.end();
});

describe('the read-only analyst role', () => {
  it('connects as a login that is a member of stancewatch_analyst and nothing else', async () => {
    const [me] = await analyst`SELECT current_user AS name, pg_has_role(current_user, 'stancewatch_analyst', 'member') AS member,
      (SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = current_user) AS powerful`;
    expect(me).toEqual({ name: login, member: true, powerful: false });
  });

  it('reads every documented view', async () => {
    for (const view of Object.keys(ANALYST_VIEWS)) {
      expect(await outcome(() => analyst.unsafe(`SELECT * FROM ${view} LIMIT 1`)), view).toBe('ok');
    }
    const [week] = await analyst`SELECT actor_id, articles, mean_stance FROM v_stance_weekly`;
    expect(week).toEqual({ actor_id: 'china', articles: 1, mean_stance: 0.5 });
    const [source] = await analyst`SELECT source, actor_id FROM v_sources`;
    expect(source).toEqual({ source: 'a minister', actor_id: 'china' });
  });

  it('cannot read the tables under the views: no article text, no raw rows', async () => {
    for (const table of ['articles', 'mentions', 'article_actors', 'attributions', 'alerts', 'stance_rollups', 'outlets', 'actors']) {
      expect(await outcome(() => analyst.unsafe(`SELECT 1 FROM ${table} LIMIT 1`)), table).toBe('42501');
    }
  });

  it('cannot write anything, through the views or otherwise', async () => {
    const attempts = {
      insertView: () => analyst`INSERT INTO v_articles (article_id, outlet_id, title) VALUES (gen_random_uuid(), 'harbour-times', 'x')`,
      updateView: () => analyst`UPDATE v_articles SET title = 'changed'`,
      deleteView: () => analyst`DELETE FROM v_alerts`,
      updateTable: () => analyst`UPDATE articles SET title = 'changed'`,
      truncate: () => analyst`TRUNCATE stance_rollups`,
      createTable: () => analyst`CREATE TABLE analyst_notes (x int)`,
      createView: () => analyst`CREATE VIEW v_mine AS SELECT 1`,
      rebuild: () => rebuildRollups(analystHandle.db),
    };
    for (const [name, run] of Object.entries(attempts)) {
      // 42501: permission denied; 55000: a joined view is not updatable, which PostgreSQL says first.
      expect(['42501', '55000'], name).toContain(await outcome(run));
    }
    const titles = rowsOf<{ title: string }>(await testDb.handle.db.execute(sql`SELECT title FROM articles`));
    expect(titles).toEqual([{ title: 'Talks' }]);
  });
});
