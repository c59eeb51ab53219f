import { accessSync, constants } from 'node:fs';

/**
 * The Chromium the browser tests drive: Debian's package unless `TEST_CHROMIUM_PATH` names
 * another (a missing path there is how the skip itself is tested).
 */
export const TEST_CHROMIUM_PATH = process.env.TEST_CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_INSTALL_HINT = 'install it with `apt-get install chromium` (Debian/Ubuntu)';

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a browser suite should skip: only when Chromium is missing and `CI` is not set. Under
 * `CI=true` a missing browser must fail the run, so the suite runs and its launch fails. When
 * skipping, says so on stderr with how to install it, so a fresh clone's `npm test` explains
 * itself.
 */
export function skipWithoutChromium(suite: string): boolean {
  if (executable(TEST_CHROMIUM_PATH)) return false;
  if (process.env.CI === 'true' || process.env.CI === '1') return false;
  process.stderr.write(`skipping ${suite}: no Chromium at ${TEST_CHROMIUM_PATH}; ${CHROMIUM_INSTALL_HINT}\n`);
  return true;
}
