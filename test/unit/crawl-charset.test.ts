import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { asUtf8Response, decodeBody, readCappedBody } from '../../src/crawl/body.js';

const RUSSIAN = 'Министры договорились о продлении зернового коридора';
const CHINESE = '外交部长同意延长粮食走廊';
const JAPANESE = '外務大臣は穀物回廊の延長で合意した';

const html = (head: string, text: string) =>
  `<!doctype html><html><head>${head}<title>t</title></head><body><p>${text}</p></body></html>`;

describe('decodeBody', () => {
  it('decodes windows-1251 named by the Content-Type header', () => {
    const bytes = iconv.encode(html('', RUSSIAN), 'windows-1251');
    const decoded = decodeBody(bytes, 'text/html; charset=windows-1251');
    expect(decoded).toMatchObject({ charset: 'windows-1251' });
    expect(decoded.text).toContain(RUSSIAN);
  });

  it('decodes windows-1251 named only by <meta charset>', () => {
    const bytes = iconv.encode(html('<meta charset="windows-1251">', RUSSIAN), 'windows-1251');
    expect(decodeBody(bytes, 'text/html').text).toContain(RUSSIAN);
  });

  it('decodes gb2312 named by <meta http-equiv>, as GBK like browsers', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">';
    const bytes = iconv.encode(html(head, CHINESE), 'gbk');
    const decoded = decodeBody(bytes, undefined);
    expect(decoded).toMatchObject({ charset: 'gbk' });
    expect(decoded.text).toContain(CHINESE);
  });

  it('decodes shift_jis named by the header, whatever a wrong <meta> says', () => {
    const bytes = iconv.encode(html('<meta charset="utf-8">', JAPANESE), 'shift_jis');
    expect(decodeBody(bytes, 'text/html; charset=Shift_JIS').text).toContain(JAPANESE);
  });

  it('lets a byte order mark win over the header, and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(html('', RUSSIAN))]);
    const decoded = decodeBody(bytes, 'text/html; charset=windows-1251');
    expect(decoded.charset).toBe('utf-8');
    expect(decoded.text.startsWith('<!doctype')).toBe(true);
    expect(decoded.text).toContain(RUSSIAN);
  });

  it('reads a UTF-16 page by its byte order mark', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(html('', CHINESE), 'utf-16le'),
    ]);
    expect(decodeBody(bytes, 'text/html').text).toContain(CHINESE);
  });

  it('decodes a feed by its XML declaration', () => {
    const xml = `<?xml version="1.0" encoding="windows-1251"?><rss><channel><title>${RUSSIAN}</title></channel></rss>`;
    expect(decodeBody(iconv.encode(xml, 'windows-1251'), 'application/rss+xml').text).toContain(
      RUSSIAN,
    );
  });

  it('reads iso-8859-1 as windows-1252 and skips a label it does not know', () => {
    const bytes = Buffer.from([0x93, 0x68, 0x69, 0x94]);
    expect(decodeBody(bytes, 'text/html; charset=iso-8859-1').text).toBe('“hi”');
    expect(decodeBody(Buffer.from('héllo'), 'text/html; charset=x-unknown').text).toBe('héllo');
  });
});

function message(chunks: Buffer[], headers: Record<string, string> = {}): IncomingMessage {
  const msg = new IncomingMessage(new Socket());
  msg.headers = headers;
  for (const chunk of chunks) msg.push(chunk);
  msg.push(null);
  return msg;
}

describe('readCappedBody', () => {
  it('reads a body under the limit', async () => {
    const body = await readCappedBody(message([Buffer.from('abc'), Buffer.from('def')]), 10);
    expect(body.toString()).toBe('abcdef');
  });

  it('stops a body that grows past the limit', async () => {
    const chunks = Array.from({ length: 10 }, () => Buffer.alloc(100, 'x'));
    await expect(readCappedBody(message(chunks), 450)).rejects.toThrow(
      'response too large (over 450 bytes)',
    );
  });

  it('refuses at once a body whose Content-Length is over the limit', async () => {
    const msg = message([Buffer.from('x')], { 'content-length': '5000' });
    await expect(readCappedBody(msg, 450)).rejects.toThrow('response too large (over 450 bytes)');
  });
});

describe('asUtf8Response', () => {
  it('carries status, headers and URL with the charset set to UTF-8', async () => {
    const original = message([], { 'content-type': 'text/html; charset=windows-1251', 'x-a': '1' });
    original.statusCode = 200;
    original.url = 'https://news.example/a';
    const copy = asUtf8Response(original, RUSSIAN);
    expect(copy).toMatchObject({ statusCode: 200, url: 'https://news.example/a' });
    expect(copy.headers).toEqual({ 'content-type': 'text/html; charset=utf-8', 'x-a': '1' });
    expect((await readCappedBody(copy, 1000)).toString('utf8')).toBe(RUSSIAN);
  });
});
