import type { Command } from 'commander';
import { openRuntime, reconcile, unanalysedBacklog, type Runtime } from '../../pipeline/index.js';
import { QUEUE, queueStatus, retryFailedJobs, type QueueName, type QueueStatus } from '../../queue/index.js';
import { cliContext, configOrDemo, type CliContext } from '../context.js';
import { printJson } from '../output.js';

const QUEUE_NAMES = Object.values(QUEUE) as QueueName[];

async function withRuntime<T>(program: Command, fn: (rt: Runtime, ctx: CliContext) => Promise<T>): Promise<T> {
  const ctx = cliContext(program.opts<{ config?: string }>().config, 'warn');
  const rt = await openRuntime(ctx.env, await configOrDemo(ctx), ctx.log);
  try {
    return await fn(rt, ctx);
  } finally {
    await rt.close();
  }
}

function queuesOf(option: string | undefined): QueueName[] {
  if (option === undefined) return QUEUE_NAMES;
  if (!(QUEUE_NAMES as string[]).includes(option)) throw new Error(`--queue must be one of ${QUEUE_NAMES.join(', ')} (got "${option}")`);
  return [option as QueueName];
}

function formatStatus(queues: QueueStatus[], backlog: number, mode: string): string {
  const lines: string[] = [];
  if (queues.length === 0) lines.push(`queues: none (${mode} mode: jobs run inside the command that makes them)`);
  for (const q of queues) {
    lines.push(`${q.queue.padEnd(8)} waiting ${q.waiting}  active ${q.active}  delayed ${q.delayed}  failed ${q.failed}`);
    for (const r of q.topReasons) lines.push(`           ${String(r.jobs).padStart(6)} × ${r.reason}`);
  }
  lines.push(`unanalysed backlog: ${backlog} stored articles without an analysis of the current analyzer version`);
  return `${lines.join('\n')}\n`;
}

/** status, reconcile, jobs retry: what an operator runs when something looks stuck or lost. */
export function registerOperateCommands(program: Command): void {
  program
    .command('status')
    .description('per queue: waiting, active, delayed, failed (with the top reasons); and the unanalysed backlog')
    .option('--json', 'print as JSON')
    .action(async (o: { json?: boolean }) => {
      await withRuntime(program, async (rt) => {
        const queues = rt.bull ? await Promise.all(QUEUE_NAMES.map((n) => queueStatus(n, rt.bull!.queues[n]))) : [];
        const backlog = await unanalysedBacklog(rt.deps);
        if (o.json) printJson({ mode: rt.mode, queues, unanalysedBacklog: backlog });
        else process.stdout.write(formatStatus(queues, backlog, rt.mode));
      });
    });

  program
    .command('reconcile')
    .description('enqueue stored articles that have no analysis of the current analyzer version and no queued job (the scheduler also runs this every few minutes)')
    .option('--json', 'print the counts as JSON')
    .action(async (o: { json?: boolean }) => {
      await withRuntime(program, async (rt) => {
        const runner = rt.runner;
        const result = await reconcile(rt.deps, runner ? { afterPage: async () => void (await runner.drain()) } : {});
        const stats = runner ? await runner.drain() : undefined;
        if (o.json) printJson({ ...result, mode: rt.mode, ...(stats ? { jobs: stats } : {}) });
        else {
          process.stdout.write(
            `${result.unanalysed} unanalysed articles: ${result.enqueued} enqueued, ${result.queued} already queued, ${result.failed} held by failed jobs${result.failed > 0 ? ' (stancewatch jobs retry --failed)' : ''}\n`,
          );
        }
        if (stats && stats.failed.length > 0) process.exitCode = 1;
      });
    });

  const jobs = program.command('jobs').description('inspect and re-drive BullMQ jobs (needs REDIS_URL)');
  jobs
    .command('retry')
    .description('move failed jobs back to waiting, with their attempts counted afresh')
    .requiredOption('--failed', 'the failed jobs (the only kind retried)')
    .option('--queue <name>', `only this queue: ${QUEUE_NAMES.join(', ')}`)
    .option('--json', 'print the counts as JSON')
    .action(async (o: { queue?: string; json?: boolean }) => {
      const names = queuesOf(o.queue);
      await withRuntime(program, async (rt) => {
        if (!rt.bull) throw new Error('jobs retry needs Redis: set REDIS_URL (embedded mode keeps no failed jobs)');
        const retried: Record<string, number> = {};
        for (const n of names) retried[n] = await retryFailedJobs(rt.bull.queues[n]);
        if (o.json) printJson({ retried });
        else process.stdout.write(`${names.map((n) => `${n}: ${retried[n]} failed jobs retried`).join('\n')}\n`);
      });
    });
}
