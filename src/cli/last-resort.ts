import { describeError, isServiceOutage } from '../errors.js';
import type { Logger } from '../log.js';
import { outage } from '../outage.js';

let installed = false;

/**
 * The last resort of a long-running process (worker, scheduler, `start`). A rejection nobody
 * handled is logged and the process keeps running: each job already settles on its own, so it
 * cannot have left one hanging. An exception that escaped every handler is different: whatever
 * it interrupted is in an unknown state, so unless it only says a server went away, it is logged
 * and the process exits with status 70 (EX_SOFTWARE) for its supervisor to restart it; its jobs
 * stall and are retried elsewhere.
 */
export function installLastResortHandlers(log: Logger): void {
  if (installed) return;
  installed = true;
  process.on('unhandledRejection', (reason) => {
    if (isServiceOutage(reason)) outage('database', log).failed(reason);
    else log.error({ err: describeError(reason) }, 'unhandled rejection (process keeps running)');
  });
  process.on('uncaughtException', (err, origin) => {
    if (isServiceOutage(err)) {
      outage('database', log).failed(err);
      return;
    }
    log.fatal({ err: describeError(err), stack: err instanceof Error ? err.stack : undefined, origin }, 'uncaught exception: exiting for the supervisor to restart');
    process.exitCode = 70;
    // pino writes synchronously to stderr (pino.destination(2)), so the line is out already.
    process.exit(70);
  });
}
