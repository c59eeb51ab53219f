import { describe, expect, it } from 'vitest';
import {
  SENSITIVITY,
  detectStanceShifts,
  robustCenterSpread,
  stanceAlarms,
  type SeriesPoint,
  type StanceLabelName,
} from '../../src/alerts/index.js';
import { seededRng } from '../../src/demo/world/prng.js';

const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5);
const medium = SENSITIVITY.medium;
type Mix = [number, number, number];

/**
 * Articles of one or two sentences about a person, each sentence positive, neutral or negative by
 * `mix` (pos/neu/neg); the score is the mean of the sentences (+1, 0, -1) times `scale` plus a
 * little noise, the label its sign: how a scorer of any scale would read them.
 */
function mixSeries(seed: string, regimes: { weeks: number; mix: Mix }[], perWeek = 6, scale = 1): SeriesPoint[] {
  const r = seededRng(seed);
  const out: SeriesPoint[] = [];
  let week = 0;
  for (const g of regimes) {
    for (let w = 0; w < g.weeks; w++, week++) {
      for (let k = 0; k < perWeek; k++) {
        const sentences = r() < 0.5 ? 1 : 2;
        let sum = 0;
        for (let s = 0; s < sentences; s++) {
          const u = r();
          sum += u < g.mix[0] ? 1 : u < g.mix[0] + g.mix[1] ? 0 : -1;
        }
        const mean = sum / sentences;
        const label: StanceLabelName = mean > 0 ? 'positive' : mean < 0 ? 'negative' : 'neutral';
        const i = out.length;
        out.push({
          articleId: `a${i}`,
          url: `https://news.example/${i}`,
          at: new Date(START + week * 7 * DAY + Math.floor(((k + 0.5) / perWeek) * 7 * DAY)),
          score: scale * (mean + (r() - 0.5) * 0.2),
          label,
        });
      }
    }
  }
  return out;
}

const POSITIVE: Mix = [0.6, 0.3, 0.1];
const NEUTRAL: Mix = [0.2, 0.6, 0.2];
const NEGATIVE: Mix = [0.1, 0.3, 0.6];

describe('stance detection in the series own units', () => {
  it('finds a move from mostly positive to mostly negative coverage within a few weeks', () => {
    const s = mixSeries('flip', [{ weeks: 10, mix: POSITIVE }, { weeks: 6, mix: NEGATIVE }]);
    const found = detectStanceShifts(s, medium);
    expect(found).toHaveLength(1);
    const d = found[0]!;
    expect(d.direction).toBe(-1);
    expect(Math.abs(d.changeIndex - 60)).toBeLessThanOrEqual(4);
    expect(d.detectIndex - 60).toBeLessThan(18);
    expect(d.mix!.after.negative - d.mix!.before.negative).toBeGreaterThan(0.3);
  });

  it('finds a smaller move (neutral to mostly negative) once it has lasted, never the wrong way', () => {
    // A 0.5 shift of the mean sentence stance (about 0.9 of the series' spread) at 6 articles a
    // week takes weeks to find at this false-alert rate; the rolling reference then takes the new
    // regime in, so one that is not found early may never be. This guards against losing most.
    let found = 0;
    for (let k = 0; k < 20; k++) {
      const s = mixSeries(`neutral-negative-${k}`, [{ weeks: 10, mix: NEUTRAL }, { weeks: 20, mix: NEGATIVE }]);
      const d = detectStanceShifts(s, medium);
      expect(d.filter((x) => x.direction === 1)).toEqual([]);
      if (d.some((x) => x.detectIndex >= 60)) found += 1;
    }
    expect(found).toBeGreaterThanOrEqual(10);
  });

  it('gives the same alarms whatever the scale of the scores', () => {
    const wide = mixSeries('scale', [{ weeks: 10, mix: NEGATIVE }, { weeks: 8, mix: POSITIVE }], 6, 1);
    const narrow = mixSeries('scale', [{ weeks: 10, mix: NEGATIVE }, { weeks: 8, mix: POSITIVE }], 6, 0.2);
    const at = (s: SeriesPoint[]) =>
      stanceAlarms(s.map((p) => p.score), s.map(() => undefined), medium.stance, s.map((p) => p.at.getTime()))
        .map((a) => [a.start, a.at, a.direction]);
    expect(at(wide).length).toBeGreaterThan(0);
    expect(at(narrow)).toEqual(at(wide));
  });

  it('stays quiet on 26 weeks of each stable mix', () => {
    for (const [i, mix] of [POSITIVE, NEUTRAL, NEGATIVE].entries()) {
      for (let k = 0; k < 5; k++) {
        expect(detectStanceShifts(mixSeries(`stable-${i}-${k}`, [{ weeks: 26, mix }]), medium)).toEqual([]);
      }
    }
  });

  it('watches the label shares too: the same move is found with labels and without scores moving much', () => {
    // Scores squeezed to almost nothing and pushed around by noise: only the labels carry the shift.
    const s = mixSeries('labels', [{ weeks: 10, mix: POSITIVE }, { weeks: 6, mix: NEGATIVE }]).map((p, i) => ({
      ...p,
      score: ((i * 7919) % 13) / 13 - 0.5,
    }));
    const found = detectStanceShifts(s, medium);
    expect(found).toHaveLength(1);
    expect(found[0]!.mix!.track).toMatch(/^share:/);
  });

  it('needs the minimum number of articles before testing', () => {
    const s = mixSeries('short', [{ weeks: 1, mix: POSITIVE }, { weeks: 2, mix: NEGATIVE }], 5);
    expect(detectStanceShifts(s, medium)).toEqual([]);
  });
});

describe('robustCenterSpread', () => {
  it('keeps one extreme article from widening the spread', () => {
    const calm = Array.from({ length: 40 }, (_v, i) => (i % 5) / 10);
    const withOutlier = [...calm.slice(1), 25];
    expect(robustCenterSpread(withOutlier).spread).toBeLessThan(robustCenterSpread(calm).spread * 1.5);
  });

  it('gives a finite spread to a run of identical scores', () => {
    expect(robustCenterSpread([0.2, 0.2, 0.2, 0.2]).spread).toBeGreaterThan(0);
  });
});
