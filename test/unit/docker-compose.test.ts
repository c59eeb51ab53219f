import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/index.js';

type Service = { image?: string; build?: string; command?: string[]; depends_on?: Record<string, unknown>; ports?: string[]; environment?: Record<string, string> };
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

  it('publishes nothing beyond 127.0.0.1, and Redis not at all', () => {
    for (const [name, svc] of Object.entries(compose.services)) {
      for (const port of svc.ports ?? []) expect(port, `${name} publishes ${port}`).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    }
    expect(compose.services.redis!.ports).toBeUndefined();
  });

  it('takes every password from .env, and .env.example names each required variable', () => {
    const text = readFileSync('docker-compose.yml', 'utf8');
    expect(compose.services.postgres!.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    expect(compose.services.migrate!.environment!.DATABASE_URL).toMatch(/^postgres:\/\/stancewatch:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\/stancewatch$/);
    expect(compose.services.migrate!.environment!.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
    expect(text).not.toMatch(/PASSWORD: stancewatch|:stancewatch@/);
    const required = new Set([...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]!));
    expect([...required].sort()).toEqual([
      'GRAFANA_ADMIN_PASSWORD',
      'GRAFANA_DB_PASSWORD',
      'POSTGRES_PASSWORD',
      'REDIS_PASSWORD',
      'STANCEWATCH_WEB_PASSWORD',
      'STANCEWATCH_WEB_USER',
    ]);
    // No password falls back to a default ("admin") when .env lacks it; the optional admin
    // password of the dashboard stays empty (a read-only queue board).
    expect(text.match(/PASSWORD:-[^}]*\}/g)).toEqual(['PASSWORD:-}']);
    expect(compose.services.grafana!.environment!.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
    const example = readFileSync('.env.example', 'utf8');
    for (const name of required) expect(example, name).toMatch(new RegExp(`^${name}=.+$`, 'm'));
  });

  it('gives the dashboard, which listens on all the container\'s interfaces, its login', () => {
    const web = compose.services.web!;
    expect(web.command).toEqual(expect.arrayContaining(['--host', '0.0.0.0']));
    expect(web.environment!.STANCEWATCH_WEB_USER).toMatch(/^\$\{STANCEWATCH_WEB_USER:\?/);
    expect(web.environment!.STANCEWATCH_WEB_PASSWORD).toMatch(/^\$\{STANCEWATCH_WEB_PASSWORD:\?/);
    // The shared settings still reach it.
    expect(web.environment!.DATABASE_URL).toBe(compose.services.migrate!.environment!.DATABASE_URL);
  });
});
