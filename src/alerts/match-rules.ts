import type { AlertRule } from '../config/index.js';

/** The rules that watch this (outlet, actor) pair. */
export function rulesFor(rules: AlertRule[], outletId: string, actorId: string): AlertRule[] {
  return rules.filter(
    (r) =>
      (r.outlets === 'all' || r.outlets.includes(outletId)) &&
      (r.actors === 'all' || r.actors.includes(actorId)),
  );
}

/** Whether a rule wants alerts of this kind (no `kinds` means all kinds). */
export function ruleWantsKind(rule: AlertRule, kind: string): boolean {
  return rule.kinds === undefined || (rule.kinds as string[]).includes(kind);
}
