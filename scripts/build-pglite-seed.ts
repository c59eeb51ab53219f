// npm run build:pglite-seed: writes src/store/pglite/seed.tar.gz, a freshly initialised PGlite
// data folder, from which new embedded databases start (see openPglite). Run it after upgrading
// @electric-sql/pglite; test/integration/pglite-seed.test.ts fails until then.
import { writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_SEED } from '../src/store/client.js';

const pg = new PGlite('memory://');
await pg.waitReady;
const version = (await pg.query<{ v: string }>('SELECT version() AS v')).rows[0]?.v;
const dump = await pg.dumpDataDir('gzip');
await pg.close();
await writeFile(PGLITE_SEED, Buffer.from(await dump.arrayBuffer()));
process.stdout.write(`wrote ${PGLITE_SEED} (${dump.size} bytes): ${version}\n`);
