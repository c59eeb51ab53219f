import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readPersent } from '../../scripts/stance/persent.js';
import { demoActors } from '../../src/demo/index.js';
import { createAnalyzer } from '../../src/nlp/index.js';

const DATA = path.resolve('../shared/data');
const PERSENT = path.join(DATA, 'persent/dev.csv');
const PAGES = path.join(DATA, 'extraction/truth.jsonl');
const hasData = existsSync(PERSENT) && existsSync(PAGES);
const why = hasData ? '' : ` (skipped: ${PERSENT} or ${PAGES} is absent; they sit beside the repo in ../shared/data)`;

/** Real news: PerSenT's articles (title and body, as a stored article reads) and the extraction set's bodies. */
function corpus(): { id: string; text: string }[] {
  const persent = readPersent(PERSENT).map((d) => ({ id: `persent-${d.id}`, text: `${d.title}\n\n${d.text}` }));
  const pages = readFileSync(PAGES, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { id: string; articleBody: string })
    .map((p) => ({ id: `page-${p.id}`, text: p.articleBody }));
  return [...persent, ...pages];
}

describe('analyze is a pure function of (text, actors)', () => {
  it.skipIf(!hasData)(`gives the same output in one process whatever it read before, and in another process${why}`, async () => {
    const docs = corpus();
    expect(docs.length).toBeGreaterThan(600);
    const run = createAnalyzer(demoActors());
    const first = new Map(docs.map((d) => [d.id, JSON.stringify(run(d.text))]));
    // Again in reverse order: each text now comes after every other one (wink has learnt all their
    // words), where the first time it came before most of them.
    const again = [...docs].reverse().filter((d) => JSON.stringify(run(d.text)) !== first.get(d.id));
    expect(again.map((d) => d.id)).toEqual([]);

    // A second process, as a user runs it: `stancewatch analyze --jsonl`, rotated by half so each
    // text meets a different history again.
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-determinism-'));
    try {
      const half = Math.floor(docs.length / 2);
      const rotated = [...docs.slice(half), ...docs.slice(0, half)];
      const file = path.join(dir, 'corpus.jsonl');
      writeFileSync(file, rotated.map((d) => JSON.stringify(d)).join('\n'));
      const env = { PATH: process.env.PATH ?? '', HOME: dir, STANCEWATCH_DATA_DIR: dir };
      const { stdout } = await promisify(execFile)('node', ['bin/stancewatch.js', 'analyze', '--jsonl', file], {
        env,
        maxBuffer: 1 << 30,
        timeout: 240_000,
      });
      const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; analysis: unknown });
      expect(lines.length).toBe(docs.length);
      const differ = lines.filter((l) => JSON.stringify(l.analysis) !== first.get(l.id)).map((l) => l.id);
      expect(differ).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
