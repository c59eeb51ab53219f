import { cliContext, runWorkers } from '../src/cli/index.js';
import { ConfigError, describeError } from '../src/errors.js';

// The analyze worker process: `docker compose up --scale analyze=N` runs N of these.
try {
  await runWorkers(cliContext(undefined), ['analyze']);
} catch (err) {
  process.stderr.write(`stancewatch analyze worker: ${err instanceof ConfigError ? err.message : describeError(err)}\n`);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
}
