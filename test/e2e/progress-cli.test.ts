import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

let dir: string;
let config: string;
let archive: string;

const SENTENCES = [
  'Brussels won praise for the generous aid package announced on Monday.',
  'Officials in Moscow were condemned for the brutal attack on the port.',
  'The European Union said talks with its partners would continue next week.',
  'Analysts warned that Russia could retaliate against new sanctions.',
];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sw-progress-'));
  config = path.join(dir, 'config.yaml');
  await writeFile(config, `outlets:
  - { id: wire, name: Wire, homepage: "https://wire.example/" }
actors:
  - { id: eu, name: European Union, kind: organization, aliases: [EU, Brussels] }
  - { id: russia, name: Russia, kind: country, aliases: [Moscow], demonyms: [Russian] }
`);
  const lines = Array.from({ length: 150 }, (_, i) =>
    JSON.stringify({
      outlet: 'wire',
      url: `https://wire.example/${i}`,
      title: `Story ${i}`,
      published_at: '2026-09-01T10:00:00Z',
      text: Array.from({ length: 12 }, (_x, j) => SENTENCES[(i + j) % SENTENCES.length]).join(' ') + ` Ref ${i}.`,
    }),
  );
  archive = path.join(dir, 'archive.jsonl');
  await writeFile(archive, `${lines.join('\n')}\n`);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const env = (name: string) => ({ PATH: process.env.PATH ?? '', HOME: dir, STANCEWATCH_DATA_DIR: path.join(dir, name), LOG_LEVEL: 'warn' });

describe('progress of a long command without a terminal', () => {
  it('ingest logs progress lines on stderr and keeps its JSON summary on stdout', async () => {
    const res = await runCli(['--config', config, '--progress-every', '0.2', 'ingest', archive], env('a'), 170_000);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout)).toMatchObject({ lines: 150, stored: { new: 150 } });
    const lines = res.stderr.split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((l) => /^(ingest|analyze): /.test(l))).toBe(true);
    // Embedded ingest analyses its batches while reading (issue 19), so reading reaches 100% last;
    // analyses left to the queue afterwards get their own line.
    expect(lines.at(-1)).toMatch(/^(ingest: ([\d,]+)\/\2 bytes|analyze: 150\/150 articles) \(100%\), [\d.]+\/s, ETA 0s, /);
  }, 180_000);

  it('--quiet prints nothing on stderr and the same summary', async () => {
    const res = await runCli(['--config', config, '--quiet', '--progress-every', '0.2', 'ingest', archive], env('b'), 170_000);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe('');
    expect(JSON.parse(res.stdout)).toMatchObject({ lines: 150, stored: { new: 150 } });
  }, 180_000);
});
