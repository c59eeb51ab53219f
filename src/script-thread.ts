import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module `name` (without extension) beside the module `self`
 * (its import.meta.url). Running from TypeScript (tsx, vitest), the thread registers tsx's loader
 * in itself before importing the script: a loader passed by --import may not be ready in time, and
 * threads take neither a process's run-time registration (bin/stancewatch.js) nor V8 flags.
 */
export function newScriptThread(self: string, name: string, options: WorkerOptions): Worker {
  const ts = self.endsWith('.ts');
  const script = new URL(`./${name}.${ts ? 'ts' : 'js'}`, self);
  return ts
    ? new Worker(
        `import(${JSON.stringify(tsxApi(self))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(script.href)}); });`,
        { ...options, eval: true },
      )
    : new Worker(script, options);
}

/** tsx's ESM API (createRequire resolves the CommonJS build, which cannot register here). */
function tsxApi(from: string): string {
  return pathToFileURL(createRequire(from).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}
