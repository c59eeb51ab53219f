import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Runs the dashboard's browser suite in a child vitest, as on a machine without Chromium. */
async function browserSuite(env: Record<string, string>): Promise<{ code: number; output: string }> {
  const { CI: _ci, ...inherited } = process.env;
  try {
    const r = await run('npx', ['vitest', 'run', 'test/e2e/dashboard-browser.test.ts'], {
      env: { ...inherited, TEST_CHROMIUM_PATH: '/nonexistent/chromium', ...env },
      timeout: 120_000,
      maxBuffer: 10 * 1024 * 1024,
    });
    return { code: 0, output: r.stdout + r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

describe('the dashboard browser suite without Chromium', () => {
  it('skips, saying how to install it, when CI is not set', async () => {
    const r = await browserSuite({});
    expect(r.output).toContain('no Chromium at /nonexistent/chromium; install it with `apt-get install chromium`');
    expect(r.output).toMatch(/5 skipped/);
    expect(r.code).toBe(0);
  }, 130_000);

  it('fails under CI=true', async () => {
    const r = await browserSuite({ CI: 'true' });
    expect(r.output).toContain('the dashboard browser tests need Chromium at /nonexistent/chromium');
    expect(r.code).not.toBe(0);
  }, 130_000);
});
