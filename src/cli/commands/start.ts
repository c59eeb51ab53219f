import type { Command } from 'commander';
import { loadConfigFile } from '../../config/index.js';
import { cliContext } from '../context.js';
import { parsePort } from './web.js';
import { runDemo } from '../run-demo.js';
import { runForever, runOnce } from '../run-pipeline.js';

/** `start` (what `npm start` runs) and `demo`. */
export function registerStartCommands(program: Command): void {
  program
    .command('start')
    .description('with a config: run the whole pipeline until stopped (or once with --once); without one: the offline demo')
    .option('--once', 'crawl every outlet once, analyse, and exit')
    .option('--web', 'demo only: then serve the dashboard on its database until Ctrl-C')
    .option('--port <port>', 'dashboard port with --web; default $PORT or 3000')
    .action(async (opts: { once?: boolean; web?: boolean; port?: string }) => {
      const configFlag = program.opts<{ config?: string }>().config;
      const probe = cliContext(configFlag, 'warn');
      if (probe.configPath === undefined) {
        return runDemo(probe, opts.web ? { web: opts.port !== undefined ? { port: parsePort(opts.port) } : {} } : {});
      }
      if (opts.web) throw new Error('--web serves the demo; with a config, run `stancewatch web` beside the pipeline (PostgreSQL)');
      const ctx = cliContext(configFlag, 'info');
      const config = await loadConfigFile(ctx.configPath!);
      return opts.once ? runOnce(ctx, config) : runForever(ctx, config);
    });

  program
    .command('demo')
    .description('crawl the bundled offline news world, analyse it and print the weekly trends')
    .action(async () => runDemo(cliContext(undefined, 'warn')));
}
