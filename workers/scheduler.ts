import { cliContext, runScheduler } from '../src/cli/index.js';
import { ConfigError, describeError } from '../src/errors.js';

// Keeps one BullMQ job scheduler per configured outlet; one such process is enough.
try {
  await runScheduler(cliContext(undefined));
} catch (err) {
  process.stderr.write(`stancewatch scheduler: ${err instanceof ConfigError ? err.message : describeError(err)}\n`);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
}
