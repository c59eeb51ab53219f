import { describe, expect, it } from 'vitest';
import { configFileSchema, cutoffOf, parseAge } from '../../src/config/index.js';

describe('retention ages', () => {
  it('reads days, weeks and years, and nothing else', () => {
    expect(parseAge('180d')).toEqual({ days: 180, text: '180d' });
    expect(parseAge(' 26w ')).toEqual({ days: 182, text: '26w' });
    expect(parseAge('2y')?.days).toBe(730);
    for (const bad of ['0d', '6m', '180', 'd', '1.5y', '-3d']) expect(parseAge(bad), bad).toBeUndefined();
  });

  it('cuts that many days before now', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(cutoffOf({ days: 180, text: '180d' }, now).toISOString()).toBe('2026-06-10T12:00:00.000Z');
  });

  it('validates the config file section, naming the bad value', () => {
    const ok = configFileSchema.parse({ retention: { textOlderThan: '180d', mentionsOlderThan: '2y' } });
    expect(ok.retention).toEqual({ textOlderThan: { days: 180, text: '180d' }, mentionsOlderThan: { days: 730, text: '2y' }, every: 86_400_000 });
    const bad = configFileSchema.safeParse({ retention: { textOlderThan: '6 months', every: '5m' } });
    expect(bad.success).toBe(false);
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('retention.textOlderThan: "6 months" is not an age like "180d", "26w" or "2y"');
    expect(messages).toContain('retention.every: "5m" is not an interval of an hour or more like "1d" or "12h"');
  });
});
