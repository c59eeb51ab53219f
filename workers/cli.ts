import { buildProgram } from '../src/cli/index.js';
import { ConfigError, describeError } from '../src/errors.js';

// Config and usage errors exit 2 before any work; anything else that escapes a command exits 1.
try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  process.stderr.write(`stancewatch: ${err instanceof ConfigError ? err.message : describeError(err)}\n`);
  process.exitCode = err instanceof ConfigError ? 2 : 1;
}
