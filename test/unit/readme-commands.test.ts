import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/index.js';
import { codeBlocks } from '../helpers/markdown.js';

// Every shell command the README shows is checked against what it names: npm scripts, files,
// compose services, and stancewatch's own commands and options, parsed by the real CLI definition.

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
const compose = parseYaml(readFileSync('docker-compose.yml', 'utf8')) as { services: Record<string, unknown> };

/** Shell words of one command line: quotes respected, a trailing comment dropped, VAR=x prefixes skipped. */
function words(line: string): string[] {
  const out: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]!);
  }
  while (out.length > 0 && /^[A-Z_]+=/.test(out[0]!)) out.shift();
  return out;
}

const commands = codeBlocks('README.md')
  .filter((b) => b.lang === 'sh')
  .flatMap((b) => b.body.split('\n').map((line) => ({ line, at: b.line })))
  .filter(({ line }) => line.trim() !== '' && !line.trim().startsWith('#'))
  .flatMap(({ line, at }) => line.split(/&&|\|/).map((part) => ({ argv: words(part), line, at })))
  .filter((c) => c.argv.length > 0);

/** Parses `args` with the real program, every action replaced by a no-op; throws what commander reports. */
async function parseStancewatch(args: string[]): Promise<string[]> {
  const program = buildProgram();
  const reached: string[] = [];
  const quiet = (cmd: Command): void => {
    cmd.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    cmd.action(() => {
      reached.push(cmd.name());
    });
    cmd.commands.forEach(quiet);
  };
  quiet(program);
  await program.parseAsync(['node', 'stancewatch', ...args]);
  return reached;
}

async function check(argv: string[]): Promise<void> {
  const [tool, ...rest] = argv;
  if (tool === 'npx' && rest[0] === 'stancewatch') {
    expect(await parseStancewatch(rest.slice(1))).toHaveLength(1);
  } else if (tool === 'npm' && rest[0] === 'start') {
    const dash = rest.indexOf('--');
    expect(await parseStancewatch(['start', ...(dash >= 0 ? rest.slice(dash + 1) : [])])).toEqual(['start']);
  } else if (tool === 'npm' && (rest[0] === 'test' || rest[0] === 'run')) {
    expect(pkg.scripts).toHaveProperty(rest[0] === 'run' ? rest[1]! : 'test');
  } else if (tool === 'npm' && rest[0] === 'ci') {
    expect(existsSync('package-lock.json')).toBe(true);
  } else if (tool === 'cp') {
    expect(existsSync(rest[0]!)).toBe(true);
  } else if (tool === 'docker' && rest[0] === 'compose') {
    for (const [i, w] of rest.entries()) {
      if (w === '--scale') expect(Object.keys(compose.services)).toContain(rest[i + 1]!.split('=')[0]);
    }
  } else {
    throw new Error(`the README shows a command this test does not know how to check: ${argv.join(' ')}`);
  }
}

describe('the commands shown in the README', () => {
  it('are at least the two commands and the path to own outlets', () => {
    const lines = commands.map((c) => c.argv.slice(0, 2).join(' '));
    expect(lines).toEqual(expect.arrayContaining(['npm ci', 'npm start', 'npm test']));
    expect(commands.length).toBeGreaterThanOrEqual(6);
  });

  it.each(commands.map((c) => [c.line.trim(), c] as const))('%s', async (_line, c) => {
    await check(c.argv);
  });

  it('rejects what the real CLI rejects (the check can fail)', async () => {
    await expect(parseStancewatch(['trends', '--actor', 'china', '--no-such-flag'])).rejects.toThrow(/unknown option/);
    await expect(parseStancewatch(['trends'])).rejects.toThrow(/required option/);
    await expect(parseStancewatch(['no-such-command'])).rejects.toThrow();
  });

  it('stays short: at most 300 lines', () => {
    expect(readFileSync('README.md', 'utf8').split('\n').length).toBeLessThanOrEqual(300);
  });
});
