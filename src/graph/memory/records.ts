// The records of the embedded store's file (docs/graph.md § Memory store file format): JSON
// records, and write frames — a JSON part and the documents' packed ints as the file numbers them.
import { endianness } from 'node:os';
import type { CitesEdge, InstrumentNode, IssuerNode, StatusEvent, StoredFinding, SuccessionEdge } from '../store.js';
import type { CiteTuple } from '../core/cites.js';
import { frameInts, totalInts, type Contribution, type Tables } from './tables.js';

export const FRAME_JSON = 1;
export const FRAME_WRITE = 2;

export type RelTuple = [string, string, string];

/** A write frame's entry for one document (the ints follow the frame's table; see docs/graph.md). */
export interface DocMeta {
  k: string;
  s: string[];
  o: string[];
  n: InstrumentNode[];
  r: RelTuple[];
  /** Number of CITES edges and of findings in the frame's ints. */
  c: number;
  f: number;
  i?: IssuerNode[];
  u?: SuccessionEdge[];
  e?: { k: string; e: StatusEvent }[];
}

/** One document of a write: its entry and its contribution. */
export interface WrittenDoc {
  meta: DocMeta;
  contribution: Contribution;
}

// JSON records of the log: the payload of JSON frames, and every line of a format-1 file
// (`put` and `contrib` only exist there).
export type LogRecord =
  /**
   * One document written: contributions removed (its own old one and the superseded ones, `s`),
   * nodes deleted (`o`, instruments nothing held any more), nodes set to their merged values
   * (`n`), and its new contribution. Replaying it sets exactly that state; nothing is re-merged.
   */
  | {
      op: 'put';
      k: string;
      s: string[];
      o: string[];
      n: InstrumentNode[];
      c: CiteTuple[];
      r: RelTuple[];
      f: StoredFinding[];
      /** Issuers and successions the batch described, status events it stated (absent when none). */
      i?: IssuerNode[];
      u?: SuccessionEdge[];
      e?: { k: string; e: StatusEvent }[];
    }
  /** The registry's knowledge (KnowledgeBatch), with the nodes it set and deleted, as for `put`. */
  | KnowledgeRecord
  /** Snapshot of issuers and successions (compaction). */
  | { op: 'issuers'; v: string | null; i: IssuerNode[]; u: SuccessionEdge[] }
  | { op: 'status'; k: string; e: StatusEvent }
  | { op: 'node'; n: InstrumentNode }
  | { op: 'nodes'; n: InstrumentNode[] }
  | { op: 'contrib'; k: string; c: CiteTuple[]; r: RelTuple[]; f: StoredFinding[] }
  | { op: 'events'; k: string; e: StatusEvent[] };

export interface KnowledgeRecord {
  op: 'knowledge';
  v: string;
  o: string[];
  n: InstrumentNode[];
  r: RelTuple[];
  e: { k: string; e: StatusEvent }[];
  i: IssuerNode[];
  u: SuccessionEdge[];
}

export type PutRecord = Extract<LogRecord, { op: 'put' }>;

export function jsonFrame(record: LogRecord): Buffer {
  const text = JSON.stringify(record);
  const payload = Buffer.allocUnsafe(1 + Buffer.byteLength(text, 'utf8'));
  payload[0] = FRAME_JSON;
  payload.write(text, 1, 'utf8');
  return payload;
}

/**
 * One frame for the documents of one write: a JSON part (each document's keys, nodes and
 * relations, and the strings new to the file) and the documents' cites and findings as ints,
 * with ids as the file numbers them.
 */
export function encodeWriteFrame(tables: Tables, docs: readonly WrittenDoc[]): Buffer {
  if (endianness() !== 'LE') throw new Error('the embedded store needs a little-endian machine');
  let total = 0;
  for (const { contribution } of docs) total += totalInts(contribution);
  const ints = new Int32Array(total);
  let at = 0;
  for (const { contribution } of docs) at = tables.toFileInts(contribution, ints, at);
  const meta = JSON.stringify({ d: docs.map((doc) => doc.meta), K: tables.keys.takePending(), S: tables.strings.takePending(), V: tables.vocab.takePending() });
  const metaBytes = Buffer.byteLength(meta, 'utf8');
  const offset = 8 + align4(metaBytes);
  const payload = Buffer.allocUnsafeSlow(offset + ints.byteLength);
  payload.fill(0, 0, offset);
  payload[0] = FRAME_WRITE;
  payload.writeUInt32LE(metaBytes, 4);
  payload.write(meta, 8, metaBytes, 'utf8');
  payload.set(new Uint8Array(ints.buffer, 0, ints.byteLength), offset);
  return payload;
}

/**
 * Reads a write frame: loads its string tables into `tables`, then calls `visit` for each
 * document in order with its entry and its cites and findings as memory ids.
 */
export function decodeWriteFrame(payload: Buffer, tables: Tables, visit: (doc: DocMeta, packed: { cites: Int32Array; findings: Int32Array }) => void): void {
  const metaBytes = payload.readUInt32LE(4);
  const meta = JSON.parse(payload.toString('utf8', 8, 8 + metaBytes)) as { d: DocMeta[]; K: unknown; S: unknown; V: unknown };
  tables.keys.loadFile(meta.K);
  tables.strings.loadFile(meta.S);
  tables.vocab.loadFile(meta.V);
  const offset = 8 + align4(metaBytes);
  const ints = new Int32Array((payload.length - offset) / 4);
  payload.copy(Buffer.from(ints.buffer), 0, offset);
  let at = 0;
  for (const doc of meta.d) {
    const sizes = frameInts(doc.c, doc.f);
    if (!Number.isSafeInteger(sizes.cites) || !Number.isSafeInteger(sizes.findings) || at + sizes.cites + sizes.findings > ints.length) throw new Error(`counts of ${doc.k} exceed the frame`);
    const packed = tables.fromFileInts(ints, at, sizes.cites, sizes.findings);
    at += sizes.cites + sizes.findings;
    visit(doc, packed);
  }
  if (at !== ints.length) throw new Error('the frame holds ints no document claims');
}

function align4(bytes: number): number {
  return (bytes + 3) & ~3;
}

export function citeFromTuple(from: string, t: CiteTuple): CitesEdge {
  return { from, to: t[0], section: t[1], offset: t[2], length: t[3], line: t[4], column: t[5], surface: t[6], numberWritten: t[7], dateWritten: t[8], date: t[9], issuerWritten: t[10], typeWritten: t[11] };
}
