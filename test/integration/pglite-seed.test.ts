import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGLITE_SEED, openPglite, rowsOf } from '../../src/store/index.js';

let dir: string;
const pgliteVersion = (JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')) as { version: string }).version;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sw-seed-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a new embedded database starts from the committed initdb seed', () => {
  it('is made for the installed PGlite (after an upgrade: npm run build:pglite-seed)', async () => {
    expect(existsSync(PGLITE_SEED)).toBe(true);
    const handle = await openPglite(dir);
    try {
      const [row] = rowsOf<{ v: string; sb: string }>(await handle.db.execute(sql`SELECT version() AS v, current_setting('shared_buffers') AS sb`));
      expect(row!.v, 'npm run build:pglite-seed').toContain(`PGlite ${pgliteVersion}`);
      expect(row!.sb).toBe('16MB');
      await handle.migrate();
      await handle.db.execute(sql`CREATE TABLE seed_check (x int)`);
      await handle.db.execute(sql`INSERT INTO seed_check VALUES (42)`);
    } finally {
      await handle.close();
    }
    expect(existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
  }, 60_000);

  it('reopens the folder it made as an existing database, keeping what was written', async () => {
    const handle = await openPglite(dir);
    try {
      expect(rowsOf(await handle.db.execute(sql`SELECT x FROM seed_check`))).toEqual([{ x: 42 }]);
    } finally {
      await handle.close();
    }
  }, 60_000);
});
