/** The languages the analyze stage reads (plus articles of unknown language): its lexicons and models are English. */
export const ANALYZED_LANGUAGES: readonly string[] = ['en'];

/**
 * Why an article is stored but not analysed, or undefined when it is analysed. The analyzer's
 * lexicons and models are English: another language ("de", "fr-CA") is recorded with that reason
 * instead of producing meaningless stance rows. An article whose language is unknown is analysed.
 */
export function analysisSkipReason(language: string | null | undefined): string | undefined {
  if (language === null || language === undefined || language.trim() === '') return undefined;
  const primary = language.trim().toLowerCase().split(/[-_]/)[0];
  return primary !== undefined && ANALYZED_LANGUAGES.includes(primary) ? undefined : `language ${language.trim()}`;
}
