import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

type Service = {
  command?: string[];
  ports?: string[];
  volumes?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
};
const compose = parse(readFileSync('docker-compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service> };
const provisioned = parse(readFileSync('deploy/grafana/provisioning/datasources/stancewatch.yaml', 'utf8')) as {
  datasources: { user: string; url: string; secureJsonData: { password: string }; jsonData: { database: string } }[];
};

describe('docker-compose: dashboard and Grafana', () => {
  it('runs our dashboard, published on loopback only', () => {
    const web = compose.services.web!;
    expect(web.command).toEqual(['node', 'bin/stancewatch.js', 'web', '--host', '0.0.0.0', '--port', '3000']);
    expect(web.ports).toEqual(['127.0.0.1:3000:3000']);
  });

  it('gives Grafana a login in the read-only analyst role, made before Grafana starts', () => {
    const login = compose.services['analyst-login']!;
    expect(login.command!.join(' ')).toMatch(/stancewatch\.js roles --login "\$\$GRAFANA_DB_USER" --password-stdin/);
    const grafana = compose.services.grafana!;
    expect(grafana.depends_on).toEqual({ 'analyst-login': { condition: 'service_completed_successfully' } });
    expect(grafana.ports).toEqual(['127.0.0.1:3001:3000']);
    // The data source reads the same user and password the login was made with.
    expect(grafana.environment!.GRAFANA_DB_USER).toBe(login.environment!.GRAFANA_DB_USER);
    expect(grafana.environment!.GRAFANA_DB_PASSWORD).toBe(login.environment!.GRAFANA_DB_PASSWORD);
    const [ds] = provisioned.datasources;
    expect([ds!.user, ds!.secureJsonData.password, ds!.url]).toEqual(['${GRAFANA_DB_USER}', '${GRAFANA_DB_PASSWORD}', '${STANCEWATCH_PG_HOST}']);
  });

  it('mounts provisioning and dashboards that exist in this repository', () => {
    const mounts = compose.services.grafana!.volumes!.filter((v) => v.startsWith('./')).map((v) => v.split(':'));
    expect(mounts.map(([, target]) => target)).toEqual(['/etc/grafana/provisioning', '/var/lib/grafana/dashboards/stancewatch']);
    for (const [source] of mounts) expect(existsSync(source!), source).toBe(true);
    expect(existsSync('deploy/grafana/dashboards/stancewatch.json')).toBe(true);
  });
});
