import { LABEL } from './run.js';

/** Where Debian's chromium package puts the browser. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Labels a `render: browser` outlet fetches in the browser; feeds, sitemaps and robots.txt stay
 * plain HTTP (a browser shows XML as a document tree, and adds nothing to them).
 */
export const BROWSER_LABELS: ReadonlySet<string> = new Set([
  LABEL.homepage,
  LABEL.section,
  LABEL.article,
]);
