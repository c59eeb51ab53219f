import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { startProgress } from '../../progress/index.js';
import { openDatabase, pollIntervals } from '../../store/index.js';
import { ingestFile, openRuntime, runCrawl, startAnalysisPool } from '../../pipeline/index.js';
import { syncCrawlSchedulers } from '../../queue/index.js';
import { cliContext, requireConfig } from '../context.js';
import { drainIfEmbedded, printJson } from '../output.js';
import { progressFlags } from '../options.js';

/** migrate, crawl, schedule, ingest: commands that run one step and exit. */
export function registerSimpleCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply database migrations (PostgreSQL at DATABASE_URL, else the embedded PGlite)')
    .action(async () => {
      const { env } = cliContext(program.opts<{ config?: string }>().config);
      const db = await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
      try {
        await db.migrate();
        process.stdout.write(`migrated ${db.kind} database at ${db.location}\n`);
      } finally {
        await db.close();
      }
    });

  program
    .command('crawl')
    .description('crawl outlets once now; analysis follows (in-process, or through BullMQ when REDIS_URL is set)')
    .option('--outlet <id>', 'only this outlet')
    .action(async (opts: { outlet?: string }) => {
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      const config = await requireConfig(ctx);
      const outlets = opts.outlet ? config.outlets.filter((o) => o.id === opts.outlet) : config.outlets;
      if (opts.outlet && outlets.length === 0) throw new Error(`unknown outlet "${opts.outlet}"`);
      const rt = await openRuntime(ctx.env, config, ctx.log);
      try {
        const results = [];
        for (const o of outlets) {
          const jobId = `manual-${o.id}-${Date.now()}`;
          results.push({ outlet: o.id, ...(await runCrawl(rt.deps, { outletId: o.id, trigger: 'manual' }, { jobId, attempt: 1 })) });
        }
        const stats = await drainIfEmbedded(rt);
        printJson({ crawls: results, ...(stats ? { jobs: stats } : {}) });
      } finally {
        await rt.close();
      }
    });

  program
    .command('schedule')
    .description('install or refresh one BullMQ job scheduler per configured outlet (needs REDIS_URL)')
    .action(async () => {
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      const config = await requireConfig(ctx);
      if (!ctx.env.redisUrl) throw new Error('schedule needs Redis: set REDIS_URL');
      const rt = await openRuntime(ctx.env, config, ctx.log);
      try {
        printJson(await syncCrawlSchedulers(rt.bull!.queues.crawl, config.outlets, await pollIntervals(rt.deps.db)));
      } finally {
        await rt.close();
      }
    });

  program
    .command('ingest')
    .description('feed a JSONL archive ({outlet, url, title, published_at, text, author?} per line) into the pipeline')
    .argument('<file>', 'JSONL file, or - for standard input')
    .action(async (file: string) => {
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      const config = await requireConfig(ctx);
      const flags = progressFlags(program);
      const rt = await openRuntime(ctx.env, config, ctx.log);
      // Embedded: batches are analysed on analysis threads (one a core) while the next ones are
      // stored. With Redis: stored in batches and queued in bulk for the analyze workers.
      const thread = rt.runner ? await startAnalysisPool(config.actors, availableParallelism()) : undefined;
      try {
        const size = file === '-' ? undefined : (await stat(file)).size;
        const reading = startProgress({ label: 'ingest', unit: 'bytes', ...(size !== undefined ? { total: size } : {}), ...flags });
        let result;
        try {
          result = await ingestFile(rt.deps, file, {
            onProgress: (bytes) => reading.update(Math.min(bytes, size ?? bytes)),
            ...(thread ? { analyzeText: (t: string) => thread.analyze(t) } : {}),
          });
        } finally {
          reading.stop();
        }
        const stats = await drainIfEmbedded(rt, flags);
        printJson({ ...result, ...(stats ? { jobs: stats } : {}) });
        if (result.rejected.length > 0) process.exitCode = 1;
      } finally {
        await thread?.close();
        await rt.close();
      }
    });
}
