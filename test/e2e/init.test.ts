import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '../../src/config/index.js';
import { startDemoServer, type DemoServer } from '../../src/demo/index.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
let demo: DemoServer;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sw-init-'));
  demo = await startDemoServer();
});

afterAll(async () => {
  await demo?.close();
  await rm(dir, { recursive: true, force: true });
});

const env = () => ({ PATH: process.env.PATH ?? '', HOME: dir, STANCEWATCH_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'warn' });

describe('stancewatch init against the demo world', () => {
  it('writes a valid, commented config that `start --once` runs end to end', async () => {
    const out = path.join(dir, 'mine.yaml');
    const sites = demo.config().outlets.map((o) => o.homepage);
    const init = await runCli(['init', '--site', ...sites, '--actor', 'China=country', '--yes', '--out', out], env(), 120_000);
    expect(init.stderr).toContain(`wrote ${out}: 3 outlets`);
    expect(init.code).toBe(0);

    const config = await loadConfigFile(out);
    // The feeds the crawler's discovery finds are the ones the demo serves.
    expect(config.outlets.map((o) => [o.id, o.name, o.feeds, o.allowPrivateNetwork])).toEqual(
      demo.config().outlets.map((o) => [o.id, o.name, o.feeds, [new URL(o.homepage).hostname]]),
    );
    expect(config.actors[0]).toMatchObject({ id: 'china', name: 'China', kind: 'country' });
    // Suggested from the sample: named actors, and the rest left as comments to uncomment.
    expect(config.actors.length).toBe(6);
    expect(config.actors.map((a) => a.name)).not.toContain('The Harbour Times');
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^ {2}# - id: [a-z0-9-]+$/m);
    expect(text).toMatch(/# suggested: \d+ sampled articles/);

    const start = await runCli(['start', '--config', out, '--once'], env(), 170_000);
    expect(start.code).toBe(0);
    const summary = JSON.parse(start.stdout.slice(0, start.stdout.indexOf('\n}\n') + 2)) as {
      jobs: { completed: Record<string, number>; failed: unknown[] };
    };
    expect(summary.jobs.failed).toEqual([]);
    expect(summary.jobs.completed).toMatchObject({ crawl: 3, alerts: 3 });
    expect(summary.jobs.completed.analyze).toBeGreaterThanOrEqual(100);
    expect(start.stdout).toMatch(/^China\s+The Harbour Times\s+[+-]\d\.\d\d\(\d\)/m);
  }, 300_000);

  it('asks for sites when none are given, and without a terminal says how to give them', async () => {
    const res = await runCli(['init', '--out', path.join(dir, 'none.yaml')], env());
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('no sites: pass --site URL');
  });

  it('does not overwrite an existing file without --force', async () => {
    const out = path.join(dir, 'kept.yaml');
    await writeFile(out, 'outlets: []\n');
    const res = await runCli(['init', '--site', demo.config().outlets[0]!.homepage, '--yes', '--out', out], env());
    expect(res.code).not.toBe(0);
    expect(res.stderr).toContain('exists: pass --force');
    expect(await readFile(out, 'utf8')).toBe('outlets: []\n');
  });
});
