import { createHash } from 'node:crypto';
import { ZodError } from 'zod';
import {
  alertDetailsSchema,
  alertMessageId,
  createMailer,
  outboxFile,
  renderAlertEmail,
  renderDigestEmail,
  toAlertView,
  type AlertView,
  type Mailer,
  type MailerOptions,
  type RenderedEmail,
  type SendResult,
} from '../alerts/index.js';
import type { AlertRule, StancewatchConfig } from '../config/index.js';
import { PermanentError, describeError } from '../errors.js';
import { claimAlerts, markAlertsSent, pendingAlerts, releaseAlerts, type AlertRow } from '../store/index.js';
import type { PipelineDeps } from './deps.js';

/**
 * How long a claimed alert stays with its sender. A sender that dies mid-send leaves the claim;
 * after this the alert is sent again, with the same Message-ID.
 */
export const SEND_LEASE_MS = 10 * 60_000;

export interface DeliveryResult {
  sent: { ids: string[]; via: 'smtp' | 'outbox'; location: string }[];
  failed: { ids: string[]; error: string; permanent: boolean }[];
}

/** An alert row with display names and parsed details (zod: the jsonb column is a boundary). */
export function alertViewOf(config: StancewatchConfig, row: AlertRow): AlertView {
  const names = {
    outlet: (id: string) => config.outlets.find((o) => o.id === id)?.name ?? id,
    actor: (id: string) => config.actors.find((a) => a.id === id)?.name ?? id,
  };
  return toAlertView({ ...row, details: alertDetailsSchema.parse(row.details) }, names);
}

/** Where the outbox keeps (or would keep) an immediate alert's e-mail. */
export function alertOutboxFile(outboxDir: string, alertId: string): string {
  return outboxFile(outboxDir, alertMessageId(`alert-${alertId}`));
}

function headersFor(rows: AlertRow[]): Record<string, string> {
  return { 'X-Stancewatch-Alert': rows.map((r) => r.id).join(' '), 'X-Stancewatch-Rule': rows[0]!.ruleId };
}

/**
 * Claim, send, mark: only claimed rows are sent, and a row is marked sent only after the SMTP
 * server (or the outbox) accepted the message. A failed send gives the claim back with its
 * reason; a failed mark does not, so the lease (not an immediate retry) decides any re-send.
 */
async function claimAndSend(
  deps: PipelineDeps,
  mailer: Mailer,
  rule: AlertRule,
  rows: AlertRow[],
  messageKey: string,
  render: (views: AlertView[]) => RenderedEmail,
  result: DeliveryResult,
): Promise<void> {
  const messageId = alertMessageId(messageKey);
  const claimed = await claimAlerts(deps.db, rows.map((r) => ({ id: r.id, messageId })), SEND_LEASE_MS);
  if (claimed.length === 0) return;
  const ids = claimed.map((r) => r.id);
  let sent: SendResult;
  try {
    const rendered = render(claimed.map((r) => alertViewOf(deps.config, r)));
    sent = await mailer.send({ ...rendered, messageId, to: rule.recipients, headers: headersFor(claimed) });
  } catch (err) {
    await releaseAlerts(deps.db, ids, describeError(err));
    const permanent = err instanceof PermanentError || err instanceof ZodError;
    result.failed.push({ ids, error: describeError(err), permanent });
    return;
  }
  await markAlertsSent(deps.db, ids, sent.via);
  result.sent.push({ ids, via: sent.via, location: sent.location });
  deps.log.info({ alertIds: ids, ruleId: rule.id, messageId, via: sent.via, location: sent.location }, 'alert sent');
}

function withMailer<T>(settings: MailerOptions, run: (mailer: Mailer) => Promise<T>): Promise<T> {
  const mailer = createMailer(settings);
  return run(mailer).finally(() => mailer.close());
}

/**
 * Sends every stored, unsent alert of the rules with `delivery: immediate` (optionally of one
 * outlet), one e-mail per alert: through SMTP when `smtpUrl` is set, else as .eml files in
 * `outboxDir`. Safe to call again and from several processes: each alert is sent once.
 */
export async function deliverPendingAlerts(
  deps: PipelineDeps,
  opts: MailerOptions & { outletId?: string },
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: [], failed: [] };
  const rules = deps.config.alerts.filter((r) => r.delivery === 'immediate' && r.recipients.length > 0);
  const filter = { ruleIds: rules.map((r) => r.id), ...(opts.outletId ? { outletId: opts.outletId } : {}) };
  const pending = await pendingAlerts(deps.db, filter, SEND_LEASE_MS);
  if (pending.length === 0) return result;
  await withMailer(opts, async (mailer) => {
    for (const row of pending) {
      const rule = rules.find((r) => r.id === row.ruleId)!;
      await claimAndSend(deps, mailer, rule, [row], `alert-${row.id}`, (v) => renderAlertEmail(v[0]!), result);
    }
  });
  return result;
}

/**
 * The digest: for each rule with `delivery: digest`, its unsent alerts in one e-mail. Meant to
 * run once a day (`stancewatch alerts digest` from cron). The Message-ID derives from the
 * alerts it carries, so a retry of the same digest is recognisable as one.
 */
export async function sendDigests(deps: PipelineDeps, opts: MailerOptions): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: [], failed: [] };
  const rules = deps.config.alerts.filter((r) => r.delivery === 'digest' && r.recipients.length > 0);
  const work: { rule: AlertRule; rows: AlertRow[] }[] = [];
  for (const rule of rules) {
    const rows = await pendingAlerts(deps.db, { ruleIds: [rule.id] }, SEND_LEASE_MS);
    if (rows.length > 0) work.push({ rule, rows });
  }
  if (work.length === 0) return result;
  await withMailer(opts, async (mailer) => {
    for (const { rule, rows } of work) {
      const key = createHash('sha256').update(rows.map((r) => r.id).sort().join(',')).digest('hex').slice(0, 20);
      const render = (views: AlertView[]) => renderDigestEmail(rule.id, views);
      await claimAndSend(deps, mailer, rule, rows, `digest-${rule.id}-${key}`, render, result);
    }
  });
  return result;
}
