import { describe, expect, it } from 'vitest';
import { alignFrames, alignTrends, dayToUnix } from '../../src/analytics/index.js';
import { parseDashboardQuery } from '../../src/web/filters.js';

describe('dashboard filters from a query string', () => {
  it('reads repeated and comma-separated outlets, days and the interval', () => {
    expect(parseDashboardQuery({ actor: ['china'], outlet: ['a', 'b,c', ''], from: ['2026-08-03'], to: [''], interval: ['month'] })).toEqual({
      actorId: 'china',
      outletIds: ['a', 'b', 'c'],
      from: '2026-08-03',
      interval: 'month',
    });
  });

  it('defaults to weeks and every outlet', () => {
    expect(parseDashboardQuery({})).toEqual({ interval: 'week' });
  });

  it('rejects bad values, naming the parameter', () => {
    expect(() => parseDashboardQuery({ from: ['03/08/2026'] })).toThrow(/from/);
    expect(() => parseDashboardQuery({ interval: ['year'] })).toThrow(/interval/);
    expect(() => parseDashboardQuery({ actor: ["x' OR 1=1"] })).toThrow(/actor/);
  });
});

describe('trend series for the charts', () => {
  const row = (outletId: string, period: string, mean: number, ci: [number, number] | null = null) => ({
    outletId, outletName: outletId.toUpperCase(), period, articles: 2, meanStance: mean, ciLow: ci?.[0] ?? null, ciHigh: ci?.[1] ?? null,
  });

  it('aligns outlets on the union of their periods, with gaps as null', () => {
    const a = alignTrends([row('b', '2026-08-10', 0.2), row('a', '2026-08-03', -0.1, [-0.3, 0.1]), row('a', '2026-08-17', 0.4)]);
    expect(a.periods).toEqual(['2026-08-03', '2026-08-10', '2026-08-17']);
    expect(a.x).toEqual(a.periods.map(dayToUnix));
    expect(a.series.map((s) => [s.outletId, s.mean, s.low])).toEqual([
      ['a', [-0.1, null, 0.4], [-0.3, null, null]],
      ['b', [null, 0.2, null], [null, null, null]],
    ]);
  });

  it('pools frame shares over outlets by their mentions, counting mentions without a frame', () => {
    const frames = alignFrames(
      [
        { period: '2026-08-03', frame: 'economy', outletId: 'a', mentions: 4, share: 0.5 },
        { period: '2026-08-03', frame: 'economy', outletId: 'b', mentions: 6, share: 1 },
        { period: '2026-08-03', frame: 'security', outletId: 'a', mentions: 4, share: 0.25 },
      ],
      [
        { period: '2026-08-03', mentions: 4 },
        { period: '2026-08-03', mentions: 6 },
        { period: '2026-08-10', mentions: 3 },
      ],
    );
    expect(frames.periods).toEqual(['2026-08-03', '2026-08-10']);
    expect(frames.frames).toEqual([
      { frame: 'economy', share: [0.8, 0] },
      { frame: 'security', share: [0.1, 0] },
    ]);
  });
});
