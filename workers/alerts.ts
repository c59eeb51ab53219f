import { cliContext, runWorkers } from '../src/cli/index.js';
import { ConfigError, describeError } from '../src/errors.js';

// The alerts worker process: `docker compose up --scale alerts=N` runs N of these.
try {
  await runWorkers(cliContext(undefined), ['alerts']);
} catch (err) {
  process.stderr.write(`stancewatch alerts worker: ${err instanceof ConfigError ? err.message : describeError(err)}\n`);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
}
