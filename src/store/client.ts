import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The database, whichever driver runs it: queries are written once for both. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DatabaseHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** Where the data is, for people: a URL without its password, or a folder. */
  location: string;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** A gzipped tar of a freshly initialised PGlite data folder, for the installed PGlite version. */
const PGLITE_SHARED_BUFFERS = '16MB';
export const PGLITE_SEED = fileURLToPath(new URL('./pglite/seed.tar.gz', import.meta.url));
// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 727_465_001;

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Opens PostgreSQL at `url` (postgres-js driver). */
export function openPostgres(url: string, opts: { max?: number } = {}): DatabaseHandle {
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    location: redact(url),
    async migrate() {
      // Several workers may start at once; a session advisory lock on a single connection makes
      // them migrate one at a time (drizzle's migrator does not lock on its own).
      const one = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await one`SELECT pg_advisory_lock(${MIGRATION_LOCK})`;
        await migratePostgres(drizzlePostgres(one, { casing: 'snake_case' }), {
          migrationsFolder: MIGRATIONS,
        });
      } finally {
        await one.end({ timeout: 5 });
      }
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** Opens the embedded PGlite database in `dataDir/pgdata` (created when missing). */
export async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const dir = path.join(dataDir, 'pgdata');
  await mkdir(dir, { recursive: true });
  // Loaded only here: PGlite adds ~50 MB to a process's memory at import, and workers on
  // PostgreSQL never use it.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  // A new data folder starts from a committed copy of a fresh initdb: PGlite's own initdb runs a
  // second PostgreSQL and the initdb program beside the first, and the demo's first run peaked at
  // about 940 MB RSS with it, about 430 MB less without (npm run build:pglite-seed remakes it).
  const fresh = !existsSync(path.join(dir, 'PG_VERSION')) && existsSync(PGLITE_SEED);
  const client = new PGlite(dir, {
    // 128 MB of shared buffers (initdb's default) is most of PGlite's memory; an embedded
    // database of one user's outlets reads from the OS file cache as fast.
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    ...(fresh ? { loadDataDir: new Blob([await readFile(PGLITE_SEED)]) } : {}),
  });
  const db = drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dir,
    migrate: () => migratePglite(drizzlePglite(client, { schema, casing: 'snake_case' }), { migrationsFolder: MIGRATIONS }),
    close: () => client.close(),
  };
}

/** PostgreSQL when a URL is given, else the embedded PGlite in the data folder. */
export async function openDatabase(opts: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<DatabaseHandle> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.dataDir);
}

/** Cheap liveness check, used at start-up so a wrong DATABASE_URL fails before any work. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
