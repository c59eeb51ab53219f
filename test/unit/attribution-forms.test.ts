import { describe, expect, it } from 'vitest';
import { createAnalyzer, type Attribution } from '../../src/nlp/index.js';
import { attributionActors } from '../helpers/actors.js';

const actors = attributionActors;
const analyze = createAnalyzer(actors);

/** Every attribution of `text` as [source, cue, content, direct], checking that offsets slice the text. */
function found(text: string): Array<[string | null, string, string, boolean]> {
  return analyze(text).attributions.map((a: Attribution) => {
    for (const span of [a.source, a.via, a.cue, a.content]) {
      if (span) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    return [a.source?.text ?? null, a.cue.text, a.content.text, a.direct];
  });
}

const only = (text: string) => {
  const all = analyze(text).attributions;
  expect(all).toHaveLength(1);
  return all[0]!;
};

describe('attribution forms', () => {
  it('finds "X said (that) …" with the clause as content', () => {
    expect(found('The minister said that the talks had failed.')).toEqual([
      ['The minister', 'said', 'that the talks had failed', false],
    ]);
    expect(found('Officials said Tuesday the plan was dead.')).toEqual([
      ['Officials', 'said', 'the plan was dead', false],
    ]);
  });

  it('finds inverted frames: "…, X said." and "“…,” said X, a …"', () => {
    expect(found('The plan is dead, officials in Brussels said.')).toEqual([
      ['officials in Brussels', 'said', 'The plan is dead', false],
    ]);
    expect(found('“It is time,” said Sen. Josh Hawley, a Missouri Republican.')).toEqual([
      ['Sen. Josh Hawley', 'said', '“It is time,”', true],
    ]);
  });

  it('skips the hearer of "told" and adverbials before the content', () => {
    expect(found('Xi told visiting leaders on Thursday that Beijing wanted peace.')).toEqual([
      ['Xi', 'told', 'that Beijing wanted peace', false],
    ]);
    expect(found('The ministry said in a statement that it opposed the move.')[0]?.[2]).toBe(
      'that it opposed the move',
    );
  });

  it('reads "according to X" on either side of its content', () => {
    expect(found('According to a senior official, the deal is close.')).toEqual([
      ['a senior official', 'According to', 'the deal is close', false],
    ]);
    expect(found('The deal is close, according to three people familiar with the matter.')).toEqual(
      [['three people familiar with the matter', 'according to', 'The deal is close', false]],
    );
  });

  it('keeps both levels of a nested citation: the cited source and the outlet as channel', () => {
    const a = only(
      'In parallel, reports from TASS citing a senior EU official noted that Brussels expects Beijing to help.',
    );
    expect([a.source?.text, a.via?.text, a.cue.text]).toEqual([
      'a senior EU official',
      'TASS',
      'noted',
    ]);
    const b = only(
      'The Washington Post, quoting unnamed U.S. officials, reported that Washington was not consulted.',
    );
    expect([b.source?.text, b.via?.text, b.via?.kind]).toEqual([
      'unnamed U.S. officials',
      'The Washington Post',
      'media',
    ]);
    const c = only(
      'Russia has moved troops, the broadcaster Yle reported on Wednesday, citing satellite images.',
    );
    expect([c.source?.text, c.via?.text, c.content.text]).toEqual([
      'satellite images',
      'the broadcaster Yle',
      'Russia has moved troops',
    ]);
  });

  it('takes direct quotes with the speaker before, after or in the middle', () => {
    expect(found('He said: “We will not back down.”')).toEqual([
      ['He', 'said', '“We will not back down.”', true],
    ]);
    const middle =
      '“We are not against Ukraine,” said Jean Dupont, a farmer, “but we cannot compete.”';
    expect(found(middle)).toEqual([['Jean Dupont', 'said', middle, true]]);
  });

  it('continues a quote with the standalone quote after its frame and over paragraphs', () => {
    const text = '“The Commission listens to no one,” Dupont said. “We will come back.”';
    expect(found(text)).toEqual([['Dupont', 'said', text, true]]);
    const quote =
      '“Europe has been sleepwalking for a decade.\n\n“Those days are over, and we know it.”';
    expect(found(`Rasmussen told his audience:\n\n${quote}\n\nHe left.`)).toEqual([
      ['Rasmussen', 'told', quote, true],
    ]);
  });

  it('reads a colon after a speaker as a cue', () => {
    expect(
      found('Ukraine’s foreign ministry: “Any ceasefire must begin with a withdrawal.”'),
    ).toEqual([
      ['Ukraine’s foreign ministry', ':', '“Any ceasefire must begin with a withdrawal.”', true],
    ]);
  });

  it('finds beliefs and positions when the subject is a likely source', () => {
    expect(found('The EU views China’s role as constructive.')).toEqual([
      ['The EU', 'views', 'China’s role as constructive', false],
    ]);
    expect(found('A former U.S. official characterized Russia and China as threats.')[0]?.[1]).toBe(
      'characterized',
    );
    expect(found('Hungary wants the EU to drop the rules.')).toEqual([
      ['Hungary', 'wants', 'the EU to drop the rules', false],
    ]);
    expect(found('The Chinese side stressed that ties should grow.')[0]?.[0]).toBe(
      'The Chinese side',
    );
  });

  it('takes polls, surveys and data as sources of "show" and "find"', () => {
    expect(found('Polls show that most voters oppose the plan.')).toEqual([
      ['Polls', 'show', 'that most voters oppose the plan', false],
    ]);
    expect(found('A survey released in April found that 81 percent agreed.')[0]?.[0]).toBe(
      'A survey released in April',
    );
  });

  it('gives ", saying …" and "but said …" the source of the frame they continue', () => {
    expect(found('The Kremlin warned the EU against sanctions, saying they would fail.')).toEqual([
      ['The Kremlin', 'warned', 'the EU against sanctions', false],
      ['The Kremlin', 'saying', 'they would fail', false],
    ]);
    expect(found('Kallas welcomed the proposal but said the details mattered.')[1]).toEqual([
      'Kallas',
      'said',
      'the details mattered',
      false,
    ]);
  });

  it('labels one attribution per stretch of words: "X said Y believes Z" is X’s', () => {
    expect(found('Brussels hopes to reach a compromise, diplomats said.')).toEqual([
      ['diplomats', 'said', 'Brussels hopes to reach a compromise', false],
    ]);
  });

  it('ignores "said" in titles and idioms, naming and other non-reporting uses', () => {
    const negatives = [
      'The film, titled “What the Ambassador Said,” opened on Friday.',
      'The so-called thaw forms the backdrop. A character called “the Professor” steals scenes.',
      'That said, the pacing is slow. All told, the firms face fines.',
      'The court ruled that the said contract was void.',
      'The TV show runs for two hours. The series was called off last year.',
      'Not everyone agrees. A family friend called 911.',
      'The views expressed in the article are the author’s own.',
      'Beijing offered more financing for the port, a move described as a goodwill gesture.',
    ];
    expect(found(negatives[0]!)).toEqual([]);
    expect(found(negatives[1]!)).toEqual([]);
    expect(found(negatives[2]!)).toEqual([]);
    expect(found(negatives[3]!).map((a) => a[1])).toEqual(['ruled']);
    for (const text of negatives.slice(4)) expect(found(text), text).toEqual([]);
  });

  it('reads cues in title-case headlines', () => {
    expect(found('Erdogan Says Turkey Ready to Host Talks\n\nThe talks begin.')).toEqual([
      ['Erdogan', 'Says', 'Turkey Ready to Host Talks', false],
    ]);
    // The headline's own "Signals" lies inside what the agencies report, so it is not a second one.
    expect(found('Moscow Signals Openness to Talks, Agencies Report\n\nNo date was set.')).toEqual([
      ['Agencies', 'Report', 'Moscow Signals Openness to Talks', false],
    ]);
  });
});
