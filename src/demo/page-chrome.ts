import { escapeHtml } from './html.js';
import { feedPath, homePath } from './urls.js';
import type { DemoOutletMeta } from './world/index.js';

// Site furniture around the story: real news pages carry all of it; an extractor must drop it.

const SECTIONS = ['World', 'Europe', 'Asia', 'Business', 'Politics', 'Opinion', 'Sport'];

function sectionHref(outlet: DemoOutletMeta, section: string): string {
  return `${homePath(outlet.slugPrefix)}?section=${encodeURIComponent(section.toLowerCase())}`;
}

/** `<head>` lines shared by every page of an outlet. */
export function commonHead(outlet: DemoOutletMeta): string {
  return [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(outlet.name)}" href="${feedPath(outlet.slugPrefix)}">`,
    '<style>body{font-family:Georgia,serif;margin:0;color:#222}main{max-width:46rem;margin:0 auto;padding:1rem}' +
      '.site-header,.site-footer{background:#14324a;color:#fff;padding:1rem}.site-header a,.site-footer a{color:#fff}' +
      '.cookie-banner{background:#f4f0e6;padding:.75rem;font-size:.9rem}.byline,time{color:#666}</style>',
  ].join('\n');
}

export function siteHeader(outlet: DemoOutletMeta): string {
  const links = SECTIONS.map(
    (s) => `<li><a href="${sectionHref(outlet, s)}">${escapeHtml(s)}</a></li>`,
  ).join('');
  return `<header class="site-header">
<div class="masthead"><a class="logo" href="${homePath(outlet.slugPrefix)}">${escapeHtml(outlet.name)}</a>
<p class="tagline">${escapeHtml(outlet.tagline)}</p>
<a class="subscribe" href="${homePath(outlet.slugPrefix)}?subscribe=1">Subscribe from 1 euro a week</a></div>
<nav class="main-nav" aria-label="Main menu"><ul><li><a href="${homePath(outlet.slugPrefix)}">Home</a></li>${links}</ul></nav>
</header>`;
}

export function cookieBanner(outlet: DemoOutletMeta): string {
  return `<div class="cookie-banner" role="dialog" aria-label="Cookie consent">
<p>${escapeHtml(outlet.name)} and our partners use cookies to improve your experience, personalise content and advertising, and analyse our traffic. By continuing to browse, you agree to our use of cookies.</p>
<button type="button">Accept all</button> <button type="button">Manage preferences</button>
</div>`;
}

export function newsletterBox(outlet: DemoOutletMeta): string {
  return `<section class="newsletter" aria-label="Newsletter">
<h2>The Morning Briefing</h2>
<p>The day's most important stories from ${escapeHtml(outlet.name)}, in your inbox before breakfast. Free for registered readers.</p>
<form onsubmit="return false"><label>E-mail address <input type="email" name="email" placeholder="you@example.org"></label> <button type="submit">Sign up</button></form>
</section>`;
}

export function siteFooter(outlet: DemoOutletMeta): string {
  const home = homePath(outlet.slugPrefix);
  const pages = ['About us', 'Contact', 'Corrections', 'Privacy policy', 'Terms of use'];
  const link = (p: string): string => {
    const slug = p.toLowerCase().replace(/ /g, '-');
    return `<a href="${home}?page=${slug}">${escapeHtml(p)}</a>`;
  };
  const links = pages.map(link).join(' | ');
  return `<footer class="site-footer">
<nav aria-label="Footer">${links}</nav>
<p>&copy; 2026 ${escapeHtml(outlet.name)}. All rights reserved. This is a fictional outlet of the stancewatch demo; every story on it was written for the demo.</p>
</footer>`;
}
