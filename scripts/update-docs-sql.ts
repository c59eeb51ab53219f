/**
 * Rewrites the psql-style outputs printed under the SQL examples of README.md and docs/sql.md with
 * what the demo world gives today (`npx tsx scripts/update-docs-sql.ts`). A change to the analyzer
 * moves the demo's figures; test/integration/docs-sql.test.ts then fails until this is run and the
 * new figures are read over (the prose around them may need to change too).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoDatabase } from '../test/helpers/demo-db.js';
import { codeBlocks, psqlHeader, psqlRows, sqlStatements } from '../test/helpers/markdown.js';

const FILES = ['README.md', 'docs/sql.md'];

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

const NUMERIC = /^-?\d+(\.\d+)?$/;

/** psql's aligned format: centred headers, numbers right-aligned, text left-aligned. */
function psqlTable(columns: string[], rows: string[][]): string[] {
  const width = columns.map((c, j) => Math.max(c.length, ...rows.map((r) => r[j]!.length)));
  const centre = (s: string, w: number): string => {
    const left = Math.floor((w - s.length) / 2);
    return (' '.repeat(left) + s).padEnd(w);
  };
  const header = columns.map((c, j) => ` ${centre(c, width[j]!)} `).join('|').trimEnd();
  const rule = width.map((w) => '-'.repeat(w + 2)).join('+');
  const body = rows.map((r) =>
    r.map((v, j) => ` ${NUMERIC.test(v) ? v.padStart(width[j]!) : v.padEnd(width[j]!)} `).join('|').trimEnd(),
  );
  return [header, rule, ...body];
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sw-docs-sql-update-'));
  const demo = await createDemoDatabase(dir);
  try {
    for (const file of FILES) {
      const lines = (await readFile(file, 'utf8')).split('\n');
      const edits: { from: number; to: number; body: string[] }[] = [];
      for (const block of codeBlocks(file)) {
        const out = block.next;
        if (block.lang !== 'sql' || !out || out.lang !== '') continue;
        const statements = sqlStatements(block.body);
        const rows = await demo.queryAsAnalyst(statements[statements.length - 1]!);
        const columns = psqlHeader(out.body);
        const shown = Math.min(psqlRows(out.body).length, rows.length);
        const table = rows.slice(0, shown).map((r) => columns.map((c) => cell(r[c])));
        // out.line is the opening fence (1-based); its body runs until the closing fence.
        const from = out.line;
        const to = from + out.body.split('\n').length;
        edits.push({ from, to, body: psqlTable(columns, table) });
      }
      for (const e of edits.reverse()) lines.splice(e.from, e.to - e.from, ...e.body);
      await writeFile(file, lines.join('\n'));
      console.log(`${file}: ${edits.length} outputs rewritten`);
    }
  } finally {
    await demo.drop();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
