import { SENSITIVITY, detectStanceShifts, ruleWantsKind, rulesFor, type SeriesPoint } from '../alerts/index.js';
import type { AlertsJob } from '../queue/index.js';
import { insertAlert, outletStanceSeries } from '../store/index.js';
import type { PipelineDeps } from './deps.js';

export interface CheckAlertsResult {
  outletId: string;
  series: number;
  created: string[];
}

/**
 * Re-reads one outlet's stance series and writes an alert for each shift a rule watches. The
 * detector is deterministic and alert ids derive from the change point, so re-running adds nothing.
 */
export async function checkAlerts(deps: PipelineDeps, job: AlertsJob): Promise<CheckAlertsResult> {
  const rules = deps.config.alerts;
  const created: string[] = [];
  const byActor = new Map<string, SeriesPoint[]>();
  if (rules.length === 0) return { outletId: job.outletId, series: 0, created };
  for (const row of await outletStanceSeries(deps.db, job.outletId)) {
    const list = byActor.get(row.actorId) ?? [];
    list.push(row);
    byActor.set(row.actorId, list);
  }
  for (const [actorId, series] of byActor) {
    for (const rule of rulesFor(rules, job.outletId, actorId)) {
      for (const shift of detectStanceShifts(series, SENSITIVITY[rule.sensitivity])) {
        if (!ruleWantsKind(rule, shift.kind)) continue;
        const { t, articles, ...rest } = shift;
        const res = await insertAlert(deps.db, {
          ruleId: rule.id,
          outletId: job.outletId,
          actorId,
          ...rest,
          articles,
          details: { method: 'welch-window', t: Math.round(t * 100) / 100 },
        });
        if (res.created) {
          created.push(res.id);
          deps.log.info({ alertId: res.id, outletId: job.outletId, actorId, kind: shift.kind }, 'framing change detected');
        }
      }
    }
  }
  return { outletId: job.outletId, series: byActor.size, created };
}
