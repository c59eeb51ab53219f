import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';

export const MIGRATIONS = fileURLToPath(new URL('../../drizzle', import.meta.url));
/** The last migration of the layout before issue 19's (text on articles, sentences on mentions). */
export const LAST_UNPARTITIONED = '0013_article_balance';

/** A migrations folder holding the migrations up to and including `lastTag` (remove it after use). */
export async function migrationsUpTo(lastTag: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sw-migrations-'));
  await mkdir(path.join(dir, 'meta'));
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === lastTag);
  if (last < 0) throw new Error(`no migration ${lastTag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  for (const e of journal.entries) await copyFile(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  await writeFile(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  return dir;
}

/** Migrates the PostgreSQL database at `url` with the migrations in `folder`. */
export async function migratePostgresFolder(url: string, folder: string): Promise<void> {
  const one = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(one, { casing: 'snake_case' }), { migrationsFolder: folder });
  } finally {
    await one.end();
  }
}
