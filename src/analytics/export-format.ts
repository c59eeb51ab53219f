import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';

export const EXPORT_FORMATS = ['csv', 'json', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** A column as the database describes it (information_schema data_type). */
export interface ExportColumn {
  name: string;
  type: string;
}

/** Receives an export batch by batch; `end` returns the last bytes to write. */
export interface ExportEncoder {
  begin(): string | Uint8Array;
  rows(rows: Record<string, unknown>[]): string | Uint8Array;
  end(): string | Uint8Array;
}

type Kind = 'int' | 'bigint' | 'float' | 'bool' | 'timestamp' | 'date' | 'json' | 'text';

function kindOf(type: string): Kind {
  if (type === 'integer' || type === 'smallint') return 'int';
  if (type === 'bigint') return 'bigint';
  if (type === 'real' || type === 'double precision' || type === 'numeric') return 'float';
  if (type === 'boolean') return 'bool';
  if (type.startsWith('timestamp')) return 'timestamp';
  if (type === 'date') return 'date';
  if (type === 'jsonb' || type === 'json') return 'json';
  return 'text';
}

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

/** A value in plain JSON terms: days as 2026-08-03, instants as ISO strings, numbers as numbers. */
function plain(kind: Kind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (kind) {
    case 'int':
    case 'bigint':
    case 'float':
      return Number(v);
    case 'bool':
      return Boolean(v);
    case 'timestamp':
      return asDate(v).toISOString();
    case 'date':
      return v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);
    case 'json':
      return typeof v === 'string' ? (JSON.parse(v) as unknown) : v;
    case 'text':
      return String(v);
  }
}

function csvCell(v: unknown): string {
  if (v === null) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csvEncoder(columns: ExportColumn[]): ExportEncoder {
  const kinds = columns.map((c) => kindOf(c.type));
  return {
    begin: () => `${columns.map((c) => csvCell(c.name)).join(',')}\n`,
    rows: (rows) =>
      rows.map((r) => `${columns.map((c, i) => csvCell(plain(kinds[i]!, r[c.name]))).join(',')}\n`).join(''),
    end: () => '',
  };
}

/** A JSON array, written as it streams: one row object per line. */
function jsonEncoder(columns: ExportColumn[]): ExportEncoder {
  const kinds = columns.map((c) => kindOf(c.type));
  let first = true;
  return {
    begin: () => '[',
    rows: (rows) =>
      rows
        .map((r) => {
          const obj = Object.fromEntries(columns.map((c, i) => [c.name, plain(kinds[i]!, r[c.name])]));
          const sep = first ? '\n' : ',\n';
          first = false;
          return `${sep}${JSON.stringify(obj)}`;
        })
        .join(''),
    end: () => (first ? ']\n' : '\n]\n'),
  };
}

function parquetElement(c: ExportColumn): SchemaElement {
  const base = { name: c.name, repetition_type: 'OPTIONAL' as const };
  switch (kindOf(c.type)) {
    case 'int':
      return { ...base, type: 'INT32' };
    case 'bigint':
      return { ...base, type: 'INT64' };
    case 'float':
      return { ...base, type: 'DOUBLE' };
    case 'bool':
      return { ...base, type: 'BOOLEAN' };
    case 'timestamp':
      return { ...base, type: 'INT64', converted_type: 'TIMESTAMP_MILLIS' };
    case 'date':
      return { ...base, type: 'INT32', converted_type: 'DATE' };
    case 'json':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'JSON' };
    case 'text':
      return { ...base, type: 'BYTE_ARRAY', converted_type: 'UTF8' };
  }
}

function parquetValue(kind: Kind, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (kind === 'bigint') return BigInt(String(v));
  if (kind === 'timestamp' || kind === 'date') return asDate(v);
  return plain(kind, v);
}

/** Parquet, one row group per batch; the file's bytes come out at the end (footer included). */
function parquetEncoder(columns: ExportColumn[]): ExportEncoder {
  const kinds = columns.map((c) => kindOf(c.type));
  const writer = new ByteWriter();
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.map(parquetElement)];
  const pq = new ParquetWriter({ writer, schema });
  return {
    begin: () => '',
    rows: (rows) => {
      if (rows.length === 0) return '';
      const columnData = columns.map((c, i) => ({ name: c.name, data: rows.map((r) => parquetValue(kinds[i]!, r[c.name])) }));
      void pq.write({ columnData, rowGroupSize: rows.length });
      return '';
    },
    end: () => {
      void pq.finish();
      return writer.getBytes();
    },
  };
}

/** The encoder of one export format for a view's columns. */
export function exportEncoder(format: ExportFormat, columns: ExportColumn[]): ExportEncoder {
  if (format === 'csv') return csvEncoder(columns);
  if (format === 'json') return jsonEncoder(columns);
  return parquetEncoder(columns);
}
