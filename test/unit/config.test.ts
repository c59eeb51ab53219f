import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors.js';
import { loadEnv, parseConfigText, parseSchedule } from '../../src/config/index.js';
import { problemsOf } from '../helpers/config.js';

const VALID = `
outlets:
  - id: daily
    name: The Daily
    homepage: https://daily.example/
    feeds: [https://daily.example/rss.xml]
    schedule: 30m
actors:
  - { id: china, name: China, kind: country, aliases: [Beijing], demonyms: [Chinese] }
  - { id: xi, name: Xi Jinping, kind: person, affiliation: china }
alerts:
  - { id: r1, actors: [china], outlets: all, recipients: [a@example.org] }
`;

describe('config file', () => {
  it('accepts a valid file and applies defaults', () => {
    const cfg = parseConfigText(VALID);
    expect(cfg.outlets[0]!.schedule).toEqual({ kind: 'every', ms: 30 * 60_000 });
    expect(cfg.outlets[0]!.allowPrivateNetwork).toBe(false);
    expect(cfg.actors[1]!.aliases).toEqual([]);
    expect(cfg.alerts[0]!.sensitivity).toBe('medium');
  });

  it('reports every field problem with its path and line', () => {
    const problems = problemsOf(`
outlets:
  - id: Bad:Id
    name: X
    homepage: ftp://x.example
    schedule: every 10x
actors:
  - { id: china, name: China, kind: nation }
`);
    expect(problems).toHaveLength(4);
    expect(problems[0]).toMatch(/^outlets\[0\]\.id \(line 3\): lowercase/);
    expect(problems[1]).toMatch(/^outlets\[0\]\.homepage \(line 5\): must be an absolute http\(s\) URL/);
    expect(problems[2]).toMatch(/^outlets\[0\]\.schedule \(line 6\): "every 10x" is neither/);
    expect(problems[3]).toMatch(/^actors\[0\]\.kind \(line 8\)/);
  });

  it('reports a missing required field at its parent', () => {
    const problems = problemsOf(`actors:\n  - { id: china, kind: country }\n`);
    expect(problems).toEqual([expect.stringMatching(/^actors\[0\]\.name \(line 2\): /)]);
  });

  it('rejects unknown keys so that typos do not pass silently', () => {
    expect(problemsOf(`outlets: []\nactorz: []\n`)[0]).toMatch(/actorz/);
  });

  it('checks references between actors, outlets and rules', () => {
    const problems = problemsOf(`
outlets:
  - { id: a, name: A, homepage: "https://a.example" }
  - { id: a, name: A2, homepage: "https://a2.example" }
actors:
  - { id: x, name: X, kind: person, affiliation: nobody }
  - { id: y, name: Y, kind: country, aliases: [X] }
alerts:
  - { id: r, actors: [zz], outlets: [qq] }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/outlets\[1\]\.id.*duplicate id "a"/),
        expect.stringMatching(/actors\[0\]\.affiliation.*unknown actor "nobody"/),
        expect.stringMatching(/actors\[1\].*"X" is also a name, alias or demonym of actor "x"/),
        expect.stringMatching(/alerts\[0\]\.actors\[0\].*unknown actor "zz"/),
        expect.stringMatching(/alerts\[0\]\.outlets\[0\].*unknown outlet "qq"/),
      ]),
    );
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('outlets:\n  - id: a\n   name: b\n')[0]).toMatch(/^line \d+, column \d+: /);
  });
});

describe('schedules', () => {
  it('reads intervals and cron patterns', () => {
    expect(parseSchedule('2h')).toEqual({ kind: 'every', ms: 7_200_000 });
    expect(parseSchedule('every 15m')).toEqual({ kind: 'every', ms: 900_000 });
    expect(parseSchedule('*/5 * * * *')).toEqual({ kind: 'cron', pattern: '*/5 * * * *' });
  });

  it('refuses impolite intervals and broken cron', () => {
    expect(() => parseSchedule('10s')).toThrow(/1 minute minimum/);
    expect(() => parseSchedule('61 * * * *')).toThrow(/not a valid cron pattern/);
  });
});

describe('environment', () => {
  it('lists every bad variable', () => {
    try {
      loadEnv({ DATABASE_URL: 'mysql://x', REDIS_URL: 'nope', PORT: '99999' });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect((err as ConfigError).problems.map((p) => p.split(':')[0])).toEqual(['DATABASE_URL', 'REDIS_URL', 'PORT']);
    }
  });

  it('treats empty variables as unset and defaults the data folder', () => {
    const env = loadEnv({ DATABASE_URL: '', STANCEWATCH_DATA_DIR: undefined });
    expect(env.databaseUrl).toBeUndefined();
    expect(env.dataDir.endsWith('.stancewatch')).toBe(true);
  });
});
