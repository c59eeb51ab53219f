export { buildProgram } from './program.js';
export { cliContext, requireConfig, type CliContext } from './context.js';
export { runWorkers, runScheduler } from './commands/workers.js';
