import type { Command } from 'commander';
import { openRuntime, reanalyze, type Runtime } from '../../pipeline/index.js';
import type { RunnerStats } from '../../queue/index.js';
import { cliContext, configOrDemo } from '../context.js';
import { startProgress, type Progress } from '../../progress/index.js';
import { printJson, withRunnerProgress } from '../output.js';
import { progressFlags, sinceDay } from '../options.js';

interface ReanalyzeFlags {
  since?: string;
  outlet?: string[];
  all?: boolean;
  json?: boolean;
}

function summary(queued: number, version: string, rt: Runtime, stats: RunnerStats | undefined): string {
  const head = `${queued} articles queued for analysis with ${version}`;
  if (!stats) return `${head} (BullMQ: the analyze workers run them)\n`;
  const failed = stats.failed.filter((f) => f.queue === 'analyze');
  const lines = [`${head}; ${stats.completed.analyze} analyzed in this process, ${failed.length} failed (${rt.deps.config.actors.length} actors)`];
  for (const f of failed) lines.push(`  failed ${f.jobId}: ${f.reason}`);
  return `${lines.join('\n')}\n`;
}

/** `reanalyze`: backfill analyses after an analyzer change, through the pipeline's dispatcher. */
export function registerReanalyzeCommand(program: Command): void {
  program
    .command('reanalyze')
    .description(
      'analyse stored articles again: those whose analysis is not of the current analyzer version (every one with --all); in-process, or through BullMQ when REDIS_URL is set',
    )
    .option('--since <date>', 'only articles published on or after this day (YYYY-MM-DD)')
    .option('--outlet <id...>', 'only these outlets')
    .option('--all', 'every article, whatever version analysed it')
    .option('--json', 'print the counts as JSON')
    .action(async (o: ReanalyzeFlags) => {
      const since = sinceDay(o.since);
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      // Without a config, the demo's actors and outlets (what `npm start` stored).
      const config = await configOrDemo(ctx);
      const unknown = (o.outlet ?? []).filter((id) => !config.outlets.some((out) => out.id === id));
      if (unknown.length > 0) throw new Error(`unknown outlet "${unknown.join('", "')}": not in the config`);
      const rt = await openRuntime(ctx.env, config, ctx.log);
      const flags = progressFlags(program);
      // In-process the bar counts analyses; through BullMQ it counts jobs handed to the workers.
      let progress: Progress | undefined;
      try {
        const runner = rt.runner;
        const options = {
          ...(since ? { since } : {}),
          ...(o.outlet ? { outletIds: o.outlet } : {}),
          ...(o.all ? { all: true } : {}),
          onTotal: (total: number) => {
            progress = startProgress({ label: runner ? 'reanalyze' : 'reanalyze (queueing for the workers)', unit: 'articles', total, ...flags });
          },
          ...(runner ? { afterPage: async () => void (await runner.drain()) } : {}),
        };
        // The total counted up front stays; the runner only says how many are done.
        const done: Progress = { update: (v) => progress?.update(v), tick: () => {}, stop: () => {} };
        const result = runner
          ? await withRunnerProgress(runner, done, () => reanalyze(rt.deps, options), runner.counts('analyze'))
          : await reanalyze(rt.deps, options);
        if (!runner) progress?.update(result.queued);
        const stats = runner ? await runner.drain() : undefined;
        if (o.json) printJson({ ...result, mode: rt.mode, ...(stats ? { jobs: stats } : {}) });
        else process.stdout.write(summary(result.queued, result.analyzerVersion, rt, stats));
        if (stats && stats.failed.length > 0) process.exitCode = 1;
      } finally {
        progress?.stop();
        await rt.close();
      }
    });
}
