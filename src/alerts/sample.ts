import { alertDetailsSchema, type AlertView } from './details.js';
import { detectStanceShifts } from './detect-shift.js';
import { explainDetection, type Names } from './explain.js';
import { SENSITIVITY } from './sensitivity.js';
import type { SeriesPoint } from './types.js';

const DAY_MS = 86_400_000;

// A fixed pseudo-random wobble, so the sample looks like data and is the same on every run.
function wobble(i: number): number {
  const x = Math.sin(i * 12.9898) * 43758.5453;
  return (x - Math.floor(x) - 0.5) * 0.5;
}

function framesAt(i: number): Record<string, number> {
  return i < 40 ? { economy: 1 } : { security: 0.5, economy: 0.5 };
}

/**
 * A made-up alert for `alerts test` when a rule has no stored alert yet: a stance flip in a
 * synthetic series, explained and rendered exactly like a real one. Its links point to example.org.
 */
export function sampleAlertView(
  ruleId: string,
  outletId: string,
  actorId: string,
  names: Names,
  now = new Date(),
): AlertView {
  const start = now.getTime() - 60 * DAY_MS;
  const series: SeriesPoint[] = Array.from({ length: 48 }, (_v, i) => {
    const score = Math.max(-1, Math.min(1, (i < 40 ? 0.4 : -0.35) + wobble(i)));
    return {
      articleId: `sample-${i}`,
      url: `https://example.org/sample/${i}`,
      title: `Sample article ${i + 1} about ${names.actor(actorId)}`,
      at: new Date(start + i * 1.2 * DAY_MS),
      score,
      // Labelled as the analyzer's bands would, so the sample reads like a real alert.
      label: score > 0.1 ? 'positive' : score < -0.1 ? 'negative' : 'neutral',
      frames: framesAt(i),
    };
  });
  const detection = detectStanceShifts(series, SENSITIVITY.medium)[0];
  if (!detection) throw new Error('the sample series has no detectable change');
  const x = explainDetection({ detection, series, mentions: [], others: [], sensitivity: 'medium' });
  return {
    id: 'sample',
    ruleId,
    kind: detection.kind,
    outletId,
    outletName: names.outlet(outletId),
    actorId,
    actorName: names.actor(actorId),
    changeAt: detection.changeAt,
    detectedAt: detection.detectedAt,
    before: x.before,
    after: x.after,
    details: alertDetailsSchema.parse(x.details),
  };
}
