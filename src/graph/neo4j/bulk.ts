// A bulk load of the embedded store into an empty Neo4j: the files `neo4j-admin database import
// full` reads (CSV with typed headers), holding exactly the graph the transactional adapter would
// have written for the same documents — same labels, same properties (nodeProps: the node's
// fields plus the folded search fields, findings and status events as JSON), same edges. The
// importer writes the store files directly, far faster than transactions; it needs the server
// stopped and replaces the database (scripts/neo4j.mjs `importCsv`). Constraints and indexes are
// created afterwards by the adapter's `init()` (queries/schema).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { MemoryGraphStore } from '../memory/index.js';
import type { CitesEdge, InstrumentNode, IssuerNode, StatusEvent, StoredFinding, SuccessionEdge } from '../store.js';
import { issuersOf } from '../core/issuers.js';
import { nodeProps } from './store.js';

/** Array elements are separated by this character (U+001F; JSON never holds it raw). */
export const ARRAY_DELIMITER = '\u001f';

type Column = readonly [name: string, type: 'string' | 'long' | 'boolean' | 'string[]'];

const INSTRUMENT_COLUMNS: readonly Column[] = [
  ['type', 'string'],
  ['number', 'string'],
  ['family', 'string'],
  ['date', 'string'],
  ['year', 'long'],
  ['issuer', 'string'],
  ['issuerCode', 'string'],
  ['jurisdiction', 'string'],
  ['subject', 'string'],
  ['status', 'string'],
  ['file', 'string'],
  ['contentHash', 'string'],
  ['searchText', 'string'],
  ['issuerFold', 'string'],
  ['typeFold', 'string'],
  ['seq', 'string'],
  ['findings', 'string'],
  ['statusEvents', 'string[]'],
];
const ISSUER_COLUMNS: readonly Column[] = [
  ['code', 'string'],
  ['name', 'string'],
  ['level', 'string'],
  ['jurisdiction', 'string'],
  ['party', 'boolean'],
  ['validFrom', 'string'],
  ['validTo', 'string'],
  ['source', 'string'],
  ['confidence', 'string'],
];
const CITES_COLUMNS: readonly Column[] = [
  ['section', 'string'],
  ['offset', 'long'],
  ['length', 'long'],
  ['line', 'long'],
  ['column', 'long'],
  ['surface', 'string'],
  ['numberWritten', 'string'],
  ['dateWritten', 'string'],
  ['date', 'string'],
  ['issuerWritten', 'string'],
  ['typeWritten', 'string'],
];
const SUCCESSION_COLUMNS: readonly Column[] = [
  ['date', 'string'],
  ['by', 'string'],
  ['note', 'string'],
  ['source', 'string'],
  ['confidence', 'string'],
];

export interface ImportFiles {
  /** Node files, then relationship files (paths), as `--nodes` / `--relationships` take them. */
  nodes: string[];
  relationships: string[];
  counts: { instruments: number; documents: number; issuers: number; cites: number; relations: number; issuedBy: number; successions: number };
}

/** A field: null is empty (no property), a string is quoted with its quotes doubled. */
function field(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return quote(String(value));
}

function optional(text: string | null | undefined): string {
  return text === null || text === undefined ? '' : quote(text);
}

function quote(text: string): string {
  return text.includes('"') ? `"${text.replaceAll('"', '""')}"` : `"${text}"`;
}

function header(id: string, columns: readonly Column[], extra: string[] = []): string {
  return [id, ...extra, ...columns.map(([name, type]) => (type === 'string' ? name : `${name}:${type}`))].join(',') + '\n';
}

/** A CSV file written synchronously through a 4 MB buffer (the store is read synchronously too). */
class CsvFile {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(4 << 20);
  private used = 0;

  constructor(readonly path: string, head: string) {
    this.fd = openSync(path, 'w');
    this.add(head);
  }

  add(line: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + line.length * 3 > this.buffer.length) {
      this.flush();
      if (line.length * 3 > this.buffer.length) {
        writeAll(this.fd, Buffer.from(line, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(line, this.used, 'utf8');
  }

  private flush(): void {
    writeAll(this.fd, this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

function writeAll(fd: number, data: Buffer): void {
  let written = 0;
  while (written < data.length) written += writeSync(fd, data, written, data.length - written);
}

/**
 * Writes the import files of `store` into `dir` (created when missing). The store is read once;
 * lines are written as they come, so memory stays bounded by the store, not by the files.
 */
export function writeImportFiles(store: MemoryGraphStore, dir: string): ImportFiles {
  mkdirSync(dir, { recursive: true });
  const instruments = new CsvFile(join(dir, 'instruments.csv'), header('key:ID(Instrument)', INSTRUMENT_COLUMNS, [':LABEL']));
  const issuers = new CsvFile(join(dir, 'issuers.csv'), header('key:ID(Issuer)', ISSUER_COLUMNS, [':LABEL']));
  const knowledge = new CsvFile(join(dir, 'knowledge.csv'), 'source:ID(Knowledge),:LABEL,version\n');
  const cites = new CsvFile(join(dir, 'cites.csv'), header(':START_ID(Instrument)', CITES_COLUMNS, [':END_ID(Instrument)', ':TYPE']));
  const relations = new CsvFile(join(dir, 'relations.csv'), ':START_ID(Instrument),:END_ID(Instrument),:TYPE,source\n');
  const issuedBy = new CsvFile(join(dir, 'issued-by.csv'), ':START_ID(Instrument),:END_ID(Issuer),:TYPE\n');
  const successions = new CsvFile(join(dir, 'successions.csv'), header(':START_ID(Issuer)', SUCCESSION_COLUMNS, [':END_ID(Issuer)', ':TYPE']));
  const counts: ImportFiles['counts'] = { instruments: 0, documents: 0, issuers: 0, cites: 0, relations: 0, issuedBy: 0, successions: 0 };
  store.exportGraph({
    node(node: InstrumentNode, findings: StoredFinding[] | null, events: readonly StatusEvent[] | null) {
      const props: Record<string, unknown> = nodeProps(node);
      if (findings) props.findings = JSON.stringify(findings);
      if (events && events.length > 0) props.statusEvents = events.map((event) => JSON.stringify(event)).join(ARRAY_DELIMITER);
      const label = node.isDocument ? `Instrument${ARRAY_DELIMITER}Document` : 'Instrument';
      instruments.add(`${field(node.key)},${label},${INSTRUMENT_COLUMNS.map(([name]) => field(props[name])).join(',')}\n`);
      counts.instruments++;
      if (node.isDocument) counts.documents++;
      for (const ref of issuersOf(node.issuerCode, node.jurisdiction)) {
        issuedBy.add(`${field(node.key)},${field(ref.key)},ISSUED_BY\n`);
        counts.issuedBy++;
      }
    },
    cites(from: string, cite: CitesEdge) {
      // The hot loop (one line per citation): the columns of CITES_COLUMNS, spelled out.
      cites.add(
        `${quote(from)},${quote(cite.to)},CITES,${quote(cite.section)},${cite.offset},${cite.length},${cite.line},${cite.column},${quote(cite.surface)},` +
          `${optional(cite.numberWritten)},${optional(cite.dateWritten)},${optional(cite.date)},${optional(cite.issuerWritten)},${optional(cite.typeWritten)}\n`,
      );
      counts.cites++;
    },
    relation(from, to, kind, source) {
      relations.add(`${field(from)},${field(to)},${kind},${field(source)}\n`);
      counts.relations++;
    },
    issuer(issuer: IssuerNode) {
      const props = issuer as unknown as Record<string, unknown>;
      issuers.add(`${field(issuer.key)},Issuer,${ISSUER_COLUMNS.map(([name]) => field(props[name])).join(',')}\n`);
      counts.issuers++;
    },
    succession(edge: SuccessionEdge) {
      const props = edge as unknown as Record<string, unknown>;
      successions.add(`${field(edge.from)},${field(edge.to)},SUCCEEDED_BY,${SUCCESSION_COLUMNS.map(([name]) => field(props[name])).join(',')}\n`);
      counts.successions++;
    },
    knowledge(version: string) {
      knowledge.add(`${field('registry')},Knowledge,${field(version)}\n`);
    },
  });
  for (const file of [instruments, issuers, knowledge, cites, relations, issuedBy, successions]) file.close();
  return {
    nodes: [instruments.path, issuers.path, knowledge.path],
    relationships: [cites.path, relations.path, issuedBy.path, successions.path],
    counts,
  };
}
