import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../errors.js';

function hasProtocol(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol.replace(/:$/, ''));
  } catch {
    return false;
  }
}

const urlWithProtocol = (protocols: string[]) =>
  z.string().refine((u) => hasProtocol(u, protocols), {
    message: `must be a URL starting with ${protocols.map((p) => `${p}://`).join(' or ')}`,
  });

export const envSchema = z.object({
  DATABASE_URL: urlWithProtocol(['postgres', 'postgresql']).optional(),
  REDIS_URL: urlWithProtocol(['redis', 'rediss']).optional(),
  SMTP_URL: urlWithProtocol(['smtp', 'smtps']).optional(),
  SMTP_FROM: z
    .string()
    .refine((v) => v.includes('@') && !/[\r\n]/.test(v), 'must be an address like "Alerts <alerts@example.org>"')
    .optional(),
  STANCEWATCH_DATA_DIR: z.string().min(1).default('.stancewatch'),
  STANCEWATCH_CONFIG: z.string().min(1).optional(),
  STANCEWATCH_QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('stancewatch'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  /**
   * How long a job's lock lasts without renewal and how often workers look for stalled jobs
   * (default 30): a crashed worker's jobs are retried after one to two of these.
   */
  STANCEWATCH_STALL_CHECK_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
  /** Dashboard readers: basic auth (user and password) and/or a bearer token. */
  STANCEWATCH_WEB_USER: z.string().min(1).optional(),
  STANCEWATCH_WEB_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  STANCEWATCH_WEB_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Dashboard admins (retry and clean jobs on the queue board): basic auth and/or a bearer token. */
  STANCEWATCH_WEB_ADMIN_USER: z.string().min(1).default('admin'),
  STANCEWATCH_WEB_ADMIN_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  STANCEWATCH_WEB_ADMIN_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
  /** Seconds between two reconciler passes of the scheduler (default 300). */
  STANCEWATCH_RECONCILE_INTERVAL: z.coerce.number().int().min(1).max(86_400).default(300),
});

/** A dashboard credential: HTTP basic or a bearer token. */
export type WebCredentialEnv = { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string };

/** Validated process settings. Only this module reads environment variables. */
export interface Env {
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  /** From address of alert e-mail; unset means stancewatch's default. */
  smtpFrom: string | undefined;
  dataDir: string;
  configPath: string | undefined;
  queuePrefix: string;
  /** Unset means each command's own default (info for workers, warn for the demo). */
  logLevel: string | undefined;
  port: number | undefined;
  /** Milliseconds between two reconciler passes of the scheduler. */
  reconcileIntervalMs: number;
  /** BullMQ lock duration and stalled-check interval of this process's workers. */
  stallCheckMs: number;
  /** Dashboard credentials from STANCEWATCH_WEB_*; both lists empty when none is set. */
  webAuth: { readers: WebCredentialEnv[]; admins: WebCredentialEnv[] };
}

/** Parses the environment; every problem is listed in one ConfigError. */
export function loadEnv(env: Record<string, string | undefined>): Env {
  // An empty variable is how compose files and shells say "unset".
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      'environment',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  }
  const e = parsed.data;
  if ((e.STANCEWATCH_WEB_USER === undefined) !== (e.STANCEWATCH_WEB_PASSWORD === undefined)) {
    throw new ConfigError('environment', ['STANCEWATCH_WEB_USER and STANCEWATCH_WEB_PASSWORD: set both or neither']);
  }
  const readers: WebCredentialEnv[] = [];
  const admins: WebCredentialEnv[] = [];
  if (e.STANCEWATCH_WEB_USER !== undefined && e.STANCEWATCH_WEB_PASSWORD !== undefined) {
    readers.push({ kind: 'basic', user: e.STANCEWATCH_WEB_USER, password: e.STANCEWATCH_WEB_PASSWORD });
  }
  if (e.STANCEWATCH_WEB_TOKEN !== undefined) readers.push({ kind: 'bearer', token: e.STANCEWATCH_WEB_TOKEN });
  if (e.STANCEWATCH_WEB_ADMIN_PASSWORD !== undefined) {
    admins.push({ kind: 'basic', user: e.STANCEWATCH_WEB_ADMIN_USER, password: e.STANCEWATCH_WEB_ADMIN_PASSWORD });
  }
  if (e.STANCEWATCH_WEB_ADMIN_TOKEN !== undefined) admins.push({ kind: 'bearer', token: e.STANCEWATCH_WEB_ADMIN_TOKEN });
  return {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    dataDir: path.resolve(e.STANCEWATCH_DATA_DIR),
    configPath: e.STANCEWATCH_CONFIG,
    queuePrefix: e.STANCEWATCH_QUEUE_PREFIX,
    logLevel: e.LOG_LEVEL,
    port: e.PORT,
    reconcileIntervalMs: e.STANCEWATCH_RECONCILE_INTERVAL * 1_000,
    stallCheckMs: e.STANCEWATCH_STALL_CHECK_SECONDS * 1_000,
    webAuth: { readers, admins },
  };
}
