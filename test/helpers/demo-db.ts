import postgres from 'postgres';
import { loadEnv } from '../../src/config/index.js';
import { startDemoServer } from '../../src/demo/index.js';
import { silentLogger } from '../../src/log.js';
import { openRuntime } from '../../src/pipeline/index.js';
import { ANALYST_ROLE, grantAnalystRole } from '../../src/store/index.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export interface DemoDatabase extends TestDatabase {
  /** Runs one statement as the read-only analyst role (SET ROLE inside a transaction). */
  queryAsAnalyst(text: string): Promise<Record<string, unknown>[]>;
}

/**
 * A PostgreSQL database holding the demo world, crawled and analysed in-process as `npm start`
 * does, with the analyst role granted: what an analyst's SQL or Grafana would read.
 */
export async function createDemoDatabase(dataDir: string): Promise<DemoDatabase> {
  const testDb = await createTestDatabase();
  const server = await startDemoServer();
  try {
    const env = loadEnv({ DATABASE_URL: testDb.url, STANCEWATCH_DATA_DIR: dataDir });
    const rt = await openRuntime(env, server.config(), silentLogger, { inProcess: true, crawl: { maxConcurrency: 8 } });
    try {
      for (const o of server.config().outlets) await rt.runner!.enqueueCrawl({ outletId: o.id, trigger: 'demo' });
      await rt.runner!.drain();
    } finally {
      await rt.close();
    }
  } finally {
    await server.close();
  }
  await grantAnalystRole(testDb.handle.db);
  const client = postgres(testDb.url, { max: 1, onnotice: () => {} });
  return {
    ...testDb,
    async queryAsAnalyst(text) {
      return client.begin(async (tx) => {
        await tx.unsafe(`SET LOCAL ROLE ${ANALYST_ROLE}`);
        return [...(await tx.unsafe(text))] as Record<string, unknown>[];
      });
    },
    async drop() {
      await client.end({ timeout: 5 });
      await testDb.drop();
    },
  };
}
