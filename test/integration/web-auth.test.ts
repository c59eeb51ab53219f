import { Worker, UnrecoverableError } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { QUEUE } from '../../src/queue/index.js';
import { startWebServer, type WebAuth, type WebServer } from '../../src/web/index.js';
import { runCli } from '../helpers/cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/db.js';
import { useBullQueues } from '../helpers/redis.js';

const shared = useBullQueues();
const AUTH: WebAuth = {
  readers: [{ kind: 'basic', user: 'reader', password: 'reader-secret-1' }],
  admins: [{ kind: 'bearer', token: 'admin-token-0123456789abcdef' }],
};
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const READER = { authorization: basic('reader', 'reader-secret-1') };
const ADMIN = { authorization: 'Bearer admin-token-0123456789abcdef' };

describe('stancewatch web beyond loopback', () => {
  it('refuses to start without credentials, before opening anything, and says what to set', async () => {
    const r = await runCli(['web', '--host', '0.0.0.0', '--port', '0'], { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('STANCEWATCH_WEB_USER and STANCEWATCH_WEB_PASSWORD');
    expect(r.stderr).not.toMatch(/ECONNREFUSED|database/);
  });

  it('refuses half a basic credential', async () => {
    const r = await runCli(['web'], { PATH: process.env.PATH ?? '', STANCEWATCH_WEB_USER: 'reader' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('STANCEWATCH_WEB_USER and STANCEWATCH_WEB_PASSWORD: set both or neither');
  });

  it('will not listen on 0.0.0.0 without credentials even when started from code', async () => {
    await expect(startWebServer({ db: undefined as never, log: silentLogger }, { port: 0, host: '0.0.0.0' })).rejects.toThrow(/has no credentials/);
  });
});

describe('dashboard with credentials (real PostgreSQL and Redis)', () => {
  let testDb: TestDatabase;
  let web: WebServer;
  let failedId: string;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    // A credential makes a public bind possible; it listens on all interfaces, reached via loopback.
    web = await startWebServer({ db: testDb.handle.db, log: silentLogger, auth: AUTH, queues: Object.values(shared.bull.queues) }, { port: 0, host: '0.0.0.0' });
    web = { ...web, url: web.url.replace('0.0.0.0', '127.0.0.1') };
    const job = await shared.bull.queues.analyze.add(QUEUE.analyze, { articleId: 'x' }, { jobId: 'web-auth-failed-1' });
    failedId = job.id!;
    const worker = new Worker(QUEUE.analyze, async () => { throw new UnrecoverableError('broken for the test'); }, { connection: shared.redis, prefix: shared.prefix });
    try {
      for (let i = 0; i < 100 && (await shared.bull.queues.analyze.getJobState(failedId)) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await worker.close();
    }
  });

  afterAll(async () => {
    await web?.close();
    await testDb?.drop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${web.url}${path}`, { headers });

  it('asks for credentials on every page, API and the board, but not on /healthz', async () => {
    for (const path of ['/', '/api/outlets', '/queues', '/queues/api/queues']) {
      const res = await get(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Basic realm="stancewatch"/);
    }
    expect((await get('/', { authorization: basic('reader', 'wrong-password') })).status).toBe(401);
    expect((await get('/healthz')).status).toBe(200);
  });

  it('serves a reader with security headers', async () => {
    const res = await get('/', READER);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const board = await get('/queues', READER);
    expect(board.status).toBe(200);
    expect(board.headers.get('x-frame-options')).toBe('DENY');
  });

  it('keeps the board read-only for a reader and lets the admin credential retry and clean', async () => {
    const retry = `/queues/api/queues/${QUEUE.analyze}/${failedId}/retry`;
    const asReader = await fetch(`${web.url}${retry}`, { method: 'PUT', headers: READER });
    expect(asReader.status).toBe(403);
    const list = await get(`/queues/api/queues?activeQueue=${QUEUE.analyze}&status=failed`, READER);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('broken for the test');
    expect(await shared.bull.queues.analyze.getJobState(failedId)).toBe('failed');

    const asAdmin = await fetch(`${web.url}${retry}`, { method: 'PUT', headers: ADMIN });
    expect(asAdmin.status).toBeLessThan(300);
    expect(await shared.bull.queues.analyze.getJobState(failedId)).toBe('waiting');
    const clean = await fetch(`${web.url}/queues/api/queues/${QUEUE.analyze}/clean/waiting`, { method: 'PUT', headers: ADMIN });
    expect(clean.status).toBeLessThan(300);
  });

  it('sends no stack trace to the browser when a request fails', async () => {
    const res = await get('/article/not-a-uuid', READER);
    const body = await res.text();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(body).not.toMatch(/\bat \S+ \(|Error:|node_modules/);
  });
});
