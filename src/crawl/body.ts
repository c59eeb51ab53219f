import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { NonRetryableError } from 'crawlee';
import iconv from 'iconv-lite';

/** Responses above this many bytes are cut off and recorded as too large. @defaultValue 10 MiB */
export const DEFAULT_MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

/** How far into a document the <meta charset> or XML declaration is looked for, as browsers do. */
const PRESCAN_BYTES = 1024;

/** The request attempt ran past its deadline: retryable (the site may be slow right now). */
export class DeadlineError extends Error {
  override readonly name = 'DeadlineError';
}

/**
 * Reads a response body, stopping the download and throwing "response too large" as soon as it
 * passes `maxBytes` (a 2 GB "article" must not fill the worker's memory), and "timed out" when
 * the attempt's `deadline` (ms since the epoch) passes before the body is complete: a page that
 * trickles a byte a second must not hold a crawl slot for minutes.
 */
export async function readCappedBody(stream: IncomingMessage, maxBytes: number, deadline?: number): Promise<Buffer> {
  const declared = Number(stream.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(stream, maxBytes);
  const chunks: Buffer[] = [];
  let total = 0;
  let timer: NodeJS.Timeout | undefined;
  if (deadline !== undefined) {
    const late = () => stream.destroy(new DeadlineError('timed out: the download did not finish within the request timeout'));
    const left = deadline - Date.now();
    if (left <= 0) late();
    else timer = setTimeout(late, left);
  }
  try {
    for await (const chunk of stream) {
      const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
      total += bytes.length;
      if (total > maxBytes) throw tooLarge(stream, maxBytes);
      chunks.push(bytes);
    }
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(stream: IncomingMessage, maxBytes: number): NonRetryableError {
  stream.destroy();
  return new NonRetryableError(`response too large (over ${maxBytes} bytes)`);
}

/** A decoded body and the character encoding it was decoded from. */
export interface DecodedBody {
  text: string;
  charset: string;
}

/**
 * Decodes a body the way browsers do: a byte order mark first, then the charset of the
 * Content-Type header, then a `<meta charset>` (or `http-equiv` Content-Type) or an XML
 * declaration in the first 1024 bytes, then UTF-8. Labels are read as the WHATWG Encoding
 * standard says (`iso-8859-1` is windows-1252, `gb2312` is GBK); an unknown one falls through to
 * the next source.
 */
export function decodeBody(bytes: Buffer, contentType: string | undefined): DecodedBody {
  const bom = bomCharset(bytes);
  if (bom !== undefined) {
    return { text: iconv.decode(bytes, bom.charset).replace(/^\uFEFF/, ''), charset: bom.charset };
  }
  const head = bytes.subarray(0, PRESCAN_BYTES).toString('latin1');
  const candidates = [headerCharset(contentType), metaCharset(head), xmlCharset(head)];
  for (const label of candidates) {
    const charset = label === undefined ? undefined : normalizeCharset(label);
    if (charset !== undefined) return { text: iconv.decode(bytes, charset), charset };
  }
  return { text: iconv.decode(bytes, 'utf-8'), charset: 'utf-8' };
}

function bomCharset(bytes: Buffer): { charset: string } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: 'utf-8' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: 'utf-16be' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: 'utf-16le' };
  return undefined;
}

function headerCharset(contentType: string | undefined): string | undefined {
  return /;\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? '')?.[1];
}

/** `<meta charset=x>` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`. */
function metaCharset(head: string): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1];
}

function xmlCharset(head: string): string | undefined {
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
}

// Labels whose WHATWG meaning differs from the name iconv-lite gives them.
const WHATWG_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gbk',
  'x-gbk': 'gbk',
  'x-sjis': 'shift_jis',
  // A document cannot declare itself UTF-16 from inside: its bytes would not read as ASCII.
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
};

function normalizeCharset(label: string): string | undefined {
  const lower = label.trim().toLowerCase();
  const charset = WHATWG_ALIASES[lower] ?? lower;
  return iconv.encodingExists(charset) ? charset : undefined;
}

/**
 * The same response with its body replaced by `text` in UTF-8 and the Content-Type charset
 * updated, so that Crawlee, which only knows the header's charset, reads it correctly.
 */
export function asUtf8Response(original: IncomingMessage, text: string): IncomingMessage {
  const message = new IncomingMessage(new Socket());
  message.statusCode = original.statusCode;
  message.statusMessage = original.statusMessage;
  message.url = original.url;
  const type = original.headers['content-type'];
  message.headers =
    type === undefined
      ? { ...original.headers }
      : { ...original.headers, 'content-type': utf8ContentType(type) };
  message.push(Buffer.from(text, 'utf8'));
  message.push(null);
  return message;
}

function utf8ContentType(contentType: string): string {
  return `${contentType.split(';')[0]!.trim()}; charset=utf-8`;
}
