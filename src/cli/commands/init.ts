import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createInterface, type Interface } from 'node:readline/promises';
import type { Command } from 'commander';
import { actorFromSuggestion, planConfig, renderConfig, type PlannedActor } from '../../pipeline/index.js';

interface InitFlags {
  site?: string[];
  actor?: string[];
  yes?: boolean;
  out: string;
  force?: boolean;
  sample: string;
  take: string;
}

const say = (s: string) => process.stderr.write(`${s}\n`);

async function askList(rl: Interface, question: string): Promise<string[]> {
  const answer = await rl.question(question);
  return answer.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean);
}

function positive(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${flag} must be a whole number (got "${value}")`);
  return n;
}

/** `init`: a config file from the sites a user follows, with feeds found and actors suggested. */
export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description('write a config file from outlet homepages: finds feeds and sitemaps, reads a few articles, suggests actors')
    .option('--site <url...>', 'outlet homepages (asked for when not given)')
    .option('--actor <name...>', 'actors to follow, optionally NAME=kind (country, organization, person, group)')
    .option('-y, --yes', 'no questions: take the suggested actors (see --take) and write the file')
    .option('--out <file>', 'where to write the config', 'stancewatch.yaml')
    .option('--force', 'overwrite --out if it exists')
    .option('--sample <n>', 'articles read per site', '8')
    .option('--take <n>', 'with --yes: suggested actors taken (the rest are written commented out)', '5')
    .action(async (o: InitFlags) => {
      const sample = positive('sample', o.sample);
      const take = positive('take', o.take);
      if (existsSync(o.out) && !o.force) throw new Error(`${o.out} exists: pass --force to overwrite it, or --out another file`);
      const interactive = !o.yes && process.stdin.isTTY === true;
      const rl = interactive ? createInterface({ input: process.stdin, output: process.stderr }) : undefined;
      try {
        let sites = o.site ?? [];
        let named = o.actor ?? [];
        if (sites.length === 0 && rl) {
          sites = await askList(rl, 'Outlet homepages (space or comma separated): ');
          if (named.length === 0) named = await askList(rl, 'Actors to follow, if you know them (comma separated, Enter to skip): ');
        }
        if (sites.length === 0) throw new Error('no sites: pass --site URL (one or more), or run init in a terminal to be asked');
        const plan = await planConfig({ sites, actors: named, sample, onStep: say });
        const chosen: PlannedActor[] = [...plan.actors];
        const ids = new Set(chosen.map((a) => a.id));
        if (o.yes) {
          for (const s of plan.suggestions.slice(0, take)) chosen.push(actorFromSuggestion(s, ids));
        } else if (rl) {
          say(`\n${plan.suggestions.length} names in ${plan.articlesRead} sampled articles. Follow each one?`);
          for (const s of plan.suggestions) {
            const yes = /^y/i.test(await rl.question(`  ${s.phrase} (${s.kind}, ${s.articles} articles) [y/N] `));
            if (yes) chosen.push(actorFromSuggestion(s, ids));
          }
        }
        const { text, config } = renderConfig(plan, chosen);
        await writeFile(o.out, text);
        say(`\nwrote ${o.out}: ${config.outlets.length} outlets, ${config.actors.length} actors (${plan.suggestions.length} suggestions in all; the others are commented out)`);
        say(`next: npm start -- --config ${o.out} --once`);
      } finally {
        rl?.close();
      }
    });
}
