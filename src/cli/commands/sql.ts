import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../store/index.js';
import { cliContext } from '../context.js';

/** `sql`: run one query against the database in use (handy for the embedded PGlite). */
export function registerSqlCommand(program: Command): void {
  program
    .command('sql')
    .description('run one SQL query against the database in use and print the rows as JSON lines')
    .argument('<query>', 'the SQL text, e.g. "SELECT * FROM v_stance_weekly LIMIT 5"')
    .action(async (query: string) => {
      const { env } = cliContext(program.opts<{ config?: string }>().config);
      const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
      try {
        await db.migrate();
        const rows = rowsOf<Record<string, unknown>>(await db.db.execute(sql.raw(query)));
        for (const r of rows) process.stdout.write(`${JSON.stringify(r)}\n`);
      } finally {
        await db.close();
      }
    });
}
