import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import {
  alertMessageId,
  composeEml,
  createMailer,
  renderAlertEmail,
  sampleAlertView,
  safeAddress,
  type AlertView,
  type MailerOptions,
} from '../../alerts/index.js';
import type { Env, StancewatchConfig } from '../../config/index.js';
import { alertViewOf, openRuntime, scanAlerts, sendDigests, type Runtime } from '../../pipeline/index.js';
import { getAlert, listAlerts, openDatabase, type AlertRow, type Db } from '../../store/index.js';
import { cliContext, requireConfig, type CliContext } from '../context.js';
import { printJson } from '../output.js';

/** SMTP when SMTP_URL is set, else .eml files in the data folder's outbox. */
export function mailSettings(env: Env): MailerOptions {
  return { smtpUrl: env.smtpUrl, from: env.smtpFrom, outboxDir: path.join(env.dataDir, 'outbox') };
}

function parseDate(name: string, value: string): Date {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new Error(`--${name} must be a date like 2026-09-01 (got "${value}")`);
  return d;
}

/** The `alerts list --format json` contract, read by evaluations outside the repo: keep its shape. */
function alertJson(a: AlertRow) {
  return {
    id: a.id,
    outlet: a.outletId,
    actor: a.actorId,
    kind: a.kind,
    changeAt: a.changeAt.toISOString(),
    detectedAt: a.detectedAt.toISOString(),
    before: a.before,
    after: a.after,
    articles: a.articles,
  };
}

function status(a: AlertRow): string {
  if (a.sentAt) return `sent ${a.sentVia ?? ''}`.trim();
  return a.sendingAt ? 'sending' : a.sendError ? 'failed, will retry' : 'pending';
}

function alertLine(a: AlertRow): string {
  const f = (x: number) => (x >= 0 ? `+${x.toFixed(2)}` : x.toFixed(2));
  const measure = typeof a.details.measure === 'string' ? a.details.measure : 'stance';
  const change = `${f(a.before.mean)} -> ${f(a.after.mean)}`;
  const day = a.detectedAt.toISOString().slice(0, 10);
  return [day, a.outletId, a.actorId, a.kind, measure, change, status(a), a.id].join('  ');
}

async function withDb<T>(ctx: CliContext, run: (db: Db) => Promise<T>): Promise<T> {
  const handle = await openDatabase({ databaseUrl: ctx.env.databaseUrl, dataDir: ctx.env.dataDir });
  try {
    await handle.migrate();
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

async function withRuntime<T>(
  ctx: CliContext,
  run: (rt: Runtime, config: StancewatchConfig) => Promise<T>,
): Promise<T> {
  const config = await requireConfig(ctx);
  const rt = await openRuntime(ctx.env, config, ctx.log, { inProcess: true });
  try {
    return await run(rt, config);
  } finally {
    await rt.close();
  }
}

/** The rule's latest stored alert, or a sample one when it has none yet. */
async function testView(db: Db, config: StancewatchConfig, ruleId: string, alertId?: string): Promise<AlertView> {
  const rule = config.alerts.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`unknown alert rule "${ruleId}"`);
  const row = alertId ? await getAlert(db, alertId) : (await listAlerts(db, { ruleIds: [rule.id] }))[0];
  if (alertId && !row) throw new Error(`no alert ${alertId}`);
  if (row) return alertViewOf(config, row);
  const outletId = rule.outlets === 'all' ? config.outlets[0]?.id : rule.outlets[0];
  const actorId = rule.actors === 'all' ? config.actors[0]?.id : rule.actors[0];
  if (!outletId || !actorId) throw new Error('the config needs an outlet and an actor for a sample alert');
  const names = {
    outlet: (id: string) => config.outlets.find((o) => o.id === id)?.name ?? id,
    actor: (id: string) => config.actors.find((a) => a.id === id)?.name ?? id,
  };
  return sampleAlertView(rule.id, outletId, actorId, names);
}

async function runTest(
  ctx: CliContext,
  ruleId: string,
  opts: { out?: string; to?: string; alert?: string },
): Promise<void> {
  const config = await requireConfig(ctx);
  const view = await withDb(ctx, (db) => testView(db, config, ruleId, opts.alert));
  // A test must not share the alert's Message-ID, or a client would drop the real one as a duplicate.
  const messageId = alertMessageId(`test-${view.id}-${Date.now()}`);
  const mail = { ...renderAlertEmail(view), messageId, to: [opts.to ?? 'test@example.org'] };
  if (opts.to) {
    if (!safeAddress(opts.to)) throw new Error(`--to must be one e-mail address (got "${opts.to}")`);
    if (!ctx.env.smtpUrl) throw new Error('sending a test needs SMTP_URL; or write it to a file with --out');
    const mailer = createMailer(mailSettings(ctx.env));
    try {
      const sent = await mailer.send(mail);
      process.stdout.write(`sent "${mail.subject}" to ${sent.accepted.join(', ')} via ${sent.location}\n`);
    } finally {
      mailer.close();
    }
    return;
  }
  const file = path.resolve(opts.out ?? `alert-test-${ruleId}.eml`);
  await writeFile(file, await composeEml(mail, ctx.env.smtpFrom));
  process.stdout.write(`wrote ${view.id === 'sample' ? 'a sample' : `alert ${view.id}`} as ${file}\n`);
}

type ContextOf = () => CliContext;

function registerList(alerts: Command, ctxOf: ContextOf): void {
  alerts
    .command('list')
    .description('stored alerts, newest first')
    .option('--format <format>', 'table | json', 'table')
    .option('--outlet <id>', 'only this outlet')
    .option('--actor <id>', 'only this actor')
    .option('--since <date>', 'only alerts detected since this date')
    .action(async (o: { format: string; outlet?: string; actor?: string; since?: string }) => {
      if (o.format !== 'table' && o.format !== 'json') {
        throw new Error(`--format must be table or json (got "${o.format}")`);
      }
      const filter = {
        ...(o.outlet ? { outletId: o.outlet } : {}),
        ...(o.actor ? { actorId: o.actor } : {}),
        ...(o.since ? { since: parseDate('since', o.since) } : {}),
      };
      const rows = await withDb(ctxOf(), (db) => listAlerts(db, filter));
      if (o.format === 'json') printJson(rows.map(alertJson));
      else process.stdout.write(rows.length ? `${rows.map(alertLine).join('\n')}\n` : 'no alerts\n');
    });
}

function registerShowAndTest(alerts: Command, ctxOf: ContextOf): void {
  alerts
    .command('show')
    .description('one alert as its e-mail would read, with its delivery status')
    .argument('<id>', 'alert id')
    .action(async (id: string) => {
      const ctx = ctxOf();
      const config = await requireConfig(ctx);
      const row = await withDb(ctx, (db) => getAlert(db, id));
      if (!row) throw new Error(`no alert ${id}`);
      const mail = renderAlertEmail(alertViewOf(config, row));
      const error = row.sendError ? ` (${row.sendError})` : '';
      process.stdout.write(`Subject: ${mail.subject}\nStatus: ${status(row)}${error}\n\n${mail.text}\n`);
    });

  alerts
    .command('test')
    .description("render a rule's latest alert (or a sample) to an .eml file, or send it to an address")
    .argument('<rule>', 'alert rule id from the config')
    .option('--out <file>', 'write the message here (default alert-test-RULE.eml)')
    .option('--to <address>', 'send it to this address through SMTP_URL instead')
    .option('--alert <id>', 'render this alert instead of the latest')
    .action((rule: string, o: { out?: string; to?: string; alert?: string }) => runTest(ctxOf(), rule, o));
}

function registerScanAndDigest(alerts: Command, ctxOf: ContextOf): void {
  alerts
    .command('scan')
    .description('detect changes over the stored history and write (and send) their alerts, once each')
    .requiredOption('--since <date>', 'alert on changes detected since this date')
    .option('--outlet <id>', 'only this outlet')
    .option('--dry-run', 'only print what would be written')
    .option('--no-send', 'write alerts but leave them pending')
    .action(async (o: { since: string; outlet?: string; dryRun?: boolean; send: boolean }) => {
      const ctx = ctxOf();
      const opts = {
        since: parseDate('since', o.since),
        send: o.send,
        dryRun: o.dryRun ?? false,
        ...(o.outlet ? { outletIds: [o.outlet] } : {}),
      };
      printJson(await withRuntime(ctx, (rt) => scanAlerts({ ...rt.deps, mail: mailSettings(ctx.env) }, opts)));
    });

  alerts
    .command('digest')
    .description('send one e-mail per digest rule with its pending alerts (run daily, e.g. from cron)')
    .action(async () => {
      const ctx = ctxOf();
      printJson(await withRuntime(ctx, (rt) => sendDigests(rt.deps, mailSettings(ctx.env))));
    });
}

/** `alerts list|show|test|scan|digest`. */
export function registerAlertsCommands(program: Command): void {
  const ctxOf = () => cliContext(program.opts<{ config?: string }>().config);
  const alerts = program
    .command('alerts')
    .description('framing-change alerts: list, show, test, scan the history, send digests');
  registerList(alerts, ctxOf);
  registerShowAndTest(alerts, ctxOf);
  registerScanAndDigest(alerts, ctxOf);
}
