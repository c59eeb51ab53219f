import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { benchTexts } from './texts.js';

/**
 * The crawl bench's news sites: one HTTP server per loopback address 127.0.0.2, 127.0.0.3, …, so
 * that each is a host of its own for per-host politeness. Each serves an RSS feed of its article
 * pages (`/feed.xml?count=N`) and the pages themselves, built from the demo world's texts with
 * the furniture of a real news page (navigation, JSON-LD, OpenGraph, byline, related links,
 * footer) at about 20 KB each. It runs in a process of its own, so that serving does not count
 * against the crawler being measured.
 */

const texts = benchTexts();

/** The path of article `i` of a host, dated like real news URLs. */
export function articlePath(i: number): string {
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `/news/2026/11/${day}/story-${i}-${texts[i % texts.length]!.slug}`;
}

const NAV = Array.from({ length: 40 }, (_, k) => `<li><a href="/section/${k}/">Section ${k}</a></li>`).join('');
const FOOTER = Array.from({ length: 30 }, (_, k) => `<a href="/about/page-${k}">About ${k}</a>`).join(' | ');

/** Article page `i` of `host`. */
export function articleHtml(host: string, i: number): string {
  const t = texts[i % texts.length]!;
  const paragraphs = t.text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  const related = Array.from(
    { length: 8 },
    (_, k) => `<li><a href="${articlePath(i + k + 1)}">${texts[(i + k + 1) % texts.length]!.title}</a></li>`,
  ).join('');
  const ld = JSON.stringify({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: t.title,
    datePublished: t.publishedAt,
    author: { '@type': 'Person', name: `Reporter ${i % 17}` },
    publisher: { '@type': 'Organization', name: `Bench News ${host}` },
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${t.title} | Bench News</title>
<meta property="og:title" content="${t.title}"><meta property="og:type" content="article">
<meta property="article:published_time" content="${t.publishedAt}">
<meta name="author" content="Reporter ${i % 17}"><link rel="canonical" href="http://${host}${articlePath(i)}">
<script type="application/ld+json">${ld}</script>
<style>${'.c{margin:0;padding:0}'.repeat(60)}</style></head>
<body><header><div class="logo">Bench News</div><nav><ul>${NAV}</ul></nav>
<div class="newsletter">Sign up to our newsletter for the day's top stories.</div></header>
<main><article><h1>${t.title}</h1>
<div class="byline">By Reporter ${i % 17} <time datetime="${t.publishedAt}">${t.publishedAt}</time></div>
<figure><img src="/img/${i}.jpg" alt=""><figcaption>A photo for the story. Photo: Agency</figcaption></figure>
${paragraphs}
<div class="share">Share on social media</div></article>
<aside><h2>Related</h2><ul>${related}</ul></aside></main>
<footer>${FOOTER}<p>© Bench News. All rights reserved.</p></footer>
<script>${'var a=1;'.repeat(200)}</script></body></html>`;
}

function feedXml(host: string, count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const t = texts[i % texts.length]!;
    return `<item><title>${t.title}</title><link>http://${host}${articlePath(i)}</link><pubDate>${new Date(t.publishedAt).toUTCString()}</pubDate></item>`;
  }).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bench News ${host}</title>${items}</channel></rss>`;
}

function serve(address: string): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? address}`);
    if (url.pathname === '/feed.xml') {
      const count = Number(url.searchParams.get('count') ?? 100);
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(feedXml(url.host, count));
      return;
    }
    const m = /^\/news\/\d{4}\/\d{2}\/\d{2}\/story-(\d+)-/.exec(url.pathname);
    if (m === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    // Built per request (a few µs): caching 20,000 pages of 20 KB would cost 400 MB here.
    const body = Buffer.from(articleHtml(url.host, Number(m[1])));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
  });
  return new Promise((resolve) => server.listen(0, address, () => resolve(server)));
}

/** The fixture in a child process; resolves once every host listens. */
export async function startCrawlFixture(hosts: number): Promise<{ origins: string[]; stop(): void }> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', new URL(import.meta.url).pathname, String(hosts)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const origins = await new Promise<string[]>((resolve, reject) => {
    lines.once('line', (line) => resolve(JSON.parse(line) as string[]));
    child.once('exit', (code) => reject(new Error(`crawl fixture exited with ${code}`)));
  });
  return { origins, stop: () => child.kill() };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const hosts = Number(process.argv[2] ?? 20);
  const servers = await Promise.all(
    Array.from({ length: hosts }, (_, k) => serve(`127.0.0.${k + 2}`)),
  );
  const origins = servers.map((s) => {
    const a = s.address() as { address: string; port: number };
    return `http://${a.address}:${a.port}`;
  });
  process.stdout.write(`${JSON.stringify(origins)}\n`);
}
