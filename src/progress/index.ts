import cliProgress from 'cli-progress';
import { progressLine, rateAndEta, formatDuration, formatRate, type ProgressSnapshot } from './format.js';

export { formatDuration, formatRate, progressLine, rateAndEta, type ProgressSnapshot } from './format.js';

/** Reports how far a long command has got. Output goes to stderr only, never to stdout. */
export interface Progress {
  /** Sets how many items are done (and the total, when it becomes known or grows). */
  update(value: number, total?: number): void;
  /** Adds `n` items done. */
  tick(n?: number): void;
  /** Prints the last state (log mode) or clears the bar, and stops any timer. */
  stop(): void;
}

/** Where progress goes: a stream with an optional isTTY, as process.stderr is. */
export interface ProgressStream {
  write(chunk: string): boolean;
  isTTY?: boolean;
}

export interface ProgressOptions {
  /** What is being done, e.g. `ingest` or `reanalyze`. */
  label: string;
  /** What is counted, e.g. `articles`. */
  unit?: string;
  total?: number;
  /** Nothing is printed (`--quiet`). */
  quiet?: boolean;
  /** @defaultValue process.stderr */
  stream?: ProgressStream;
  /** Log mode: a line at most this often, when something moved. @defaultValue 5000 ms */
  intervalMs?: number;
  /** @defaultValue Date.now */
  now?: () => number;
}

const NOOP: Progress = { update: () => {}, tick: () => {}, stop: () => {} };

/**
 * Starts reporting progress: on a terminal a bar with count, rate and ETA; otherwise (a log file,
 * a pipe, CI) one line every few seconds and one at the end, so logs stay readable.
 */
export function startProgress(opts: ProgressOptions): Progress {
  if (opts.quiet) return NOOP;
  const stream = opts.stream ?? process.stderr;
  return stream.isTTY ? barProgress(opts, stream) : logProgress(opts, stream);
}

function tracker(opts: ProgressOptions) {
  const now = opts.now ?? Date.now;
  const started = now();
  const state = { value: 0, total: opts.total };
  const snapshot = (): ProgressSnapshot => ({
    label: opts.label,
    unit: opts.unit ?? 'items',
    value: state.value,
    total: state.total,
    elapsedMs: now() - started,
  });
  return { state, snapshot };
}

function logProgress(opts: ProgressOptions, stream: ProgressStream): Progress {
  const { state, snapshot } = tracker(opts);
  const now = opts.now ?? Date.now;
  const every = opts.intervalMs ?? 5000;
  // Printed from update/tick rather than a timer, so synchronous loops (the evaluations) report too.
  let lastAt = now();
  let printed = -1;
  let stopped = false;
  const print = () => {
    printed = state.value;
    lastAt = now();
    stream.write(`${progressLine(snapshot())}\n`);
  };
  const maybePrint = () => {
    if (now() - lastAt >= every && state.value !== printed) print();
  };
  return {
    update(value, total) {
      state.value = value;
      if (total !== undefined) state.total = total;
      maybePrint();
    },
    tick(n = 1) {
      state.value += n;
      maybePrint();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      // A command done before the first line stays silent; one that reported ends with its total.
      if (printed >= 0) print();
    },
  };
}

function barProgress(opts: ProgressOptions, stream: ProgressStream): Progress {
  const { state, snapshot } = tracker(opts);
  const unit = opts.unit ?? 'items';
  const known = opts.total !== undefined;
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: known
        ? `${opts.label} [{bar}] {value}/{total} ${unit} | {rate}/s | ETA {etaText}`
        : `${opts.label}: {value} ${unit} | {rate}/s | {elapsedText}`,
      hideCursor: true,
      clearOnComplete: false,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = () => {
    const { rate, etaSeconds } = rateAndEta(snapshot());
    return {
      rate: formatRate(rate),
      etaText: etaSeconds === undefined ? '?' : formatDuration(etaSeconds),
      elapsedText: formatDuration(snapshot().elapsedMs / 1000),
    };
  };
  let stopped = false;
  bar.start(opts.total ?? 0, 0, payload());
  return {
    update(value, total) {
      state.value = value;
      if (total !== undefined && total !== state.total) {
        state.total = total;
        bar.setTotal(total);
      }
      bar.update(value, payload());
    },
    tick(n = 1) {
      this.update(state.value + n);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar.update(state.value, payload());
      bar.stop();
    },
  };
}
