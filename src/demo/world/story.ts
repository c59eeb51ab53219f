import type { Section, Story } from './types.js';

/** Shorthand for the story tables: section, dateline, headline, lead. */
export function story(section: Section, dateline: string, headline: string, lead: string): Story {
  return { section, dateline, headline, lead };
}
