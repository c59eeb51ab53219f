import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let dir: string;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}, input?: string): Promise<Result> {
  const child = run('node', ['bin/stancewatch.js', ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: dir, STANCEWATCH_DATA_DIR: path.join(dir, 'data'), ...env },
    maxBuffer: 10 * 1024 * 1024,
    timeout: 170_000,
  });
  if (input !== undefined) {
    child.child.stdin!.end(input);
  }
  try {
    const { stdout, stderr } = await child;
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sw-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stancewatch command line', () => {
  it('npm start without a config runs the demo, twice, and the second run adds nothing', async () => {
    const first = await cli(['start']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Mean stance per actor and outlet, by week/);
    expect(first.stdout).toMatch(/^China\s+The Harbour Times\s+\+0\.\d\d\(\d\)/m);
    expect(first.stdout).toContain(`pglite at ${path.join(dir, 'data', 'pgdata')}`);
    const articles = async () =>
      (await cli(['sql', 'SELECT count(*)::int AS n FROM articles'])).stdout.trim();
    const n = await articles();
    expect(n).toMatch(/^\{"n":1\d\d\}$/);
    const second = await cli(['start']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 analyses/);
    expect(await articles()).toBe(n);
    // Two demo runs and three short commands: on a loaded two-core machine this took 178 s.
  }, 360_000);

  it('prints the trend of one actor as CSV', async () => {
    const res = await cli(['trends', '--actor', 'china', '--outlet', 'harbour-times', '--format', 'csv']);
    expect(res.code).toBe(0);
    const lines = res.stdout.trim().split('\n');
    expect(lines[0]).toBe('period,actor,outlet,articles,mentions,mean_stance,ci_low,ci_high,share_positive,share_negative');
    expect(lines.length).toBeGreaterThan(10);
  }, 60_000);

  it('exits 2 on a bad config before doing anything, naming each problem', async () => {
    const bad = path.join(dir, 'bad.yaml');
    await writeFile(bad, 'outlets:\n  - id: x\n    name: X\n    homepage: not-a-url\n');
    const dataDir = path.join(dir, 'untouched');
    const res = await cli(['start', '--once', '--config', bad], { STANCEWATCH_DATA_DIR: dataDir });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`${bad}: 1 problem(s)`);
    expect(res.stderr).toMatch(/outlets\[0\]\.homepage \(line 4\)/);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);

  it('ingests a JSONL archive, reporting bad lines by number and storing the rest', async () => {
    const config = path.join(dir, 'archive.yaml');
    await writeFile(config, `outlets:
  - { id: wire, name: Wire, homepage: "https://wire.example/" }
actors:
  - { id: eu, name: European Union, kind: organization, aliases: [EU, Brussels] }
`);
    const good = { outlet: 'wire', url: 'https://wire.example/a', title: 'EU deal', published_at: '2026-09-01T10:00:00Z', text: 'Brussels won praise for the generous deal.' };
    const lines = [
      JSON.stringify(good),
      '{not json',
      JSON.stringify({ ...good, outlet: 'nowhere', url: 'https://wire.example/b' }),
      JSON.stringify({ ...good, url: 'https://wire.example/c', text: '' }),
      JSON.stringify(good),
    ].join('\n');
    const env = { STANCEWATCH_DATA_DIR: path.join(dir, 'archive-data') };
    const res = await cli(['ingest', '--config', config, '-'], env, lines);
    expect(res.code).toBe(1);
    const out = JSON.parse(res.stdout) as { stored: Record<string, number>; rejected: { line: number; reason: string }[] };
    expect(out.stored).toEqual({ new: 1, changed: 0, unchanged: 1 });
    expect(out.rejected.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(out.rejected[1]!.reason).toBe('outlet "nowhere" is not in the config');
    expect(out.rejected[2]!.reason).toMatch(/^text: /);
    const stance = await cli(['sql', "SELECT label FROM v_article_stance WHERE actor_id = 'eu'"], env);
    expect(stance.stdout.trim()).toBe('{"label":"positive"}');
  }, 60_000);

  it('analyses a text from standard input as JSON with offsets into the input', async () => {
    const text = 'Brussels won praise for its generous aid. Moscow was condemned for the brutal attack.';
    const res = await cli(['analyze', '--json', '-'], {}, text);
    expect(res.code).toBe(0);
    const analysis = JSON.parse(res.stdout) as {
      actors: { id: string; stance: { label: string }; mentions: { text: string; start: number; end: number }[] }[];
    };
    const byId = Object.fromEntries(analysis.actors.map((a) => [a.id, a]));
    expect(byId.eu!.stance.label).toBe('positive');
    expect(byId.russia!.stance.label).toBe('negative');
    for (const a of analysis.actors) for (const m of a.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  }, 60_000);
});
