// npm run docs:sql-outputs: reruns every SQL example of docs/sql.md that shows its output, on the
// demo world in PostgreSQL (TEST_DATABASE_URL), and writes psql's output under it. Run it after a
// change to the analyzer or the views; test/integration/docs-sql.test.ts fails until then.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createDemoDatabase } from '../test/helpers/demo-db.js';
import { codeBlocks, sqlStatements } from '../test/helpers/markdown.js';

const FILE = 'docs/sql.md';
const dir = mkdtempSync(path.join(tmpdir(), 'sw-docs-sql-'));
const demo = await createDemoDatabase(dir);
try {
  const lines = readFileSync(FILE, 'utf8').split('\n');
  // From the end, so earlier line numbers stay valid while later blocks change length.
  const shown = codeBlocks(FILE).filter((b) => b.lang === 'sql' && b.next?.lang === '').reverse();
  for (const block of shown) {
    const [statement] = sqlStatements(block.body);
    const out = execFileSync('psql', [demo.url, '-X', '-q', '-P', 'footer=off', '-c', 'SET ROLE stancewatch_analyst', '-c', statement!], {
      encoding: 'utf8',
    });
    const output = block.next!;
    const start = output.line; // the opening fence (1-based) is lines[start - 1]
    const end = lines.indexOf('```', start); // its closing fence
    lines.splice(start, end - start, ...out.replace(/\n+$/, '').split('\n').map((l) => l.trimEnd()));
  }
  writeFileSync(FILE, lines.join('\n'));
  process.stdout.write(`${FILE}: ${shown.length} outputs rewritten\n`);
} finally {
  await demo.drop();
  rmSync(dir, { recursive: true, force: true });
}
