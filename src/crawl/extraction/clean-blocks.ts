import { linkDensity, type Block } from './blocks.js';
import {
  isBoilerplateBlock,
  isBylineBlock,
  isClosingCredit,
  isTeaserHeading,
} from './boilerplate-text.js';

// Bylines and credits sit within a few blocks of either end of the story.
const EDGE = 5;

/**
 * The blocks of a main-text candidate without boilerplate: rule-matched lines anywhere, link
 * lists, bylines and a repeated headline near the top, credits and author bios near the bottom.
 */
export function cleanBlocks(blocks: Block[], title: string | null): Block[] {
  const kept = dropLinkRuns(blocks.filter((block) => !isBoilerplateBlock(block)));
  const headline = title === null ? undefined : comparable(title);
  const out: Block[] = [];
  kept.forEach((block, i) => {
    if (i < EDGE && (isBylineBlock(block) || comparable(block.text) === headline)) return;
    if (i >= kept.length - EDGE && isClosingCredit(block)) return;
    out.push(block);
  });
  return out;
}

/**
 * Drops short blocks and lists that are mostly links, with trafilatura's limits: a paragraph
 * under 30 characters (60 at the end), another block or a whole list under 100 (300 at the
 * end), more than 80% link text. A list of links under a "More stories" heading goes with it.
 */
function dropLinkRuns(blocks: Block[]): Block[] {
  const runs = groupLists(blocks);
  const out: Block[] = [];
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    const next = runs[i + 1];
    if (run.length === 1 && isTeaserHeading(run[0]!) && next !== undefined && density(next) > 0.3) {
      return;
    }
    const previous = runs[i - 1];
    const announced = previous?.length === 1 && isTeaserHeading(previous[0]!);
    if (announced && density(run) > 0.3) return;
    const chars = run.reduce((n, b) => n + b.text.length, 0);
    const paragraph = run.length === 1 && run[0]!.tag === 'p';
    const limit = paragraph ? (last ? 60 : 30) : last ? 300 : 100;
    if (chars < limit && density(run) > 0.8) return;
    // A paragraph that is nearly all links points to other stories, whatever its length.
    if (paragraph && density(run) >= 0.85) return;
    out.push(...run);
  });
  return out;
}

/** Consecutive list items as one run, every other block alone. */
function groupLists(blocks: Block[]): Block[][] {
  const runs: Block[][] = [];
  for (const block of blocks) {
    const current = runs.at(-1);
    if (block.tag === 'li' && current !== undefined && current[0]!.tag === 'li')
      current.push(block);
    else runs.push([block]);
  }
  return runs;
}

function density(run: Block[]): number {
  if (run.length === 1) return linkDensity(run[0]!);
  const chars = run.reduce((n, b) => n + b.text.length, 0);
  return chars === 0 ? 0 : run.reduce((n, b) => n + b.linkChars, 0) / chars;
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
