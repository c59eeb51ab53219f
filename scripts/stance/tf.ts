import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export { tf };

export { seededRandom, shuffled } from './random.js';

/**
 * Starts tfjs on its wasm backend: several times faster than the plain cpu backend on the GRU's
 * small matrix products, and offline (the .wasm files ship in the npm package). tfjs-node, the
 * native backend, does not install here.
 */
export async function useWasmBackend(): Promise<void> {
  const require = createRequire(import.meta.url);
  const dist = path.join(path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  setWasmPaths(`${dist}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('tfjs wasm backend did not start');
  await tf.ready();
}
