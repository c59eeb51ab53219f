import path from 'node:path';
import type { Env, StancewatchConfig } from '../config/index.js';
import type { Logger } from '../log.js';
import { ANALYZER_VERSION } from '../nlp/index.js';
import {
  InProcessRunner,
  createBullQueues,
  createRedis,
  pingRedis,
  type BullQueues,
  type JobDispatcher,
} from '../queue/index.js';
import { openDatabase, pingDatabase, syncConfig, type DatabaseHandle } from '../store/index.js';
import type { PipelineDeps } from './deps.js';
import { buildProcessors } from './processors.js';

type RedisClient = ReturnType<typeof createRedis>;

/** Everything a process needs, built once: the database, the dispatcher and the pipeline deps. */
export interface Runtime {
  deps: PipelineDeps;
  database: DatabaseHandle;
  /** `servers` when jobs go through BullMQ (REDIS_URL), `embedded` when run in this process. */
  mode: 'servers' | 'embedded';
  runner: InProcessRunner | undefined;
  bull: (BullQueues & { redis: RedisClient }) | undefined;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Run jobs in this process even when REDIS_URL is set (`start --once`, `crawl`). */
  inProcess?: boolean;
  crawl?: PipelineDeps['crawl'];
}

/**
 * Opens the database (PostgreSQL or PGlite), migrates it, records the configured outlets and
 * actors, and picks the dispatcher: BullMQ when REDIS_URL is set, else the in-process runner.
 * Fails fast, before any work, when a service does not answer.
 */
export async function openRuntime(
  env: Env,
  config: StancewatchConfig,
  log: Logger,
  opts: RuntimeOptions = {},
): Promise<Runtime> {
  const database = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  try {
    await pingDatabase(database.db);
    await database.migrate();
    await syncConfig(database.db, config);
  } catch (err) {
    await database.close().catch(() => undefined);
    throw new Error(`database ${database.location}`, { cause: err });
  }
  let dispatcher: JobDispatcher;
  let runner: InProcessRunner | undefined;
  let bull: Runtime['bull'];
  if (env.redisUrl && !opts.inProcess) {
    const redis = createRedis(env.redisUrl, log);
    try {
      await pingRedis(redis, env.redisUrl);
    } catch (err) {
      redis.disconnect();
      await database.close();
      throw err;
    }
    bull = { ...createBullQueues({ connection: redis, prefix: env.queuePrefix, analyzerVersion: ANALYZER_VERSION, log }), redis };
    dispatcher = bull.dispatcher;
  } else {
    runner = new InProcessRunner({ analyzerVersion: ANALYZER_VERSION, log });
    dispatcher = runner;
  }
  const deps: PipelineDeps = {
    db: database.db,
    dispatcher,
    config,
    log,
    // Without SMTP_URL alerts are written as .eml files, so nothing is lost and they can be read.
    mail: { smtpUrl: env.smtpUrl, from: env.smtpFrom, outboxDir: path.join(env.dataDir, 'outbox') },
    ...(opts.crawl ? { crawl: opts.crawl } : {}),
  };
  runner?.setProcessors(buildProcessors(deps));
  return {
    deps,
    database,
    mode: bull ? 'servers' : 'embedded',
    runner,
    bull,
    async close() {
      if (bull) {
        await bull.close();
        await bull.redis.quit().catch(() => undefined);
      }
      await database.close();
    },
  };
}
