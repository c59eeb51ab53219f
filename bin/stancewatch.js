#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so a fresh clone needs no build step.
import { spawn } from 'node:child_process';
import { register } from 'tsx/esm/api';

/**
 * The offline demo (`start` or `demo` without a config) runs with the workers' heap cap: its live
 * heap stays near 150 MB, but under Node's default limit V8 lets garbage pile up to far more, and
 * `npm start` is a newcomer's first look (issue 18: peak RSS under 600 MB). A pipeline started
 * with a config keeps Node's default, since it crawls and analyses real pages in one heap.
 */
function demoNeedsHeapCap(args, env) {
  if (env.STANCEWATCH_CONFIG || env.STANCEWATCH_DEMO_HEAP_CAPPED) return false;
  if (args.some((a) => a === '-c' || a === '--config' || a.startsWith('--config='))) return false;
  if ([...process.execArgv, env.NODE_OPTIONS ?? ''].some((a) => a.includes('max-old-space-size'))) return false;
  const command = args.find((a) => !a.startsWith('-'));
  return command === 'start' || command === 'demo';
}

const args = process.argv.slice(2);
if (demoNeedsHeapCap(args, process.env)) {
  const child = spawn(process.execPath, [...process.execArgv, '--max-old-space-size=256', process.argv[1], ...args], {
    stdio: 'inherit',
    env: { ...process.env, STANCEWATCH_DEMO_HEAP_CAPPED: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => (signal ? process.kill(process.pid, signal) : process.exit(code ?? 1)));
} else {
  register();
  await import('../workers/cli.ts');
}
