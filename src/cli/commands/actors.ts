import type { Command } from 'commander';
import { ActorSuggester, type ActorSuggestion } from '../../nlp/index.js';
import { articleTextPages, openDatabase } from '../../store/index.js';
import { cliContext, configOrDemo } from '../context.js';
import { printJson } from '../output.js';
import { sinceDay } from '../options.js';

interface SuggestFlags {
  since?: string;
  outlet?: string[];
  limit: string;
  minCount: string;
  format: string;
}

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${flag} must be a positive integer (got "${value}")`);
  return n;
}

function renderTable(rows: readonly ActorSuggestion[]): string {
  if (rows.length === 0) return 'no unconfigured proper-noun phrases found\n';
  const lines = ['articles  mentions  kind          phrase'];
  for (const r of rows) {
    const forms = r.forms.length > 0 ? `  (also: ${r.forms.slice(0, 4).join(', ')})` : '';
    lines.push(`${String(r.articles).padStart(8)}  ${String(r.mentions).padStart(8)}  ${r.kind.padEnd(12)}  ${r.phrase}${forms}`);
    for (const ex of r.examples) lines.push(`${' '.repeat(34)}“${ex}”`);
  }
  return `${lines.join('\n')}\n`;
}

/** `actors suggest`: frequent proper-noun phrases of stored articles that no actor covers yet. */
export function registerActorsCommands(program: Command): void {
  const actors = program.command('actors').description('help with the actor list of the config');
  actors
    .command('suggest')
    .description(
      'list frequent proper-noun phrases (people, organisations, places) in stored articles that are not configured actors, with counts and example sentences',
    )
    .option('--since <date>', 'only articles published on or after this day (YYYY-MM-DD)')
    .option('--outlet <id...>', 'only these outlets')
    .option('--limit <n>', 'at most this many phrases', '30')
    .option('--min-count <n>', 'only phrases mentioned at least this many times', '2')
    .option('--format <format>', 'table | json', 'table')
    .action(async (o: SuggestFlags) => {
      const limit = positiveInt('limit', o.limit);
      const minCount = positiveInt('min-count', o.minCount);
      if (o.format !== 'table' && o.format !== 'json') throw new Error(`--format must be table or json (got "${o.format}")`);
      const since = sinceDay(o.since);
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      // Like `analyze`: without a config the demo's, which match the demo's articles.
      const config = await configOrDemo(ctx);
      // Outlets name themselves in datelines ("KYIV (Northern Wire) —"); they are no actors to add.
      const suggester = new ActorSuggester(config.actors, config.outlets.map((out) => out.name));
      const handle = await openDatabase({ databaseUrl: ctx.env.databaseUrl, dataDir: ctx.env.dataDir });
      let read = 0;
      try {
        await handle.migrate();
        const query = { ...(since ? { since } : {}), ...(o.outlet ? { outletIds: o.outlet } : {}) };
        for await (const page of articleTextPages(handle.db, query)) {
          // Titles are left out: headline case capitalises every word and would pass for names.
          for (const article of page) suggester.add(article.text);
          read += page.length;
        }
      } finally {
        await handle.close();
      }
      ctx.log.info({ articles: read }, 'articles read for actor suggestions');
      const rows = suggester.suggestions({ minCount, limit });
      if (o.format === 'json') printJson({ articles: read, suggestions: rows });
      else process.stdout.write(`${read} articles read\n${renderTable(rows)}`);
    });
}
