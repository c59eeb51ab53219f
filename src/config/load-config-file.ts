import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode } from 'yaml';
import { ConfigError } from '../errors.js';
import { configFileSchema, type StancewatchConfig } from './file-schema.js';

type PathKey = string | number;

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => {
    if (typeof k === 'number') return `${acc}[${k}]`;
    return acc === '' ? String(k) : `${acc}.${String(k)}`;
  }, '');
}

/**
 * Parses and validates config text (YAML or JSON). Every problem is reported with its path and,
 * where the YAML has the node, its line and column; the whole list is thrown as one ConfigError.
 */
export function parseConfigText(text: string, source = 'config'): StancewatchConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      source,
      doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return `line ${pos.line}, column ${pos.col}: ${e.message.split('\n')[0]}`;
      }),
    );
  }
  const raw: unknown = doc.toJS() ?? {};
  const parsed = configFileSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
    // Point at the deepest node that exists: a missing key has no line of its own.
    let where = '';
    for (let n = path.length; n >= 0; n--) {
      const node: unknown = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const pos = lineCounter.linePos(node.range[0]);
        where = ` (line ${pos.line})`;
        break;
      }
    }
    return `${formatPath(path) || '(top level)'}${where}: ${issue.message}`;
  });
  throw new ConfigError(source, problems);
}

/** Reads and validates a config file; a missing or unreadable file is a ConfigError too. */
export async function loadConfigFile(filePath: string): Promise<StancewatchConfig> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (err) {
    throw new ConfigError(filePath, [`cannot read the file: ${(err as Error).message}`]);
  }
  return parseConfigText(text, filePath);
}
