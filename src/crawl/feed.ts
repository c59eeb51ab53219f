import { PermanentError } from '../errors.js';
import { feedEntry, type FeedEntry, type RawEntry } from './feed-entry.js';
import { parseJsonFeed } from './json-feed.js';
import {
  attr,
  decodeXmlEntities,
  firstText,
  isRecord,
  parseXml,
  rootName,
  textOf,
  type XmlNode,
} from './xml.js';

export type { FeedEntry };

/**
 * Reads an RSS 2.0, RSS 1.0 (RDF), Atom or JSON Feed document into its entries, in document
 * order, with links resolved against `feedUrl`. Entries without an http(s) link are left out.
 *
 * Throws a PermanentError "not an RSS/Atom feed: <reason>" for HTML, JSON that is not a JSON
 * Feed, other XML, malformed XML and documents that declare their own entities.
 */
export function parseFeed(body: string, feedUrl: string): FeedEntry[] {
  const start = body.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return parseJsonFeed(start, feedUrl, notAFeed);
  const root = parseXml(body, notAFeed);
  if (isRecord(root.rss)) return rssEntries(root.rss, feedUrl);
  if (isRecord(root.RDF)) return rdfEntries(root.RDF, feedUrl);
  if (isRecord(root.feed)) return atomEntries(root.feed, feedUrl);
  const name = rootName(root);
  throw notAFeed(name === undefined ? 'no root element' : `root element is <${name}>`);
}

function rssEntries(rss: XmlNode, feedUrl: string): FeedEntry[] {
  const channel = isRecord(rss.channel) ? rss.channel : {};
  return toEntries(
    channel.item,
    (item) => ({
      href: rssLink(item),
      title: textOf(item.title),
      date: textOf(item.pubDate) ?? textOf(item.date),
    }),
    feedUrl,
  );
}

function rdfEntries(rdf: XmlNode, feedUrl: string): FeedEntry[] {
  // RSS 1.0 puts items next to the channel, not inside it.
  return toEntries(
    rdf.item,
    (item) => ({
      href: firstText(item.link) ?? attr(item, 'about'),
      title: textOf(item.title),
      date: textOf(item.date),
    }),
    feedUrl,
  );
}

function atomEntries(feed: XmlNode, feedUrl: string): FeedEntry[] {
  return toEntries(
    feed.entry,
    (entry) => ({
      href: atomLink(entry.link),
      title: atomText(entry.title),
      date: textOf(entry.published) ?? textOf(entry.updated),
    }),
    feedUrl,
  );
}

function toEntries(
  items: unknown,
  read: (item: XmlNode) => RawEntry,
  feedUrl: string,
): FeedEntry[] {
  const entries: FeedEntry[] = [];
  for (const item of Array.isArray(items) ? items : []) {
    if (!isRecord(item)) continue;
    const entry = feedEntry(read(item), feedUrl);
    if (entry !== undefined) entries.push(entry);
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

/** Atom text constructs of type html carry escaped markup: one more decoding, then no tags. */
function atomText(value: unknown): string | undefined {
  const text = textOf(value);
  if (text === undefined || !isRecord(value) || attr(value, 'type') !== 'html') return text;
  return decodeXmlEntities(text.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

function notAFeed(reason: string, cause?: unknown): PermanentError {
  const message = `not an RSS/Atom feed: ${reason}`;
  return new PermanentError(message, cause === undefined ? undefined : { cause });
}
