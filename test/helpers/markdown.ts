import { readFileSync } from 'node:fs';

export interface CodeBlock {
  lang: string;
  body: string;
  /** 1-based line of the opening fence, for failure messages. */
  line: number;
  /** The block right after this one when nothing but blank lines stand between them. */
  next?: CodeBlock;
}

/** The fenced code blocks of a Markdown file, in order. */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let open: { lang: string; line: number; body: string[] } | undefined;
  let lastClose = -2;
  let adjacent = false;
  lines.forEach((text, i) => {
    const fence = /^```(\S*)\s*$/.exec(text);
    if (!open && fence) {
      adjacent = lastClose >= 0 && lines.slice(lastClose + 1, i).every((l) => l.trim() === '');
      open = { lang: fence[1] ?? '', line: i + 1, body: [] };
    } else if (open && /^```\s*$/.test(text)) {
      const block: CodeBlock = { lang: open.lang, body: open.body.join('\n'), line: open.line };
      if (adjacent && blocks.length > 0) blocks[blocks.length - 1]!.next = block;
      blocks.push(block);
      open = undefined;
      lastClose = i;
    } else if (open) {
      open.body.push(text);
    }
  });
  return blocks;
}

/** Splits a block of SQL into statements on `;` at the end of a line. */
export function sqlStatements(body: string): string[] {
  return body
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The column names of a psql-style output block (its first line). */
export function psqlHeader(body: string): string[] {
  const first = body.split('\n').find((l) => l.trim() !== '') ?? '';
  return first.split('|').map((c) => c.trim());
}

/** The data rows of a psql-style output block, each as its trimmed cells. */
export function psqlRows(body: string): string[][] {
  const lines = body.split('\n').filter((l) => l.trim() !== '');
  const sep = lines.findIndex((l) => /^-+(\+-+)*$/.test(l.trim()));
  return lines.slice(sep + 1).map((l) => l.split('|').map((c) => c.trim()));
}

/** Whether a value from the driver reads as psql printed it (dates as days, f/t, numbers by value). */
export function sameAsPrinted(value: unknown, printed: string): boolean {
  if (value === null) return printed === '';
  if (value instanceof Date) return value.toISOString().slice(0, 10) === printed;
  if (typeof value === 'boolean') return (value ? 't' : 'f') === printed;
  if (typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value))) {
    return Number(value) === Number(printed);
  }
  return String(value).trim() === printed;
}
