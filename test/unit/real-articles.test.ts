import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRng } from '../../src/demo/world/prng.js';
import { assembleArticle, poolsOf, readPortrayals, renderPortrayal } from '../../scripts/real-articles/index.js';

// Sentences we wrote, in NewsMTSC's format (the real ones stay in ../shared/data).
// Each target: [canonical name, mention, polarity, further mentions]; offsets are found in the text.
const LINES: { text: string; targets: [string, string, number, string[]][] }[] = [
  { text: 'Senator Jane Roe praised Tom Poe, and Roe said his plan was wise.', targets: [['Jane Roe', 'Roe', 6, ['Roe said']], ['Tom Poe', 'Poe', 4, []]] },
  { text: 'He was criticised for the failed bridge deal.', targets: [['Max Doe', 'He', 2, []]] },
  { text: 'Critics said she had failed her voters.', targets: [['Ann Loe', 'she', 2, []]] },
  { text: 'The weather was mild in Poe County, Ray Smith noted.', targets: [['Ray Smith', 'Smith', 4, []]] },
];

const span = (text: string, mention: string) => {
  const from = text.indexOf(mention);
  return { from, to: from + mention.split(' ')[0]!.length, mention: mention.split(' ')[0]! };
};

function writeSet(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-real-'));
  const file = path.join(dir, 'set.jsonl');
  const rows = LINES.map((l, i) => ({
    primary_gid: `allsides_${i}_1_1_x_0_1`,
    sentence_normalized: l.text,
    targets: l.targets.map(([name, mention, polarity, further]) => {
      const t = span(l.text, mention);
      return { 'Input.gid': `allsides_${i}_1_1_${name}_${t.from}_${t.to}`, ...t, polarity, further_mentions: further.map((f) => span(l.text, f)) };
    }),
  }));
  writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n'));
  return file;
}

const person = { full: 'Dana Whitfield', surname: 'Whitfield' };
const cast = [{ full: 'Marek Halvorsen', surname: 'Halvorsen' }];

describe('articles assembled from labelled sentences', () => {
  const { portrayals, skipped } = readPortrayals(writeSet());

  it('reads every target as a portrayal and leaves out those no name can stand in for', () => {
    // "she" can be renamed; "her" in the same sentence is not a target, so it stays.
    expect(portrayals.map((p) => p.label)).toEqual(['positive', 'neutral', 'negative', 'negative', 'neutral']);
    expect(skipped).toBe(0);
  });

  it('puts the person in every place of the target, widening over the real full name', () => {
    expect(renderPortrayal(portrayals[0]!, person, cast)).toBe('Senator Dana Whitfield praised Marek Halvorsen, and Whitfield said his plan was wise.');
    expect(renderPortrayal(portrayals[1]!, person, cast)).toBe('Senator Marek Halvorsen praised Dana Whitfield, and Halvorsen said his plan was wise.');
  });

  it('renames pronoun targets and keeps a place name that only shares a surname', () => {
    expect(renderPortrayal(portrayals[2]!, person, cast)).toBe('Whitfield was criticised for the failed bridge deal.');
    expect(renderPortrayal(portrayals[4]!, person, cast)).toBe('The weather was mild in Poe County, Dana Whitfield noted.');
  });

  it('assembles a headline naming the person and one sentence per asked label', () => {
    const pools = poolsOf(portrayals);
    const a = assembleArticle(seededRng('t'), { person, labels: ['negative', 'negative'], pools, fillers: portrayals, fillerCount: [1, 1] });
    expect(a.title).toContain('Dana Whitfield');
    expect(a.gold).toEqual(['negative', 'negative']);
    expect(a.goldMean).toBe(-1);
    expect(a.text.startsWith(`${a.title}\n\n`)).toBe(true);
    expect(a.body.match(/Whitfield/g)?.length).toBeGreaterThanOrEqual(2);
  });

  it('says where each body sentence stands in the text and which are about the person', () => {
    const pools = poolsOf(portrayals);
    const a = assembleArticle(seededRng('s'), { person, labels: ['negative', 'positive'], pools, fillers: portrayals, fillerCount: [2, 2] });
    expect(a.sentences).toHaveLength(4);
    const about = a.sentences.filter((s) => s.label !== undefined);
    expect(about.map((s) => s.label).sort()).toEqual(['negative', 'positive']);
    for (const s of a.sentences) {
      const text = a.text.slice(s.start, s.end);
      expect(a.body).toContain(text);
      if (s.label !== undefined) expect(text).toContain('Whitfield');
    }
    expect(a.sentences.at(-1)?.end).toBe(a.text.length);
  });
});
