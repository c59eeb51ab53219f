import type { Block } from './blocks.js';

/** Why an extracted article may be less than the whole story, for the store to keep and show. */
export type QualityFlag =
  | 'too-short'
  | 'paywall-teaser'
  | 'needs-javascript'
  | 'leaked-boilerplate'
  | 'text-from-json-ld';

/** Hints about a page beyond its main text. */
export interface PageSignals {
  /** The page says it is not free to read: JSON-LD isAccessibleForFree=false or a paywall box. */
  paywalled: boolean;
  /** The page asks for JavaScript or is an empty application shell. */
  needsJavaScript: boolean;
}

/** Below this many characters an extracted story is flagged as short (a brief, a teaser). */
const SHORT_CHARS = 500;

const PAYWALL_NAME =
  /paywall|regwall|subscriber-only|premium-content|(^|[-_\s])(piano|metere?d?|locked)([-_\s]|$)/i;
const PAYWALL_TEXT =
  /subscri(be|ption)|already a (subscriber|member)|sign in to (read|continue)|continue reading/i;
const NEEDS_JS = /(enable|turn on|requires?) javascript|javascript (is )?(disabled|required)/i;
const APP_SHELL = '#root, #__next, #app, #__nuxt, [ng-app], [data-reactroot]';

// Phrases of site chrome; found in the main text they mean a rule missed something.
const LEAKED = new RegExp(
  '\\b(accept (all )?cookies|we use cookies|sign up for our newsletter|all rights reserved|' +
    'share (this|on) (article|facebook|twitter))\\b',
  'i',
);

/** Whether one of the elements removed as boilerplate is a paywall box asking to subscribe. */
export function hasPaywallBox(removed: Element[]): boolean {
  return removed.some((el) => {
    const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    return PAYWALL_NAME.test(names) && PAYWALL_TEXT.test(el.textContent ?? '');
  });
}

/** Whether a page, before cleaning, asks for JavaScript or is an empty application shell. */
export function asksForJavaScript(doc: Document): boolean {
  const noscript = Array.from(doc.querySelectorAll('noscript')).some((el) =>
    NEEDS_JS.test(el.textContent ?? ''),
  );
  if (noscript) return true;
  const shell = doc.querySelector(APP_SHELL);
  return shell !== null && (shell.textContent ?? '').trim().length < 200;
}

/** The quality flags of an extracted text. */
export function qualityFlags(
  blocks: Block[],
  signals: PageSignals,
  fromJsonLd: boolean,
): QualityFlag[] {
  const chars = blocks.reduce((n, b) => n + b.text.length, 0);
  const flags: QualityFlag[] = [];
  if (chars < SHORT_CHARS) flags.push('too-short');
  if (signals.paywalled && chars < 2500) flags.push('paywall-teaser');
  if (signals.needsJavaScript && chars < 1500) flags.push('needs-javascript');
  if (blocks.some((b) => b.text.length < 300 && LEAKED.test(b.text)))
    flags.push('leaked-boilerplate');
  if (fromJsonLd) flags.push('text-from-json-ld');
  return flags;
}
