/** One paragraph-like piece of text: a paragraph, heading, list item, quote or table cell. */
export interface Block {
  /** Whitespace collapsed to single spaces, trimmed; never empty. */
  text: string;
  /** The nearest block-level element's tag, lowercase (`p`, `h2`, `li`, `div`, ...). */
  tag: string;
  /** Characters of `text` that sit inside links. */
  linkChars: number;
  /** Whether an image comes between the previous block and this one, as before a caption. */
  afterImage: boolean;
}

export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);

// Never article text, even where a sloppy page puts them inside the body.
const SKIPPED_TAGS = new Set(['script', 'style', 'noscript', 'template', 'title']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The text of `root` split at block elements into blocks, each one's whitespace collapsed. */
export function blocksOf(root: Node): Block[] {
  const blocks: Block[] = [];
  let raw = '';
  let linkRaw = 0;
  let tag = 'div';
  let image = false;
  const flush = (): void => {
    const text = raw.replace(/\s+/g, ' ').trim();
    if (text !== '') {
      blocks.push({ text, tag, linkChars: Math.min(text.length, linkRaw), afterImage: image });
      image = false;
    }
    raw = '';
    linkRaw = 0;
  };
  const walk = (node: Node, inLink: boolean, blockTag: string): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const piece = child.textContent ?? '';
        if (raw.trim() === '') tag = blockTag;
        raw += piece;
        if (inLink) linkRaw += piece.replace(/\s+/g, ' ').length;
        continue;
      }
      if (child.nodeType !== ELEMENT_NODE) continue;
      const name = (child as Element).tagName.toLowerCase();
      if (SKIPPED_TAGS.has(name)) continue;
      if (name === 'br') raw += ' ';
      if (name === 'img' || name === 'picture') {
        // An image inside a paragraph's text is decoration, not the start of a caption.
        if (raw.trim() === '') image = true;
        continue;
      }
      const block = BLOCK_TAGS.has(name);
      if (block) flush();
      walk(child, inLink || name === 'a', block ? name : blockTag);
      if (block) flush();
    }
  };
  walk(root, false, 'div');
  flush();
  return blocks;
}

/** Share of a block's characters inside links, 0 to 1. */
export function linkDensity(block: Block): number {
  return block.text.length === 0 ? 0 : block.linkChars / block.text.length;
}

export function wordCount(text: string): number {
  return text.split(' ').length;
}
