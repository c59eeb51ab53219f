import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openPostgres, type DatabaseHandle } from '../../src/store/index.js';

/** The server integration tests use; a database per test file is created on it. */
export const TEST_PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  handle: DatabaseHandle;
  drop(): Promise<void>;
}

/**
 * A fresh, migrated PostgreSQL database for one test file. A server that does not answer fails the
 * test with the URL in the message: integration tests never skip silently.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `sw_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } catch (err) {
    await admin.end();
    throw new Error(`PostgreSQL at ${TEST_PG_URL} is required for integration tests`, { cause: err });
  }
  await admin.end();
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), { max: 5 });
  await handle.migrate();
  return {
    url: url.toString(),
    handle,
    async drop() {
      await handle.close();
      const a = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
