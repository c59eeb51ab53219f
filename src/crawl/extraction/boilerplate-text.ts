import { linkDensity, wordCount, type Block } from './blocks.js';
import { DATE_FILLER, MONTHS } from './date-words.js';

/**
 * Text-level rules for the boilerplate that survives the DOM pass because it sits in a plain
 * paragraph: "Read more" links, datelines, bylines, photo credits, newsletter prompts, author
 * bios and reporting credits at the end, copyright lines.
 */

// A short label that introduces links to other stories.
const TEASER_LABEL = oneOf(
  [
    'read more|see more|more',
    'related( articles?| stories| content| posts?| coverage| links?)?|also read|read also',
    "see also|don'?t miss|must read|recommended( for you)?|read next|up next",
    'more from [^:]{1,40}|watch|listen|explore( more)?|trending( now)?|popular',
    "latest( news)?|you (may|might) (also )?like|editor'?s picks?|further reading",
    'top stories',
  ],
  '^',
  '\\b',
);

// A heading over a list of links to other stories.
const TEASER_HEADING = oneOf(
  [
    'more|related|recommended|popular|trending|latest|most (read|popular|viewed)',
    "read more|see also|also read|you (may|might) (also )?like|editor'?s picks?",
    "further reading|don'?t miss|more from .+",
    '.*\\b(stories|articles|headlines|posts|reads|coverage|videos)',
  ],
  '^',
  '\\W*$',
);

// A whole block that is a control or a label, never a sentence of the story.
const CHROME_LINE = oneOf(
  [
    'advertisement|advertising|sponsored( content)?|anzeige|publicité|publicidad|реклама',
    'iklan|ad|share( this( article| story| page)?| on \\w+)?|tweet|e-?mail',
    'print( article)?|comments?|\\d+ comments?|leave a (comment|reply)|sign up',
    'subscribe( now)?|log ?in|sign in|click to tweet|loading( content)?|order reprints?',
    'text size|close|caption|(image|photo) \\d+ of \\d+|\\d+ of \\d+|back to top',
    'skip to (main )?content',
  ],
  '^',
  '[\\s.:…!]*$',
);

const NEWSLETTER = /\b(newsletter|inbox|breaking news alerts?)\b/i;
const NEWSLETTER_VERB = /^(sign up|subscribe|get|receive|join|let our news)\b/i;
const MEDIA_LABEL = /^(image|media|video) (copyright|caption|playback|source)\b/i;
const CREDIT_LABEL = /^(photo|image|picture|credit|foto|bild)s?( by| courtesy( of)?)?\s*[:.…|]/i;
const CAPTION_CREDIT = /\((image|photo|picture|pic|foto|credit|source)s?\s*:[^)]*\)\s*$/i;
const AGENCY = oneOf(
  [
    'getty( images)?|afp|reuters|ap( photo| images)?|associated press|bloomberg',
    'shutterstock|istock|epa|nasa',
  ],
  '\\b',
  '\\b',
);
const BYLINE = /^(by|written by|words by|text by|von|par|por|di|door|av)(\s+\p{Lu}|\s*$)/iu;
const CONTRIBUTED = /\bcontributed (reporting |to (this|the) (report|story|article))/i;
const REPORTING_BY =
  /^\(?(additional )?(reporting|writing|editing|compiled|translated|research) by\b|^write to .+@/i;
const BIO_ROLE = oneOf(
  [
    'reporter|writer|editor|correspondent|journalist|contributor|columnist',
    'freelance|author|curator',
  ],
  '\\b',
  '\\b',
);
const BIO_START =
  /^\p{Lu}[\p{L}'’.-]+( \p{Lu}[\p{L}'’.-]+){0,3},? (is|was|has been|joined|covers|writes)\b/u;
const COPYRIGHT =
  /^(copyright|©|\(c\))|all rights reserved|subject to copyright|\bvia syndigate\b/i;
const FILED_UNDER = /^(filed under|tags?|tagged|categories|category|topics|posted in)\s*:/i;
const FOLLOW = /^(follow|contact|email|find) (him|her|them|us|me|the author|\p{Lu})/iu;

/** A case-insensitive expression for any of `alternatives` (expression sources) in context. */
function oneOf(alternatives: string[], before: string, after: string): RegExp {
  return new RegExp(`${before}(${alternatives.join('|')})${after}`, 'i');
}

/** A heading that may announce links to other stories: "More from Wired", "Related stories". */
export function isTeaserHeading(block: Block): boolean {
  return wordCount(block.text) <= 6 && TEASER_HEADING.test(block.text);
}

/** Whether a block is boilerplate whatever its position. */
export function isBoilerplateBlock(block: Block): boolean {
  const { text } = block;
  // Table cells are data; a "5040" or "Nov 19" there is not a dateline.
  if (block.tag === 'td' || block.tag === 'th') return false;
  const words = wordCount(text);
  if (words <= 12 && CHROME_LINE.test(text)) return true;
  if (isTeaser(block, words)) return true;
  if (words <= 30 && NEWSLETTER.test(text) && (NEWSLETTER_VERB.test(text) || words <= 12)) {
    return true;
  }
  if (words <= 40 && (MEDIA_LABEL.test(text) || CAPTION_CREDIT.test(text))) return true;
  if (words <= 20 && CREDIT_LABEL.test(text)) return true;
  if (
    words <= 10 &&
    AGENCY.test(text) &&
    /[|/]|^\W*\p{Lu}[\p{L}.]+( \p{Lu}[\p{L}.]+)*\W*$/u.test(text)
  ) {
    return true;
  }
  if (words <= 30 && COPYRIGHT.test(text)) return true;
  if (words <= 20 && FILED_UNDER.test(text)) return true;
  if (words <= 16 && isDateLine(text)) return true;
  return isCaption(block, words);
}

/** A short line right under an image that does not read as a sentence of the story. */
function isCaption(block: Block, words: number): boolean {
  if (!block.afterImage || words > 30 || /^h[1-6]$/.test(block.tag)) return false;
  return words <= 12 || !/[.!?]["”’)]?$/.test(block.text);
}

function isTeaser(block: Block, words: number): boolean {
  const label = TEASER_LABEL.exec(block.text);
  if (label === null) return false;
  const rest = block.text.slice(label[0].length).trim();
  if (rest === '' || /^[:.…»>|-]+$/.test(rest)) return true;
  return words <= 40 && (/^[:|»>-]/.test(rest) || linkDensity(block) >= 0.5);
}

/** A byline ("By Jane Doe", "Par X et Y, 12 mars 2024"), read only near the top of the text. */
export function isBylineBlock(block: Block): boolean {
  const words = wordCount(block.text);
  if (words > 24 || !BYLINE.test(block.text)) return false;
  return !/[.!?]["”’]?$/.test(block.text) || /\d/.test(block.text);
}

/** A closing credit: reporting by, contributed to this report, author bio, follow-me lines. */
export function isClosingCredit(block: Block): boolean {
  const { text } = block;
  const words = wordCount(text);
  if (words <= 40 && (CONTRIBUTED.test(text) || REPORTING_BY.test(text))) return true;
  if (words <= 60 && BIO_START.test(text) && BIO_ROLE.test(text)) return true;
  return words <= 25 && FOLLOW.test(text) && /twitter|facebook|instagram|@/i.test(text);
}

/** A line that only gives a date or time and its labels: "Published: 10:48, Tue, Nov 19, 2019". */
export function isDateLine(text: string): boolean {
  // A lone number is a table cell or a list marker, not a date.
  if (!/\d{1,2}:\d{2}|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/.test(text) && !hasMonth(text)) return false;
  const tokens = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t !== '');
  return tokens.every((t) => /^\d{1,4}(st|nd|rd|th|h)?$/.test(t) || DATE_FILLER.has(t));
}

function hasMonth(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((word) => MONTHS.has(word));
}
