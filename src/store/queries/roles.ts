import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rowsOf } from './trends.js';

/** The read-only role of analysts (created by migration 0006). */
export const ANALYST_ROLE = 'stancewatch_analyst';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Makes sure the analyst role exists and can read every v_* view of this database (views added
 * after the role's migration included), and nothing else: it holds no table privilege and
 * cannot create objects. Returns the views granted.
 */
export async function grantAnalystRole(db: Db): Promise<string[]> {
  await db.execute(sql.raw(`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ANALYST_ROLE}') THEN
        CREATE ROLE ${ANALYST_ROLE} NOLOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`));
  const views = rowsOf<{ name: string }>(
    await db.execute(sql`
      SELECT table_name AS name FROM information_schema.views
      WHERE table_schema = current_schema() AND table_name LIKE 'v\\_%' ORDER BY table_name`),
  ).map((r) => r.name);
  await db.execute(sql.raw(`GRANT USAGE ON SCHEMA ${await currentSchema(db)} TO ${ANALYST_ROLE}`));
  await db.execute(sql.raw(`REVOKE ALL ON ALL TABLES IN SCHEMA ${await currentSchema(db)} FROM ${ANALYST_ROLE}`));
  if (views.length > 0) {
    await db.execute(sql.raw(`GRANT SELECT ON ${views.map((v) => `"${v}"`).join(', ')} TO ${ANALYST_ROLE}`));
  }
  return views;
}

async function currentSchema(db: Db): Promise<string> {
  const rows = rowsOf<{ s: string }>(await db.execute(sql`SELECT quote_ident(current_schema()) AS s`));
  return rows[0]?.s ?? 'public';
}

/**
 * A login role for one analyst, member of the analyst role and nothing more: it can connect and
 * read the views. Creates it, or resets its password when it exists.
 */
export async function createAnalystLogin(db: Db, name: string, password: string): Promise<void> {
  if (!IDENTIFIER.test(name)) throw new Error(`role name must be lowercase letters, digits and _ (got "${name}")`);
  if (name === ANALYST_ROLE) throw new Error(`${ANALYST_ROLE} is the group role; pick a login name`);
  const exists = rowsOf(await db.execute(sql`SELECT 1 FROM pg_roles WHERE rolname = ${name}`)).length > 0;
  // Identifiers and passwords cannot be bind parameters in role DDL: quote them in SQL instead.
  const quoted = rowsOf<{ p: string }>(await db.execute(sql`SELECT quote_literal(${password}) AS p`))[0]?.p;
  if (quoted === undefined) throw new Error('could not quote the password');
  const verb = exists ? 'ALTER' : 'CREATE';
  await db.execute(sql.raw(`${verb} ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE INHERIT PASSWORD ${quoted}`));
  await db.execute(sql.raw(`GRANT ${ANALYST_ROLE} TO ${name}`));
}
