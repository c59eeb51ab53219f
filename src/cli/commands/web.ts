import type { Command } from 'commander';
import type { Env } from '../../config/index.js';
import type { Logger } from '../../log.js';
import { createBullQueues, createRedis, pingRedis, type Queue } from '../../queue/index.js';
import { openDatabase, type Db } from '../../store/index.js';
import { requireCredentialsOffLoopback, startWebServer, type WebServer } from '../../web/index.js';
import { ConfigError } from '../../errors.js';
import { cliContext } from '../context.js';
import { waitForSignal } from '../wait-for-signal.js';

/** The dashboard's port when neither --port nor PORT is given. */
export const DEFAULT_WEB_PORT = 3000;

export function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`--port must be 0..65535 (got "${value}")`);
  return n;
}

/**
 * Serves the dashboard on `db` until SIGINT/SIGTERM. With REDIS_URL, BullMQ's queues are shown at
 * /queues (the analyzer version is irrelevant here: the board only reads the queues).
 */
export async function serveDashboard(
  env: Env,
  db: Db,
  log: Logger,
  opts: { port: number; host: string },
  announce: (server: WebServer) => void,
): Promise<void> {
  let queues: { list: Queue[]; close(): Promise<void> } | undefined;
  if (env.redisUrl) {
    const redis = createRedis(env.redisUrl, log);
    await pingRedis(redis, env.redisUrl);
    const bull = createBullQueues({ connection: redis, prefix: env.queuePrefix, analyzerVersion: 'dashboard', log });
    queues = { list: Object.values(bull.queues), close: async () => { await bull.close(); await redis.quit(); } };
  }
  const server = await startWebServer({ db, log, auth: env.webAuth, ...(queues ? { queues: queues.list } : {}) }, opts);
  announce(server);
  await waitForSignal();
  await server.close();
  await queues?.close();
}

/** `web`: the dashboard over the database in use. */
export function registerWebCommand(program: Command): void {
  program
    .command('web')
    .description('serve the dashboard (trends, frames, sources, evidence; queues at /queues with REDIS_URL)')
    .option('--port <port>', `port to listen on; default $PORT or ${DEFAULT_WEB_PORT}`)
    .option('--host <host>', 'address to listen on; beyond loopback it needs STANCEWATCH_WEB_USER/PASSWORD or STANCEWATCH_WEB_TOKEN', '127.0.0.1')
    .action(async (opts: { port?: string; host: string }) => {
      const ctx = cliContext(program.opts<{ config?: string }>().config, 'warn');
      const port = opts.port !== undefined ? parsePort(opts.port) : (ctx.env.port ?? DEFAULT_WEB_PORT);
      // Before anything is opened: a public bind without credentials is a configuration error.
      try {
        requireCredentialsOffLoopback(opts.host, ctx.env.webAuth);
      } catch (err) {
        throw new ConfigError('dashboard', [(err as Error).message]);
      }
      const handle = await openDatabase({ databaseUrl: ctx.env.databaseUrl, dataDir: ctx.env.dataDir });
      try {
        await handle.migrate();
        await serveDashboard(ctx.env, handle.db, ctx.log, { port, host: opts.host }, (s) =>
          process.stdout.write(`stancewatch dashboard: ${s.url}/ (data: ${handle.kind} at ${handle.location}; Ctrl-C to stop)\n`),
        );
      } finally {
        await handle.close();
      }
    });
}
