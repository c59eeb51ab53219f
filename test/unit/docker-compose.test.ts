import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/index.js';

type Service = { image?: string; build?: string; command?: string[]; depends_on?: Record<string, unknown> };
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const APP = ['migrate', 'scheduler', 'crawl', 'analyze', 'alerts'];

describe('docker-compose.yml', () => {
  it('has the servers, every worker role and a mail catcher', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'mailpit', ...APP]),
    );
  });

  it.each(APP)('service %s runs a command that exists in this repository', (name) => {
    const svc = compose.services[name]!;
    expect(svc.build).toBe('.');
    const cmd = svc.command!;
    expect(cmd[0]).toBe('node');
    const script = cmd.find((part) => part.endsWith('.ts') || part.endsWith('.js'))!;
    expect(existsSync(script), `${script} exists`).toBe(true);
    if (script === 'bin/stancewatch.js') {
      const sub = cmd[cmd.indexOf(script) + 1]!;
      expect(buildProgram().commands.map((c) => c.name())).toContain(sub);
    }
  });

  it('starts workers only after migrations succeeded', () => {
    for (const name of ['scheduler', 'crawl', 'analyze', 'alerts']) {
      expect(compose.services[name]!.depends_on).toHaveProperty('migrate');
    }
  });

  it('uses no fixed container names, so analyze can be scaled', () => {
    expect(JSON.stringify(compose)).not.toContain('container_name');
  });
});
