import { cliContext, runWorkers } from '../src/cli/index.js';
import { ConfigError, describeError } from '../src/errors.js';

// The crawl worker process: `docker compose up --scale crawl=N` runs N of these.
try {
  await runWorkers(cliContext(undefined), ['crawl']);
} catch (err) {
  process.stderr.write(`stancewatch crawl worker: ${err instanceof ConfigError ? err.message : describeError(err)}\n`);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
}
