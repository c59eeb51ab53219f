import {
  SENSITIVITY,
  detectChanges,
  explainDetection,
  forSeriesWatched,
  ruleWantsKind,
  rulesFor,
  seriesWatched,
  type Detection,
  type SeriesPoint,
} from '../alerts/index.js';
import type { AlertRule } from '../config/index.js';
import type { AlertsJob } from '../queue/index.js';
import { findSameChange, insertAlert } from '../store/index.js';
import { driverMentions, loadOutletData, otherOutlets, type OutletData } from './alert-series.js';
import type { PipelineDeps } from './deps.js';
import { deliverPendingAlerts } from './send-alert.js';

/**
 * The worker alerts on what new analyses reveal: a change whose detecting article was analysed
 * within this window. Older changes are history, for `alerts scan --since`.
 */
export const FRESH_WINDOW_MS = 7 * 86_400_000;

export interface CheckAlertsOptions {
  /** Scan mode: every change detected at or after this date, however old its articles' analysis. */
  since?: Date;
  /** Only report what would be written; write and send nothing. */
  dryRun?: boolean;
  /** Send immediate alerts after writing them (default true; needs `deps.mail`). */
  send?: boolean;
  now?: Date;
}

export interface FoundChange {
  ruleId: string;
  outletId: string;
  actorId: string;
  kind: string;
  changeAt: string;
  detectedAt: string;
  alertId?: string;
}

export interface CheckAlertsResult {
  outletId: string;
  series: number;
  created: string[];
  sent: string[];
  found: FoundChange[];
}

function wanted(
  d: Detection,
  rule: AlertRule,
  data: OutletData,
  series: SeriesPoint[],
  o: CheckAlertsOptions,
): boolean {
  if (!ruleWantsKind(rule, d.kind)) return false;
  if (o.since) return d.detectedAt >= o.since;
  const analyzed = data.analyzedAt.get(series[d.detectIndex]!.articleId);
  const freshFrom = (o.now ?? new Date()).getTime() - FRESH_WINDOW_MS;
  return analyzed !== null && analyzed !== undefined && analyzed.getTime() >= freshFrom;
}

/** One series' detections per (sensitivity, series watched): rules that share them share the work. */
function detector(deps: PipelineDeps, series: SeriesPoint[]): (rule: AlertRule) => Detection[] {
  const cache = new Map<string, Detection[]>();
  const { outlets, actors } = deps.config;
  return (rule) => {
    const watched = seriesWatched(rule, outlets.length, actors.length);
    const key = `${rule.sensitivity}|${watched}`;
    let found = cache.get(key);
    if (!found) {
      found = detectChanges(series, forSeriesWatched(SENSITIVITY[rule.sensitivity], watched));
      cache.set(key, found);
    }
    return found;
  };
}

async function writeAlert(
  deps: PipelineDeps,
  rule: AlertRule,
  at: { outletId: string; actorId: string; series: SeriesPoint[] },
  d: Detection,
): Promise<{ id: string; created: boolean }> {
  const key = { ruleId: rule.id, outletId: at.outletId, actorId: at.actorId, kind: d.kind, changeAt: d.changeAt };
  const cooldown = SENSITIVITY[rule.sensitivity].cooldownDays;
  // Explaining costs queries; skip it for a change already stored.
  const existing = await findSameChange(deps.db, key, cooldown);
  if (existing !== undefined) return { id: existing, created: false };
  const from = at.series[d.refStart]!.at;
  const x = explainDetection({
    detection: d,
    series: at.series,
    mentions: await driverMentions(deps.db, at.actorId, at.series, d.drivers),
    others: await otherOutlets(deps.db, at.outletId, at.actorId, from, d.detectedAt),
    sensitivity: rule.sensitivity,
  });
  return insertAlert(deps.db, { ...key, detectedAt: d.detectedAt, ...x }, cooldown);
}

/**
 * Re-reads one outlet's series and writes an alert for each change a rule watches, then sends
 * the immediate ones. Detection is deterministic and an alert is keyed by its change, so running
 * this again (a redelivered job, a scan over the same weeks) writes and sends nothing twice.
 */
export async function checkAlerts(
  deps: PipelineDeps,
  job: AlertsJob,
  opts: CheckAlertsOptions = {},
): Promise<CheckAlertsResult> {
  const result: CheckAlertsResult = { outletId: job.outletId, series: 0, created: [], sent: [], found: [] };
  if (deps.config.alerts.length === 0) return result;
  const data = await loadOutletData(deps.db, job.outletId);
  for (const [actorId, series] of data.byActor) {
    result.series++;
    const detect = detector(deps, series);
    for (const rule of rulesFor(deps.config.alerts, job.outletId, actorId)) {
      for (const d of detect(rule).filter((x) => wanted(x, rule, data, series, opts))) {
        const at = { changeAt: d.changeAt.toISOString(), detectedAt: d.detectedAt.toISOString() };
        const found: FoundChange = { ruleId: rule.id, outletId: job.outletId, actorId, kind: d.kind, ...at };
        result.found.push(found);
        if (opts.dryRun) continue;
        const res = await writeAlert(deps, rule, { outletId: job.outletId, actorId, series }, d);
        found.alertId = res.id;
        if (!res.created) continue;
        result.created.push(res.id);
        const ids = { alertId: res.id, ruleId: rule.id, outletId: job.outletId, actorId, kind: d.kind };
        deps.log.info(ids, 'framing change detected');
      }
    }
  }
  if (!opts.dryRun && opts.send !== false) result.sent = await sendImmediate(deps);
  return result;
}

/**
 * Sends every pending immediate alert, this outlet's and any a crashed run left behind for
 * another. A send that may succeed on retry fails the job, so the queue retries it with backoff.
 */
async function sendImmediate(deps: PipelineDeps): Promise<string[]> {
  if (!deps.mail) return [];
  const delivery = await deliverPendingAlerts(deps, deps.mail);
  const retryable = delivery.failed.filter((f) => !f.permanent);
  if (retryable.length > 0) {
    throw new Error(`alert e-mail failed for ${retryable.flatMap((f) => f.ids).join(', ')}: ${retryable[0]!.error}`);
  }
  return delivery.sent.flatMap((s) => s.ids);
}

/** `alerts scan`: every configured outlet (or the given ones) over the history since `since`. */
export async function scanAlerts(
  deps: PipelineDeps,
  opts: CheckAlertsOptions & { since: Date; outletIds?: string[] },
): Promise<CheckAlertsResult[]> {
  const ids = opts.outletIds ?? deps.config.outlets.map((o) => o.id);
  const results: CheckAlertsResult[] = [];
  for (const outletId of ids) results.push(await checkAlerts(deps, { outletId }, opts));
  return results;
}
