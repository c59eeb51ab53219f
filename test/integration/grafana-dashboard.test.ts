import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAnalystLogin } from '../../src/store/index.js';
import { TEST_PG_URL } from '../helpers/db.js';
import { createDemoDatabase, type DemoDatabase } from '../helpers/demo-db.js';

// The provisioned Grafana dashboard, query by query, as Grafana would send it: variables
// substituted, logged in as a member of the read-only analyst role, against the demo world.

interface Target { rawSql: string; datasource: { uid: string } }
interface Dashboard {
  time: { from: string; to: string };
  panels: { title: string; datasource: { uid: string }; targets: Target[] }[];
  annotations: { list: { name: string; target?: Target }[] };
  templating: { list: { name: string; type: string; query: string; options?: { value: string }[]; current: { value: unknown } }[] };
}

const dashboard = JSON.parse(readFileSync('deploy/grafana/dashboards/stancewatch.json', 'utf8')) as Dashboard;
const datasources = parseYaml(readFileSync('deploy/grafana/provisioning/datasources/stancewatch.yaml', 'utf8')) as {
  datasources: { uid: string; type: string }[];
};
const variable = (name: string) => dashboard.templating.list.find((v) => v.name === name)!;
const intervals = variable('interval').options!.map((o) => o.value);

/** The dashboard's default range ("now-1y" to "now") as timestamps, for $__timeFilter. */
function timeRange(): { from: string; to: string } {
  expect(dashboard.time).toEqual({ from: 'now-1y', to: 'now' });
  const to = new Date();
  const from = new Date(to);
  from.setUTCFullYear(to.getUTCFullYear() - 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** What Grafana's PostgreSQL data source does to a query before sending it. */
function interpolate(sqlText: string, vars: { actor: string; outlets: string[]; interval: string }): string {
  const { from, to } = timeRange();
  const out = sqlText
    .replace(/\$__timeFilter\(([^)]+)\)/g, (_m, col: string) => `${col} BETWEEN '${from}' AND '${to}'`)
    .replaceAll('${interval}', vars.interval)
    .replaceAll('$interval', vars.interval)
    .replaceAll('$actor', vars.actor)
    // A multi-value variable is formatted as a quoted, comma-separated list.
    .replaceAll('$outlet', vars.outlets.map((o) => `'${o}'`).join(','));
  expect(out, 'every variable and macro is substituted').not.toMatch(/\$/);
  return out;
}

const login = `sw_grafana_${randomBytes(4).toString('hex')}`;
let dir: string;
let demo: DemoDatabase;
let grafana: postgres.Sql;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sw-grafana-'));
  demo = await createDemoDatabase(dir);
  const password = randomBytes(12).toString('base64url');
  await createAnalystLogin(demo.handle.db, login, password);
  const url = new URL(demo.url);
  url.username = login;
  url.password = password;
  grafana = postgres(url.toString(), { max: 1, onnotice: () => {} });
}, 180_000);

afterAll(async () => {
  await grafana?.end({ timeout: 5 });
  await demo?.drop();
  const admin = postgres(TEST_PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP ROLE IF EXISTS ${login}`);
  await admin.end();
  await rm(dir, { recursive: true, force: true });
});

const run = async (text: string) => [...(await grafana.unsafe(text))] as Record<string, unknown>[];

describe('the provisioned Grafana dashboard', () => {
  it('reads through the provisioned data source, which logs in as the analyst role and cannot read tables', async () => {
    const [ds] = datasources.datasources;
    expect(ds).toMatchObject({ uid: 'stancewatch-pg', type: 'grafana-postgresql-datasource' });
    const uids = [
      ...dashboard.panels.flatMap((p) => [p.datasource.uid, ...p.targets.map((t) => t.datasource.uid)]),
      ...dashboard.annotations.list.flatMap((a) => (a.target ? [a.target.datasource.uid] : [])),
    ];
    expect(new Set(uids)).toEqual(new Set([ds!.uid]));
    await expect(run('SELECT 1 FROM articles LIMIT 1')).rejects.toMatchObject({ code: '42501' });
  });

  it('has panels for stance with intervals, coverage shares, frames, top sources and alerts, and alert annotations', () => {
    const sql = dashboard.panels.map((p) => p.targets.map((t) => t.rawSql).join('\n'));
    expect(sql.some((s) => /ci_low/.test(s) && /ci_high/.test(s) && /v_stance_\$\{interval\}/.test(s))).toBe(true);
    expect(sql.some((s) => /v_outlet_coverage/.test(s))).toBe(true);
    expect(sql.some((s) => /v_frame_shares_\$\{interval\}/.test(s))).toBe(true);
    expect(sql.some((s) => /FROM v_sources\b/.test(s))).toBe(true);
    expect(sql.some((s) => /FROM v_alerts/.test(s))).toBe(true);
    expect(dashboard.annotations.list.find((a) => a.name === 'Framing changes')?.target?.rawSql).toMatch(/FROM v_alerts/);
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['actor', 'outlet', 'interval']);
    expect(intervals).toEqual(['daily', 'weekly', 'monthly']);
  });

  it('fills its variables from the views: actors, then the outlets that wrote about the chosen one', async () => {
    const actors = await run(variable('actor').query);
    expect(actors).toContainEqual({ __value: 'china', __text: 'China' });
    const outlets = await run(interpolate(variable('outlet').query, { actor: 'china', outlets: [], interval: 'weekly' }));
    expect(outlets.map((o) => o.__value)).toEqual(['continental-ledger', 'northern-wire', 'harbour-times']);
  });

  it.each(intervals)('returns rows for every panel and the annotations, by %s', async (interval) => {
    const outlets = (await run(interpolate(variable('outlet').query, { actor: 'china', outlets: [], interval }))).map((o) => String(o.__value));
    const vars = { actor: variable('actor').current.value as string, outlets, interval };
    expect(vars.actor).toBe('china');
    for (const p of dashboard.panels) {
      for (const t of p.targets) {
        const rows = await run(interpolate(t.rawSql, vars));
        expect(rows.length, `${p.title} (${interval})`).toBeGreaterThan(0);
      }
    }
    const annotations = await run(interpolate(dashboard.annotations.list.find((a) => a.target)!.target!.rawSql, vars));
    expect(annotations.map((a) => a.tags)).toContain('polarity-flip,harbour-times');
    expect(Object.keys(annotations[0]!)).toEqual(['time', 'timeend', 'text', 'tags']);
  });

  it('stops returning rows for an outlet that is not selected (the variable filters)', async () => {
    const sql = dashboard.panels[0]!.targets[0]!.rawSql;
    const rows = await run(interpolate(sql, { actor: 'china', outlets: ['harbour-times'], interval: 'weekly' }));
    expect(new Set(rows.map((r) => r.metric))).toEqual(new Set(['The Harbour Times']));
  });
});
