import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfigFile, type Actor } from '../../config/index.js';
import { demoActors } from '../../demo/index.js';
import { createAnalyzer, type Analysis } from '../../nlp/index.js';
import { cliContext } from '../context.js';

const jsonlLineSchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

async function readAll(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function summarize(a: Analysis): string {
  const lines = [`analyzer ${a.analyzerVersion}, ${a.tokens} tokens, ${a.actors.length} actors`];
  for (const act of a.actors) {
    const frames = Object.entries(act.frames).map(([f, s]) => `${f} ${Math.round((s ?? 0) * 100)}%`).join(', ');
    lines.push(`\n${act.name}: ${act.stance.label} ${act.stance.score.toFixed(2)} (confidence ${act.stance.confidence.toFixed(2)}, ${act.mentions.length} mentions)${frames ? `; frames: ${frames}` : ''}`);
    for (const m of act.mentions) {
      const cues = m.evidence.cues.map((c) => `${c.text}${c.weight >= 0 ? '+' : ''}${c.weight.toFixed(2)}`).join(' ');
      lines.push(`  [${m.start}-${m.end}] "${m.text}" ${m.label} ${m.score.toFixed(2)}${cues ? `  cues: ${cues}` : ''}`);
    }
  }
  return lines.join('\n');
}

async function analyzeJsonl(file: string, run: (text: string) => Analysis): Promise<number> {
  const input = file === '-' ? process.stdin : createReadStream(file, 'utf8');
  let lineNo = 0;
  let bad = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let parsed: z.infer<typeof jsonlLineSchema>;
    try {
      parsed = jsonlLineSchema.parse(JSON.parse(line));
    } catch (err) {
      bad++;
      process.stderr.write(`${file}:${lineNo}: skipped: ${err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') : (err as Error).message}\n`);
      continue;
    }
    process.stdout.write(`${JSON.stringify({ id: parsed.id, analysis: run(parsed.text) })}\n`);
  }
  return bad;
}

/** `analyze`: the analysis of one text (or of JSONL lines), without touching the database. */
export function registerAnalyzeCommand(program: Command): void {
  program
    .command('analyze')
    .description('analyse a text with the configured actors (the demo actors without a config) and print it')
    .argument('[file]', 'text file, or - for standard input', '-')
    .option('--json', 'print the analysis as JSON')
    .option('--jsonl', 'read {id, text} lines, write {id, analysis} lines')
    .action(async (file: string, opts: { json?: boolean; jsonl?: boolean }) => {
      const ctx = cliContext(program.opts<{ config?: string }>().config);
      const actors: Actor[] = ctx.configPath ? (await loadConfigFile(ctx.configPath)).actors : demoActors();
      const run = createAnalyzer(actors);
      if (opts.jsonl) {
        if ((await analyzeJsonl(file, run)) > 0) process.exitCode = 1;
        return;
      }
      const analysis = run(await readAll(file));
      process.stdout.write(`${opts.json ? JSON.stringify(analysis, null, 2) : summarize(analysis)}\n`);
    });
}
