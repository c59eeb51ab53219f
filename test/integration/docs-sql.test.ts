import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoDatabase, type DemoDatabase } from '../helpers/demo-db.js';
import { codeBlocks, psqlHeader, psqlRows, sameAsPrinted, sqlStatements } from '../helpers/markdown.js';

// Every SQL example users read, run as the read-only analyst role against the demo world.
const files = ['README.md', 'docs/sql.md'];
const examples = files.flatMap((file) =>
  codeBlocks(file)
    .filter((b) => b.lang === 'sql')
    .flatMap((b) => sqlStatements(b.body).map((statement) => ({ file, line: b.line, statement, output: b.next }))),
);

const EMPTY_IN_DEMO = /FROM v_crawl_failures|WHERE excluded_from_trends/;

let dir: string;
let demo: DemoDatabase;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sw-docs-sql-'));
  demo = await createDemoDatabase(dir);
}, 180_000);

afterAll(async () => {
  await demo?.drop();
  await rm(dir, { recursive: true, force: true });
});

describe('the SQL examples of the README and docs/sql.md', () => {
  it('finds the examples', () => {
    expect(examples.filter((e) => e.file === 'README.md').length).toBeGreaterThanOrEqual(3);
    expect(examples.filter((e) => e.file === 'docs/sql.md').length).toBeGreaterThanOrEqual(10);
  });

  it.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))(
    'runs %s as the analyst role and gives the rows printed under it',
    async (_where, e) => {
      const rows = await demo.queryAsAnalyst(e.statement);
      if (process.env.DOCS_SQL_PRINT) console.log(e.line, JSON.stringify(rows.slice(0, 3)));
      // The demo world's crawl fails nowhere and flags no article, so these diagnostics are empty there.
      if (!EMPTY_IN_DEMO.test(e.statement)) expect(rows.length).toBeGreaterThan(0);
      if (e.output && e.output.lang === '') {
        const columns = psqlHeader(e.output.body);
        expect(Object.keys(rows[0]!)).toEqual(columns);
        // The printed output is what the demo world gives today: a change to the analyzer shows here.
        const printed = psqlRows(e.output.body);
        expect(rows.length).toBeGreaterThanOrEqual(printed.length);
        printed.forEach((cells, i) => {
          const got = columns.map((c) => rows[i]![c]);
          const mismatch = columns.filter((_c, j) => !sameAsPrinted(got[j], cells[j] ?? ''));
          expect(mismatch, `row ${i + 1}: ${JSON.stringify(got)} printed as ${JSON.stringify(cells)}`).toEqual([]);
        });
      }
    },
  );
});
