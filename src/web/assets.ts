import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC = fileURLToPath(new URL('./public/', import.meta.url));
// uPlot ships ready-to-run ES module and CSS files: served from node_modules, no build step.
const UPLOT = path.dirname(createRequire(import.meta.url).resolve('uplot'));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Where an asset name is on disk, or undefined for a name that is not served. */
function locate(name: string): string | undefined {
  if (name === 'uPlot.esm.js' || name === 'uPlot.min.css') return path.join(UPLOT, name);
  if (/^[a-z][a-z0-9-]*\.(js|css)$/.test(name)) return path.join(PUBLIC, name);
  return undefined;
}

export interface Asset {
  body: string;
  contentType: string;
}

/**
 * The dashboard's static files, read once and kept in memory (a few hundred kB). Returns
 * undefined for an unknown or missing name.
 */
export function createAssetStore(): (name: string) => Promise<Asset | undefined> {
  const cache = new Map<string, Asset>();
  return async (name) => {
    const hit = cache.get(name);
    if (hit) return hit;
    const file = locate(name);
    if (file === undefined) return undefined;
    let body: string;
    try {
      body = await readFile(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`read asset ${name}`, { cause: err });
    }
    const asset = { body, contentType: TYPES[path.extname(name)] ?? 'application/octet-stream' };
    cache.set(name, asset);
    return asset;
  };
}
