import { demoActors, demoArticles, type Tone } from '../../src/demo/index.js';
import { planArticles } from '../../src/demo/world/plan.js';
import { analyze } from '../../src/nlp/index.js';

/** One labelled reading: the world's tone for an actor in an article, and what the analyzer made of it. */
export interface Labelled {
  actor: string;
  tone: Tone;
  score: number;
  label: 'negative' | 'neutral' | 'positive';
  frames: Record<string, number>;
}

function definedShares(frames: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(frames).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

/**
 * Our own labelled articles: every generated demo article, analysed with the real analyzer, and
 * for each actor of its cast the tone the world gave it. Hand-written features have no plan and
 * are left out.
 */
export function labelledReadings(): Labelled[] {
  const plans = new Map(planArticles().map((p) => [`${p.outlet.meta.id}|${p.publishedAt.toISOString()}`, p]));
  const actors = demoActors();
  const out: Labelled[] = [];
  for (const article of demoArticles()) {
    const plan = plans.get(`${article.outletId}|${article.publishedAt}`);
    if (!plan) continue;
    const analysis = analyze(`${article.title}\n\n${article.paragraphs.join('\n\n')}`, actors);
    for (const member of plan.cast) {
      const reading = analysis.actors.find((a) => a.id === member.actor);
      if (!reading) continue;
      out.push({ actor: member.actor, tone: member.tone, score: reading.stance.score, label: reading.stance.label, frames: definedShares(reading.frames) });
    }
  }
  return out;
}
