import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const run = promisify(execFile);

/** Runs `stancewatch ARGS` as a user would, with only `env`; a non-zero exit is returned, not thrown. */
export async function runCli(args: readonly string[], env: Record<string, string>, timeout = 60_000): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', ['bin/stancewatch.js', ...args], { env, timeout, maxBuffer: 10 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
