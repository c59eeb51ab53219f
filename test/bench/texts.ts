import { demoArticles } from '../../src/demo/index.js';

/** The bench corpus: the demo world's articles, title and body as the analyze stage reads them. */
export function benchTexts(): { title: string; text: string; outletId: string; publishedAt: string; slug: string }[] {
  return demoArticles().map((a) => ({
    title: a.title,
    text: a.paragraphs.join('\n\n'),
    outletId: a.outletId,
    publishedAt: a.publishedAt,
    slug: a.slug,
  }));
}
