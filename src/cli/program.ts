import { Command } from 'commander';
import { registerActorsCommands } from './commands/actors.js';
import { registerAlertsCommands } from './commands/alerts.js';
import { registerAnalystCommands } from './commands/analyst.js';
import { registerAnalyzeCommand } from './commands/analyze-text.js';
import { registerOperateCommands } from './commands/operate.js';
import { registerInitCommand } from './commands/init.js';
import { registerOutletsCommands } from './commands/outlets.js';
import { registerPruneCommand } from './commands/prune.js';
import { registerReadCommands } from './commands/read-views.js';
import { registerReanalyzeCommand } from './commands/reanalyze.js';
import { registerSimpleCommands } from './commands/simple.js';
import { registerSqlCommand } from './commands/sql.js';
import { registerStartCommands } from './commands/start.js';
import { registerWebCommand } from './commands/web.js';
import { registerWorkerCommand } from './commands/workers.js';

/** The `stancewatch` command line. */
export function buildProgram(): Command {
  const program = new Command('stancewatch')
    .description('Actor-level stance monitoring of news outlets: crawl, analyse, store, alert.')
    .option('-c, --config <file>', 'config file (YAML); default: $STANCEWATCH_CONFIG')
    .option('-q, --quiet', 'no progress on stderr for long commands (the summary on stdout is unchanged)')
    .option('--progress-every <seconds>', 'without a terminal, a progress line this often (default 5)')
    .showHelpAfterError();
  registerStartCommands(program);
  registerInitCommand(program);
  registerSimpleCommands(program);
  registerWorkerCommand(program);
  registerAnalyzeCommand(program);
  registerReadCommands(program);
  registerSqlCommand(program);
  registerAlertsCommands(program);
  registerAnalystCommands(program);
  registerWebCommand(program);
  registerActorsCommands(program);
  registerReanalyzeCommand(program);
  registerOutletsCommands(program);
  registerOperateCommands(program);
  registerPruneCommand(program);
  return program;
}
