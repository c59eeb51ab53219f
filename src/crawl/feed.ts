import { XMLParser } from 'fast-xml-parser';
import { PermanentError } from '../errors.js';
import { resolveHttpUrl } from './url.js';

/** One entry of a feed: the article URL (absolute, normalised) and what the feed says about it. */
export interface FeedEntry {
  url: string;
  title?: string;
  publishedAt?: Date;
}

type XmlNode = Record<string, unknown>;

// Entities stay unexpanded: a feed is untrusted input, and DOCTYPE entities are how
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
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF) or Atom document into its entries, in document order, with
 * links resolved against `feedUrl`. Entries without an http(s) link are left out.
 *
 * Throws a PermanentError "not an RSS/Atom feed: <reason>" for HTML, JSON, other XML, malformed
 * XML and documents that declare their own entities.
 */
export function parseFeed(body: string, feedUrl: string): FeedEntry[] {
  const root = parseRoot(body);
  if (isRecord(root.rss)) return rssEntries(root.rss, feedUrl);
  if (isRecord(root.RDF)) return rdfEntries(root.RDF, feedUrl);
  if (isRecord(root.feed)) return atomEntries(root.feed, feedUrl);
  const name = Object.keys(root).find((key) => !key.startsWith('?'));
  throw notAFeed(name === undefined ? 'no root element' : `root element is <${name}>`);
}

function parseRoot(body: string): XmlNode {
  const head = body.replace(/^\uFEFF/, '').trimStart().slice(0, 512).toLowerCase();
  if (head === '') throw notAFeed('empty body');
  if (head.startsWith('{') || head.startsWith('[')) throw notAFeed('body is JSON');
  if (!head.startsWith('<')) throw notAFeed('body is not XML');
  if (/^(<\?xml[^>]*>\s*)?(<!doctype html|<html)/.test(head)) {
    throw notAFeed('body is an HTML page');
  }
  if (/<!doctype[^>]*\[[^\]]*<!entity/i.test(body)) {
    throw notAFeed('the document declares its own entities');
  }
  let parsed: unknown;
  try {
    parsed = parser.parse(body);
  } catch (err) {
    throw notAFeed(`malformed XML (${err instanceof Error ? err.message : String(err)})`, err);
  }
  if (!isRecord(parsed)) throw notAFeed('no root element');
  return parsed;
}

function rssEntries(rss: XmlNode, feedUrl: string): FeedEntry[] {
  const channel = isRecord(rss.channel) ? rss.channel : {};
  return toEntries(channel.item, (item) => ({
    href: rssLink(item),
    title: textOf(item.title),
    date: textOf(item.pubDate) ?? textOf(item.date),
  }), feedUrl);
}

function rdfEntries(rdf: XmlNode, feedUrl: string): FeedEntry[] {
  // RSS 1.0 puts items next to the channel, not inside it.
  return toEntries(rdf.item, (item) => ({
    href: firstText(item.link) ?? attr(item, 'about'),
    title: textOf(item.title),
    date: textOf(item.date),
  }), feedUrl);
}

function atomEntries(feed: XmlNode, feedUrl: string): FeedEntry[] {
  return toEntries(feed.entry, (entry) => ({
    href: atomLink(entry.link),
    title: atomText(entry.title),
    date: textOf(entry.published) ?? textOf(entry.updated),
  }), feedUrl);
}

interface RawEntry {
  href: string | undefined;
  title: string | undefined;
  date: string | undefined;
}

function toEntries(
  items: unknown,
  read: (item: XmlNode) => RawEntry,
  feedUrl: string,
): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const item of Array.isArray(items) ? items : []) {
    if (!isRecord(item)) continue;
    const raw = read(item);
    const url = raw.href === undefined ? undefined : resolveHttpUrl(raw.href, feedUrl);
    if (url === undefined) continue;
    const entry: FeedEntry = { url };
    if (raw.title !== undefined && raw.title !== '') entry.title = raw.title;
    const publishedAt = parseFeedDate(raw.date);
    if (publishedAt !== undefined) entry.publishedAt = publishedAt;
    entries.push(entry);
  }
  return entries;
}

function rssLink(item: XmlNode): string | undefined {
  const link = firstText(item.link);
  if (link !== undefined && link !== '') return link;
  // A guid is only a URL when it does not say otherwise.
  const guid = item.guid;
  if (isRecord(guid) && attr(guid, 'isPermaLink') === 'false') return undefined;
  return textOf(guid);
}

function atomLink(links: unknown): string | undefined {
  const candidates = (Array.isArray(links) ? links : []).filter(isRecord);
  const alternate = candidates.find((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  return attr(alternate ?? candidates[0] ?? {}, 'href');
}

/** Feed dates are RFC 822 (RSS) or RFC 3339 (Atom, Dublin Core); both carry their offset. */
function parseFeedDate(text: string | undefined): Date | undefined {
  if (text === undefined) return undefined;
  const date = new Date(text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function firstText(value: unknown): string | undefined {
  return textOf(Array.isArray(value) ? value[0] : value);
}

function textOf(value: unknown): string | undefined {
  const raw = isRecord(value) ? value['#text'] : value;
  if (typeof raw !== 'string') return undefined;
  return decodeXmlEntities(raw).replace(/\s+/g, ' ').trim();
}

/** Atom text constructs of type html carry escaped markup: one more decoding, then no tags. */
function atomText(value: unknown): string | undefined {
  const text = textOf(value);
  if (text === undefined || !isRecord(value) || attr(value, 'type') !== 'html') return text;
  return decodeXmlEntities(text.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
}

function attr(node: XmlNode, name: string): string | undefined {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? decodeXmlEntities(value).trim() : undefined;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the predefined XML entities and character references, nothing user-defined. */
function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = hex ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

function isRecord(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAFeed(reason: string, cause?: unknown): PermanentError {
  const message = `not an RSS/Atom feed: ${reason}`;
  return new PermanentError(message, cause === undefined ? undefined : { cause });
}
