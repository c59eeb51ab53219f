import { XMLParser } from 'fast-xml-parser';
import { parseDateUtc } from './dates.js';

export type XmlNode = Record<string, unknown>;

// Entities stay unexpanded: feeds and sitemaps are untrusted input, and DOCTYPE entities are how
// "billion laughs" documents blow up memory. The five XML entities are decoded by hand below.
const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['item', 'entry', 'link', 'url', 'sitemap'].includes(name),
});

/**
 * Parses an untrusted XML document into plain objects, or throws `refuse(reason)` with a reason
 * such as "body is an HTML page", "body is JSON", "malformed XML (...)" or "the document declares
 * its own entities".
 */
export function parseXml(
  body: string,
  refuse: (reason: string, cause?: unknown) => Error,
): XmlNode {
  const head = body
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (head === '') throw refuse('empty body');
  if (head.startsWith('{') || head.startsWith('[')) throw refuse('body is JSON');
  if (!head.startsWith('<')) throw refuse('body is not XML');
  if (/^(<\?xml[^>]*>\s*)?(<!doctype html|<html)/.test(head)) throw refuse('body is an HTML page');
  // Any internal DTD subset with an entity declaration, wherever it sits: a `]` in a comment of
  // the subset must not hide the declarations after it.
  if (/<!doctype\s[^>[]*\[/i.test(body) && /<!entity\s/i.test(body)) {
    throw refuse('the document declares its own entities');
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch (err) {
    throw refuse(`malformed XML (${err instanceof Error ? err.message : String(err)})`, err);
  }
  if (!isRecord(parsed)) throw refuse('no root element');
  return parsed;
}

/** The name of the root element of a parsed document, for error messages. */
export function rootName(root: XmlNode): string | undefined {
  return Object.keys(root).find((key) => !key.startsWith('?'));
}

export function firstText(value: unknown): string | undefined {
  return textOf(Array.isArray(value) ? value[0] : value);
}

export function textOf(value: unknown): string | undefined {
  const raw = isRecord(value) ? value['#text'] : value;
  if (typeof raw !== 'string') return undefined;
  return decodeXmlEntities(raw).replace(/\s+/g, ' ').trim();
}

export function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeXmlEntities(value).trim() : undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined XML entities and character references, nothing user-defined. */
export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = hex ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

export function isRecord(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A feed or sitemap date (RFC 822, RFC 3339, W3C datetime); one without an offset is UTC. */
export function parseXmlDate(text: string | undefined): Date | undefined {
  return parseDateUtc(text) ?? undefined;
}
