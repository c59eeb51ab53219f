import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine, startProgress, type ProgressStream } from '../../src/progress/index.js';

function capture(isTTY: boolean): ProgressStream & { text: () => string } {
  const chunks: string[] = [];
  // cli-progress moves the cursor on a terminal; the no-ops stand in for a real TTY's methods.
  return Object.assign(
    { isTTY, write: (c: string) => (chunks.push(c), true), text: () => chunks.join('') },
    { cursorTo: () => true, clearLine: () => true, moveCursor: () => true, columns: 120, on: () => {}, removeListener: () => {} },
  );
}

describe('progress on a log (not a terminal)', () => {
  it('prints a line with count, percentage, rate and ETA every interval, and a last one at the end', () => {
    let now = 0;
    const out = capture(false);
    const p = startProgress({ label: 'ingest', unit: 'articles', total: 1000, stream: out, intervalMs: 5000, now: () => now });
    now = 4000;
    p.update(100);
    expect(out.text()).toBe('');
    now = 5000;
    p.update(250);
    now = 6000;
    p.update(300);
    now = 10_000;
    p.update(500);
    p.stop();
    p.stop();
    expect(out.text().split('\n').filter(Boolean)).toEqual([
      'ingest: 250/1,000 articles (25%), 50/s, ETA 15s, 5s elapsed',
      'ingest: 500/1,000 articles (50%), 50/s, ETA 10s, 10s elapsed',
      'ingest: 500/1,000 articles (50%), 50/s, ETA 10s, 10s elapsed',
    ]);
  });

  it('stays silent for a command done before the first interval', () => {
    let now = 0;
    const out = capture(false);
    const p = startProgress({ label: 'reanalyze', total: 3, stream: out, now: () => now });
    now = 1200;
    p.update(3);
    p.stop();
    expect(out.text()).toBe('');
  });

  it('prints nothing at all when quiet', () => {
    let now = 0;
    const out = capture(false);
    const p = startProgress({ label: 'ingest', total: 10, stream: out, quiet: true, intervalMs: 1, now: () => now });
    now = 10_000;
    p.update(5);
    p.stop();
    expect(out.text()).toBe('');
  });

  it('leaves out percentage and ETA when the total is unknown', () => {
    expect(progressLine({ label: 'ingest', unit: 'bytes', value: 3000, total: undefined, elapsedMs: 2000 })).toBe(
      'ingest: 3,000 bytes, 1500/s, 2s elapsed',
    );
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(125)).toBe('2m05s');
  });
});

describe('progress on a terminal', () => {
  it('draws a bar with count, rate and ETA', () => {
    const out = capture(true);
    const p = startProgress({ label: 'reanalyze', unit: 'articles', total: 40, stream: out });
    p.update(10);
    p.stop();
    expect(out.text()).toMatch(/reanalyze \[[█░]+\] 10\/40 articles \| [\d.]+\/s \| ETA (\d+[smh]|\?)/);
  });
});
