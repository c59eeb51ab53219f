#!/usr/bin/env node
// Fixes how the postgres driver (postgres@3.4.9, pinned) behaves when the server closes a
// connection in the middle of a transaction (a PostgreSQL restart), which killed analyze workers:
// 1. The transaction still handed its next query (its ROLLBACK) to that connection, whose socket
//    was null by then: the write, deferred to setImmediate, threw "TypeError: Cannot read
//    properties of null (reading 'write')" outside any promise, ending the process. Such a query
//    now fails with CONNECTION_CLOSED (connection.js execute()).
// 2. Queries queued inside the transaction were never settled, so the caller waited for ever, and
//    a late query could run on the connection after the pool reconnected it, outside the
//    transaction. Once the transaction's connection has closed, its queued and later queries fail
//    with the close error (index.js begin()).
// 3. A query written to a socket that then closed was left waiting for ever when the socket
//    reported an error before closing (ECONNRESET: 'error' settles what was sent so far, but a
//    query handed to the connection between 'error' and 'close', or while it reconnected, stayed
//    in its queue and was taken for the answer to a later one); and the small-write timer was
//    cleared but not reset, so the reconnected socket never flushed its startup message and every
//    later connect timed out. Every query written to a closed socket now fails with
//    CONNECTION_CLOSED, and the write buffer is emptied (connection.js closed(), terminate()).
//    This made the stress probe of test/integration/worker-restarts.test.ts hang in one run in six.
// Upstream: porsager/postgres issues #1133, #1186, #1208; pull requests #1209, #1215 (open);
// the write-timer reset as in LanternOps/breeze#3225.
// Run by `npm install` (postinstall) and by the Dockerfile; safe to run again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MARKER = '/* stancewatch: closed-connection guard */';
const LOST = '/* stancewatch: lost-write guard */';

// Per marker, per file: the edits, applied once (a file holding the marker already has them).
const EDITS = {
  [MARKER]: {
  'connection.js': [
    [
      `  function execute(q) {
    if (terminated)
      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))
`,
      // Returns true so the pool does not move this (already closed) connection to its "full" queue.
      `  function execute(q) {
    if (terminated)
      return queryError(q, Errors.connection('CONNECTION_DESTROYED', options))

    ${MARKER}
    if (!socket)
      return queryError(q, Errors.connection('CONNECTION_CLOSED', options)), true
`,
    ],
  ],
  'index.js': [
    [
      `    let savepoints = 0
      , connection
      , prepare = null
`,
      `    let savepoints = 0
      , connection
      , prepare = null
      , closedError = null ${MARKER}
`,
    ],
    [
      `        new Promise((_, reject) => connection.onclose = reject)`,
      `        new Promise((_, reject) => connection.onclose = e => {
          closedError = e
          while (queries.length) queries.shift().reject(e)
          reject(e)
        })`,
    ],
    [
      `        q.catch(e => uncaughtError || (uncaughtError = e))
        c.queue === full`,
      `        q.catch(e => uncaughtError || (uncaughtError = e))
        if (closedError)
          return q.reject(closedError)
        c.queue === full`,
    ],
  ],
  },
  [LOST]: {
  'connection.js': [
    [
      `    clearImmediate(nextWriteTimer)
    if (socket) {`,
      `    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null ${LOST}
    if (socket) {`,
    ],
    [
      `    incomings = null
    clearImmediate(nextWriteTimer)
    socket.removeListener('data', data)`,
      `    incomings = null
    clearImmediate(nextWriteTimer)
    chunk = nextWriteTimer = null ${LOST}
    socket.removeListener('data', data)`,
    ],
    [
      `    socket.removeAllListeners()
    socket = null

    if (initial)
      return reconnect()
`,
      `    socket.removeAllListeners()
    socket = null

    // Nothing written to this socket can be answered now, whether or not 'error' came first.
    const lost = Errors.connection('CONNECTION_CLOSED', options, socket)
    stream && (stream.destroy(lost), stream = null)
    query && (queryError(query, lost), query = null)
    while (sent.length)
      queryError(sent.shift(), lost)

    if (initial)
      return reconnect()
`,
    ],
    [
      // The array types query fails like any other when the socket closes: the reconnect fetches them again.
      `    \`], [], execute)
    types.forEach(`,
      `    \`], [], execute).catch(() => []) ${LOST}
    types.forEach(`,
    ],
  ],
  },
};

const require = createRequire(import.meta.url);
let root;
try {
  // The package exports no package.json: walk up from its entry point.
  root = path.dirname(require.resolve('postgres'));
} catch {
  process.exit(0); // not installed (yet): nothing to patch
}
const isRoot = (dir) => existsSync(path.join(dir, 'package.json')) && JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).name === 'postgres';
while (!isRoot(root)) {
  if (path.dirname(root) === root) process.exit(0);
  root = path.dirname(root);
}
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
let patched = 0;
for (const dir of ['src', 'cjs/src']) {
  for (const [marker, files] of Object.entries(EDITS)) {
    for (const [name, edits] of Object.entries(files)) {
      const file = path.join(root, dir, name);
      if (!existsSync(file)) continue;
      let text = readFileSync(file, 'utf8');
      if (text.includes(marker)) continue;
      for (const [from, to] of edits) {
        if (!text.includes(from)) {
          process.stderr.write(`patch-postgres: ${file} (postgres ${version}) does not look like 3.4.9's; check whether upstream fixed the closed-connection bugs\n`);
          process.exit(1);
        }
        text = text.replace(from, to);
      }
      writeFileSync(file, text);
      patched++;
    }
  }
}
if (patched > 0) process.stdout.write(`patch-postgres: patched ${patched} file(s) of postgres ${version}\n`);
