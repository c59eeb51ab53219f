import { firstCusumAlarm, type CusumAlarm, type CusumOptions } from './cusum.js';
import { pickDrivers, toSide } from './detect-shift.js';
import type { DetectOptions } from './sensitivity.js';
import { PrefixMoments, summarize } from './stats.js';
import type { Detection, SeriesPoint, ShareChange } from './types.js';

interface FrameTrack {
  name: string;
  values: number[];
  moments: PrefixMoments;
}

function tracksOf(framed: SeriesPoint[]): FrameTrack[] {
  const names = [...new Set(framed.flatMap((p) => Object.keys(p.frames ?? {})))].sort();
  return names.map((name) => {
    const values = framed.map((p) => p.frames?.[name] ?? 0);
    return { name, values, moments: new PrefixMoments(values) };
  });
}

function mean(xs: readonly number[], from: number, to: number): number {
  return to > from ? xs.slice(from, to).reduce((s, x) => s + x, 0) / (to - from) : 0;
}

function shareChanges(tracks: FrameTrack[], a: CusumAlarm): ShareChange[] {
  return tracks
    .map((t) => ({
      name: t.name,
      before: mean(t.values, a.refStart, a.start),
      after: mean(t.values, a.start, a.at + 1),
    }))
    .sort((x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.name.localeCompare(y.name));
}

function frameDetection(
  framed: SeriesPoint[],
  index: number[],
  tracks: FrameTrack[],
  hit: { track: FrameTrack; alarm: CusumAlarm },
): Detection {
  const { track, alarm: a } = hit;
  const before = toSide(summarize(track.values.slice(a.refStart, a.start), 0, 1));
  const after = toSide(summarize(track.values.slice(a.start, a.at + 1), 0, 1));
  const local = Array.from({ length: a.at - a.start + 1 }, (_v, k) => a.start + k);
  return {
    kind: 'frame-shift',
    measure: `frame:${track.name}`,
    direction: a.direction,
    refStart: index[a.refStart]!,
    changeIndex: index[a.start]!,
    detectIndex: index[a.at]!,
    changeAt: framed[a.start]!.at,
    detectedAt: framed[a.at]!.at,
    before,
    after,
    statistic: { method: 'cusum', value: a.statistic, threshold: a.threshold },
    shares: shareChanges(tracks, a),
    drivers: pickDrivers(track.values, local, before.mean, a.direction).map((i) => index[i]!),
  };
}

/**
 * Frame-share shifts: one CUSUM per frame over the articles that carry any frame, restarted
 * together at each change. Watching several frames multiplies the chances of a false alarm, so
 * the frames of one pair share its false-alert target (`tracks`, see cusumThreshold).
 */
export function detectFrameShifts(series: SeriesPoint[], opts: DetectOptions): Detection[] {
  const index = series.flatMap((p, i) => (p.frames && Object.keys(p.frames).length > 0 ? [i] : []));
  const framed = index.map((i) => series[i]!);
  const tracks = tracksOf(framed);
  if (tracks.length === 0) return [];
  const o: CusumOptions = { ...opts.frames, tracks: tracks.length };
  const times = framed.map((p) => p.at.getTime());
  const found: Detection[] = [];
  let origin = 0;
  for (;;) {
    let hit: { track: FrameTrack; alarm: CusumAlarm } | undefined;
    for (const track of tracks) {
      const alarm = firstCusumAlarm(track.values, o, origin, track.moments, times);
      if (alarm && (!hit || alarm.at < hit.alarm.at)) hit = { track, alarm };
    }
    if (!hit) return found;
    found.push(frameDetection(framed, index, tracks, hit));
    origin = hit.alarm.start;
  }
}
