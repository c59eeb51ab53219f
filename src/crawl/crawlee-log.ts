import { Log, Logger, LogLevel } from 'crawlee';
import type { Logger as PinoLogger } from '../log.js';

/**
 * Forwards a crawler's own log lines to our pino logger at debug level. At WARNING and above the
 * crawler only reports retries and failed requests, which the crawl already reports once through
 * its failure hook and log line, or errors that also reject `crawler.run()`; keeping them at debug
 * avoids logging each failure twice while leaving them one level switch away.
 */
class PinoBridge extends Logger {
  constructor(private readonly target: PinoLogger) {
    super({});
  }

  override _log(
    level: LogLevel,
    message: string,
    data?: Record<string, unknown>,
    exception?: unknown,
    opts?: { prefix?: string | null },
  ): void {
    const fields: Record<string, unknown> = { crawlee: LogLevel[level], ...data };
    if (opts?.prefix) fields.source = opts.prefix;
    if (exception !== undefined) fields.err = exception;
    this.target.debug(fields, message);
  }
}

/** A Crawlee `Log` for one crawler, writing WARNING and above through `target`. */
export function crawleeLogFor(target: PinoLogger): Log {
  return new Log({
    level: LogLevel.WARNING,
    prefix: 'CheerioCrawler',
    logger: new PinoBridge(target),
  });
}
