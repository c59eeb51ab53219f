import type { AlertRule } from '../config/index.js';

/** The rules that watch this (outlet, actor) pair. */
export function rulesFor(rules: AlertRule[], outletId: string, actorId: string): AlertRule[] {
  return rules.filter(
    (r) =>
      (r.outlets === 'all' || r.outlets.includes(outletId)) &&
      (r.actors === 'all' || r.actors.includes(actorId)),
  );
}

/**
 * Whether a rule wants alerts of this kind (no `kinds` means all kinds). A polarity flip is the
 * strongest stance-level change, so a rule asking for `stance-level` gets flips too.
 */
export function ruleWantsKind(rule: AlertRule, kind: string): boolean {
  if (rule.kinds === undefined) return true;
  const kinds: readonly string[] = rule.kinds;
  return kinds.includes(kind) || (kind === 'polarity-flip' && kinds.includes('stance-level'));
}

/** How many (outlet, actor) series a rule watches: what its false-alarm control scales with. */
export function seriesWatched(rule: AlertRule, outlets: number, actors: number): number {
  const o = rule.outlets === 'all' ? outlets : rule.outlets.length;
  return o * (rule.actors === 'all' ? actors : rule.actors.length);
}
