import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The root logger. Level from the caller (workers pass config.logLevel); JSON lines on stderr so
 * that stdout stays free for command output (trend tables, JSON).
 */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { app: 'stancewatch' } }, pino.destination(2));
}

/** A logger that drops everything: for tests and library callers that do not want logs. */
export const silentLogger: Logger = pino({ level: 'silent' });
