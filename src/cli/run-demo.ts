import { formatTrendMatrix } from '../analytics/index.js';
import { startDemoServer } from '../demo/index.js';
import { alertOutboxFile, deliverPendingAlerts, openRuntime, type Runtime } from '../pipeline/index.js';
import { listAlerts, stanceTrend } from '../store/index.js';
import { DEFAULT_WEB_PORT, serveDashboard } from './commands/web.js';
import type { CliContext } from './context.js';

const out = (s = '') => process.stdout.write(`${s}\n`);

/**
 * The offline demo: serves the bundled news world from loopback, crawls it through the whole
 * pipeline into the embedded (or configured) database, prints the weekly trends and the framing
 * changes found, and says where the data is. Articles are keyed by canonical URL, so a second run
 * stores nothing twice.
 */
export async function runDemo(ctx: CliContext, opts: { web?: { port?: number } } = {}): Promise<void> {
  const server = await startDemoServer();
  let rt: Runtime | undefined;
  try {
    const config = server.config();
    // The demo's pages are small and ours: extracting them on the event loop saves the extraction
    // thread's memory (issue 18: npm start under 600 MB peak RSS).
    rt = await openRuntime(ctx.env, config, ctx.log, { inProcess: true, crawl: { maxConcurrency: 8, extractOnThread: false } });
    for (const o of config.outlets) await rt.runner!.enqueueCrawl({ outletId: o.id, trigger: 'demo' });
    const stats = await rt.runner!.drain();
    const outboxDir = rt.deps.mail!.outboxDir!;
    const delivery = await deliverPendingAlerts(rt.deps, { smtpUrl: ctx.env.smtpUrl, from: ctx.env.smtpFrom, outboxDir });
    out(`stancewatch demo: ${config.outlets.length} outlets crawled from ${server.baseUrl}`);
    out(`jobs: ${stats.completed.crawl} crawls, ${stats.completed.analyze} analyses, ${stats.completed.alerts} alert checks, ${stats.failed.length} failed`);
    for (const f of stats.failed) out(`  failed ${f.queue} ${f.jobId}: ${f.reason}`);
    out('\nMean stance per actor and outlet, by week (articles in brackets):\n');
    out(formatTrendMatrix(await stanceTrend(rt.deps.db, { interval: 'week' })));
    const alerts = await listAlerts(rt.deps.db);
    out(`\nFraming changes detected: ${alerts.length}`);
    for (const a of alerts) {
      out(`  ${a.outletId} / ${a.actorId}: ${a.kind} from ${a.changeAt.toISOString().slice(0, 10)}, mean ${a.before.mean.toFixed(2)} (${a.before.articles} articles) -> ${a.after.mean.toFixed(2)} (${a.after.articles} articles)`);
      // Read from the row: a second demo run sends nothing new but still says where the e-mail is.
      if (a.sentVia === 'outbox') out(`    e-mail: ${alertOutboxFile(outboxDir, a.id)}`);
      else if (a.sentVia === 'smtp') out('    e-mail sent via SMTP_URL');
    }
    for (const f of delivery.failed) out(`  alert e-mail failed: ${f.error}`);
    out(`\nData: ${rt.database.kind} at ${rt.database.location}`);
    out('Query it:');
    out('  npx stancewatch trends --actor china --outlet harbour-times');
    out('  npx stancewatch sql "SELECT * FROM v_stance_weekly WHERE actor_id = \'china\' ORDER BY period"');
    out('With PostgreSQL (DATABASE_URL set) the same views answer psql, Grafana or a notebook.');
    const port = opts.web?.port ?? ctx.env.port ?? DEFAULT_WEB_PORT;
    if (opts.web) {
      // The embedded PGlite serves one process: the dashboard runs here, on the demo's database.
      await serveDashboard(ctx.env, rt.deps.db, ctx.log, { port, host: '127.0.0.1' }, (s) =>
        out(`\nDashboard: ${s.url}/ (Ctrl-C to stop)`),
      );
    } else {
      out(`\nDashboard: npx stancewatch web, then open http://127.0.0.1:${port}/ (or run npm start -- --web)`);
    }
  } finally {
    await rt?.close();
    await server.close();
  }
}
