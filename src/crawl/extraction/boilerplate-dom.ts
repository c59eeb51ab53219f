/**
 * Removes the parts of a page that are never article text, before the main text is chosen: the
 * elements trafilatura discards (navigation, asides, figures and their captions, share bars,
 * related links, newsletter boxes, ads, comment sections, bylines and datelines) and hidden ones.
 */

// Containers of media, chrome and forms; the article text never lives inside them.
const DISCARD_TAGS = new Set([
  ...'aside nav footer header form button select textarea input label dialog menu'.split(' '),
  ...'figure figcaption picture video audio canvas svg iframe object embed map'.split(' '),
  ...'noscript template style script'.split(' '),
]);

const DISCARD_ROLES = new Set([
  ...'navigation complementary banner contentinfo dialog alertdialog search'.split(' '),
  ...'menu menubar toolbar tablist'.split(' '),
]);

// Class or id fragments of boilerplate that are unambiguous anywhere in a name.
const BOILERPLATE_FRAGMENT = new RegExp(
  [
    'related|recommend|more-?stories|more-?from|read-?more|read-?next|next-?post|up-?next',
    'popular|most-?read|trending|outbrain|taboola|zergnet|criteo|newsletter|subscribe|signup',
    'sign-up|promo|paywall|breadcrumb|crumbs|sidebar|widget|byline|author|contributor|caption',
    'credit|copyright|social|sharing|sharebar|addthis|sharethis|disqus|cookie|consent|gdpr',
    'modal|popup|overlay|masthead|skip-?link|pagination|pager|navbar|navigation|menu|toolbar',
    'timestamp|dateline|pubdate|advert|sponsor|dialog|disclosure|screen-?reader|sr-only',
    'off-?screen|visually-?hidden|slideshow|carousel|lightbox|gallery',
  ].join('|'),
);

// Short words that mark boilerplate only as a whole word of a name (`post-meta`, not `metal`).
const BOILERPLATE_WORD = new RegExp(
  `(^|[-_])(${[
    'ad|ads|adv|adslot|adunit|dfp|gpt|meta|tags?|topics|keywords|categories|date|dates|time',
    'published|updated|posted|nav|share|shares|comments?|replies|reply|respond|bio|bios',
    'footer|header|rail|tools|actions|print|reprints?|email|embed|video|player|media|cta|btn',
    'button|hidden|hide|invisible|d-none|banner',
  ].join('|')})([-_]|$)`,
);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Elements holding at least this share of the page's prose are never removed. */
const PROTECTED_SHARE = 0.5;

/**
 * Removes boilerplate elements from the body of `doc`, in place. An element that holds half or
 * more of the page's prose, or the schema.org articleBody, is kept whatever its name says:
 * a class like `premium-content` or `has-sidebar` on the article's own container is common.
 * Returns the removed elements, detached but whole.
 */
export function removeBoilerplate(doc: Document): Element[] {
  const root = doc.body ?? doc.documentElement;
  if (root === null) return [];
  const weights = proseWeights(root);
  const floor = Math.max(1, (weights.get(root) ?? 0) * PROTECTED_SHARE);
  const keep = articleBodyAncestors(root);
  const doomed: Element[] = [];
  const visit = (el: Element, inText: boolean): void => {
    for (const child of Array.from(el.children)) {
      const weight = weights.get(child) ?? 0;
      const held =
        weight >= floor || keep.has(child) || (weight >= floor / 4 && isStoryPart(child));
      if (!held && isBoilerplate(child, inText)) doomed.push(child);
      else visit(child, inText || TEXT_BLOCKS.has(child.tagName.toLowerCase()));
    }
  };
  visit(root, false);
  for (const el of doomed) el.remove();
  return doomed;
}

// Inside these, a class name like "date" marks a word of the sentence, not a separate block.
const TEXT_BLOCKS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
]);

/**
 * Whether an element, by its tag, role, visibility or class and id, is boilerplate. Within a
 * paragraph (`inText`) only what is hidden or is media counts.
 */
export function isBoilerplate(el: Element, inText = false): boolean {
  const tag = el.tagName.toLowerCase();
  if (DISCARD_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  if (style !== null && HIDDEN_STYLE.test(style)) return true;
  if (inText) return false;
  const role = el.getAttribute('role');
  if (role !== null && DISCARD_ROLES.has(role.toLowerCase())) return true;
  return hasBoilerplateName(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
}

function hasBoilerplateName(names: string): boolean {
  for (const name of names.toLowerCase().split(/\s+/)) {
    if (name !== '' && (BOILERPLATE_FRAGMENT.test(name) || BOILERPLATE_WORD.test(name))) {
      return true;
    }
  }
  return false;
}

/**
 * A run of real paragraphs: three or more <p> children of 80 characters or more. Paywalled parts
 * of a story (`div.paywall`, `section.premium`) look like this; link lists and teasers do not.
 */
function isStoryPart(el: Element): boolean {
  let paragraphs = 0;
  for (const child of Array.from(el.children)) {
    if (child.tagName === 'P' && (child.textContent ?? '').trim().length >= 80) paragraphs += 1;
    if (paragraphs >= 3) return true;
  }
  return false;
}

/** The schema.org articleBody elements and their ancestors: the publisher's own word. */
function articleBodyAncestors(root: Element): Set<Element> {
  const found = new Set<Element>();
  for (const body of Array.from(root.querySelectorAll('[itemprop~="articleBody"]'))) {
    for (let el: Element | null = body; el !== null && !found.has(el); el = el.parentElement) {
      found.add(el);
    }
  }
  return found;
}

/**
 * Characters of prose under each element: text runs of 25 characters or more outside links, so
 * that paragraphs count whether they sit in <p> elements or in <div>s broken by <br>, and menus
 * and teaser headlines do not.
 */
function proseWeights(root: Element): Map<Element, number> {
  const weights = new Map<Element, number>();
  const visit = (el: Element): number => {
    let weight = 0;
    for (const child of Array.from(el.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const length = (child.textContent ?? '').trim().length;
        if (length >= 25) weight += length;
      } else if (child.nodeType === ELEMENT_NODE) {
        const tag = (child as Element).tagName.toLowerCase();
        if (tag !== 'a' && tag !== 'script' && tag !== 'style') weight += visit(child as Element);
      }
    }
    weights.set(el, weight);
    return weight;
  };
  visit(root);
  return weights;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
