import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * PostgreSQL and Redis servers of a test's own, on free loopback ports, that the test may stop,
 * kill and restart: the machine's shared servers are never touched.
 */

const run = promisify(execFile);

/** A port nothing listens on now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

/** Why own servers cannot run here, or undefined when they can. */
export function ownServersUnavailable(): string | undefined {
  if (!pgBin()) return 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (initdb, pg_ctl)';
  if (!process.env.PATH?.split(':').some((d) => existsSync(path.join(d, 'redis-server')))) return 'no redis-server on PATH';
  return undefined;
}

// initdb and postgres refuse to run as root: they run as the `postgres` user then.
async function asPgUser(cmd: string, args: string[]): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  await run(isRoot ? 'runuser' : cmd, isRoot ? ['-u', 'postgres', '--', cmd, ...args] : args, { timeout: 120_000 });
}

async function pgUid(): Promise<{ uid: number; gid: number } | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const [{ stdout: uid }, { stdout: gid }] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
}

export interface OwnPostgres {
  url: string;
  port: number;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when it resolves. */
  restartFast(): Promise<void>;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops the server and deletes its data. */
  destroy(): Promise<void>;
}

/** A fresh PostgreSQL cluster (initdb) on a free loopback port, trust auth, user postgres. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = pgBin();
  if (!bin) throw new Error(ownServersUnavailable());
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-own-pg-'));
  const owner = await pgUid();
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const port = await freePort();
  await asPgUser(path.join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C']);
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  const ctl = (...args: string[]) => asPgUser(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'log'), '-w', '-t', '60', ...args]);
  await ctl('-o', opts, 'start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    restartFast: () => ctl('-m', 'fast', 'restart'),
    stop: (mode = 'fast') => ctl('-m', mode, 'stop'),
    start: () => ctl('-o', opts, 'start'),
    async destroy() {
      await ctl('-m', 'immediate', 'stop').catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface OwnRedis {
  url: string;
  port: number;
  /** SHUTDOWN (the append-only file is kept), as an operator's restart does. */
  shutdown(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/** A Redis with append-only persistence in a folder of its own, on a free loopback port. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-own-redis-'));
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--protected-mode', 'yes'],
      { stdio: 'ignore' },
    );
    child = proc;
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await run('redis-cli', ['-p', String(port), 'ping'], { timeout: 2_000 });
        return;
      } catch (err) {
        if (proc.exitCode !== null || Date.now() > deadline) throw new Error(`redis-server on port ${port} did not start`, { cause: err });
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const shutdown = async () => {
    const proc = child;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise<void>((r) => proc.once('exit', () => r()));
    await run('redis-cli', ['-p', String(port), 'shutdown']).catch(() => undefined);
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    shutdown,
    start,
    async destroy() {
      await shutdown().catch(() => child?.kill('SIGKILL'));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
