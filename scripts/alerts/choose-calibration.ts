import { parseArgs } from 'node:util';
import { SENSITIVITY, applyCooldown, detectStanceShifts, type DetectOptions, type SeriesPoint } from '../../src/alerts/index.js';
import { seededRng } from '../../src/demo/world/prng.js';
import { labelledReadings } from './pools.js';
import { buildSeries } from './series.js';
import { cachedWorld } from './world-cache.js';

/**
 * Chooses the stance detector's `calibration` (what is taken off the Lorden threshold) by
 * simulation on null series only: real-sentence worlds in which no series switches mix, built
 * from held-back folds of NewsMTSC train (never dev), read by the analyzer and by their gold
 * labels, plus the synthetic world's stable series. For each candidate it prints the false alerts
 * per 100 series-months of each sensitivity; the choice is the lowest threshold at which the
 * real-sentence null families stay at or under the sensitivity's own target and the synthetic one
 * under the bar (1 per 100 series-months). Detection plays no part in it.
 *
 *   npx tsx scripts/alerts/choose-calibration.ts [--folds 2,3,4,5] [--worlds-per-fold 4]
 */
const { values: args } = parseArgs({
  options: {
    folds: { type: 'string', default: '2,3,4,5' },
    'worlds-per-fold': { type: 'string', default: '4' },
    synthetic: { type: 'string', default: '300' },
    cache: { type: 'string', default: '.stancewatch/eval-alerts' },
    levels: { type: 'string', default: 'low,medium,high' },
  },
});

const DAY_MS = 86_400_000;
const MONTH_DAYS = 365.2425 / 12;

const months = (ps: SeriesPoint[]) => (ps[ps.length - 1]!.at.getTime() - ps[0]!.at.getTime()) / DAY_MS / MONTH_DAYS;

const families: Record<string, SeriesPoint[][]> = { analyzer: [], perfect: [], synthetic: [] };
for (const fold of args.folds.split(',')) {
  for (let k = 1; k <= Number(args['worlds-per-fold']); k++) {
    const w = cachedWorld('null', `train-fold-${fold}`, `null-${fold}-${k}`, args.cache);
    families.analyzer!.push(...w.series.map((s) => s.analyzer));
    families.perfect!.push(...w.series.map((s) => s.perfect));
  }
}
const pool = labelledReadings();
for (let i = 0; i < Number(args.synthetic); i++) {
  families.synthetic!.push(buildSeries(seededRng(`calibration/${i}`), pool, { id: `null-${i}` }).points);
}

const rate = (series: SeriesPoint[][], o: DetectOptions) => {
  let alerts = 0;
  let m = 0;
  for (const s of series) {
    // Stance alerts only (what is calibrated here), with the cooldown detectChanges applies.
    alerts += applyCooldown(detectStanceShifts(s, o), o.cooldownDays).length;
    m += months(s);
  }
  return (100 * alerts) / m;
};

const levels = ['low', 'medium', 'high'] as const;
console.log(
  `null series: ${Object.entries(families).map(([k, v]) => `${k} ${v.length} (${v.reduce((a, s) => a + months(s), 0).toFixed(0)} series-months)`).join(', ')}`,
);
console.log('stance false alerts per 100 series-months (analyzer / perfect / synthetic) by calibration:');
// The largest calibration (lowest threshold) such that it and every smaller one keep all null
// families within the target.
const chosen: Record<string, number | undefined> = {};
const failed = new Set<string>();
const levelsAsked = args.levels.split(',') as (typeof levels)[number][];
for (let c = 0; c <= 4.001 && levelsAsked.some((l) => !failed.has(l)); c += 0.25) {
  const cells = levelsAsked.filter((l) => !failed.has(l)).map((l) => {
    const base = SENSITIVITY[l];
    const o = { ...base, stance: { ...base.stance, calibration: c } };
    const r = Object.values(families).map((f) => rate(f, o));
    const target = base.stance.falseAlertsPer100SeriesMonths;
    // The real-sentence families are held to the sensitivity's target; the synthetic family
    // (resampled from 265 readings, lumpier than any real series) to the bar, 1 per 100.
    if (!failed.has(l) && r[0]! <= target && r[1]! <= target && r[2]! <= Math.max(target, 1)) chosen[l] = c;
    else failed.add(l);
    return `${l} (target ${base.stance.falseAlertsPer100SeriesMonths}): ${r.map((x) => x.toFixed(2)).join(' / ')}`;
  });
  console.log(`  calibration ${c.toFixed(2)}: ${cells.join('; ')}`);
}
console.log(`chosen calibration (lowest threshold meeting the target): ${JSON.stringify(chosen)}`);
