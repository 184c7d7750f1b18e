// The GraphStore port: what ingest writes and the API / CLI read. Two adapters implement it —
// neo4j/ (the real store) and memory/ (the embedded default, persisted under .cancu/) — and one
// contract test suite (tests/graph/contract.ts) runs against both.

import type { EdgeKind, InstrumentNode, IssuerNode, LineageHit, StatusEvent, StoredFinding, SuccessionEdge } from '../model/schemas.js';

/** The shapes of the graph live in src/model (zod schemas, types derived from them). */
export type {
  EdgeKind,
  InstrumentNode,
  InstrumentRef,
  InstrumentStatus,
  IssuerLevel,
  IssuerNode,
  LineageHit,
  StatusEvent,
  StatusEventKind,
  StoredFinding,
  SuccessionEdge,
} from '../model/schemas.js';

export interface CitesEdge {
  /** Citing document key. */
  from: string;
  /** Cited instrument key. */
  to: string;
  section: string;
  offset: number;
  length: number;
  line: number;
  column: number;
  surface: string;
  /** As written in this document. */
  numberWritten: string | null;
  dateWritten: string | null;
  date: string | null;
  issuerWritten: string | null;
  typeWritten: string | null;
}

export interface RelationEdge {
  from: string;
  to: string;
  kind: Exclude<EdgeKind, 'CITES'>;
  /** Key of the document whose text states this relation (provenance). */
  source: string;
}

/**
 * Two citations of one instrument disagree about its date, issuer or type. The merge keeps the
 * value the store saw first (`kept`) and reports the other (`incoming`); nothing is overwritten
 * silently. An ingested document's own header is the exception: it is authoritative for its own
 * node, so there `kept` is the header's value and `incoming` what citations had said.
 */
export interface InstrumentConflict {
  key: string;
  field: 'date' | 'issuer' | 'type';
  kept: string;
  incoming: string;
  /** Key of the document whose write brought the disagreement to light. */
  document: string;
  file: string | null;
  /** Where the disagreeing citation stands in that document; null when it is the document's own header. */
  line: number | null;
  column: number | null;
  offset: number | null;
  length: number | null;
  surface: string | null;
}

/** Everything one ingested document contributes; written atomically (replaces the document's previous contribution). */
export interface DocumentBatch {
  document: InstrumentNode;
  /** Instruments the document cites (merged by key; existing properties win unless null). */
  instruments: InstrumentNode[];
  cites: CitesEdge[];
  relations: RelationEdge[];
  findings: StoredFinding[];
  /** Disagreements already found inside the document itself (two citations of one key); the store adds cross-document ones. */
  conflicts?: InstrumentConflict[];
  /**
   * Keys of documents this one replaces although its key differs (the same source file, ingested
   * earlier under another key). Their contributions are removed in the same atomic write, and they
   * stay only as cited instruments, if anything still cites them.
   */
  supersedes?: string[];
  /**
   * Issuers of the batch's instruments, as the registry describes them (name, level, validity),
   * and their successions. Issuers are shared facts, not part of the document's contribution:
   * they are upserted and stay when the document goes. Keys: src/graph/core/issuers.ts.
   */
  issuers?: IssuerNode[];
  successions?: SuccessionEdge[];
  /**
   * Status events the document itself states ("Quyết định này thay thế …"), source = the document.
   * Written in the same atomic write as the document, added to what is known (never removing).
   */
  statusEvents?: { key: string; event: StatusEvent }[];
}

export interface IssuerDetail {
  issuer: IssuerNode;
  /** The chain of successors, nearest first (transitive SUCCEEDED_BY). */
  successors: (SuccessionEdge & { issuer: IssuerNode })[];
  /** Issuers it directly succeeded. */
  predecessors: (SuccessionEdge & { issuer: IssuerNode })[];
  /** Instruments linked by ISSUED_BY. */
  instrumentCount: number;
}

/**
 * What the bundled registry knows, written into the graph as one unit (`writeKnowledge`): vetted
 * instruments (authoritative for the fields they give, except over an ingested document's own
 * header), their status events, the REPLACES / REPEALS / AMENDS edges those imply (source
 * `registry`), issuers and successions. Writing a newer version replaces the registry's edges and
 * successions; status events are added.
 */
export interface KnowledgeBatch {
  /** Fingerprint of the registry content: the same version is not written twice. */
  version: string;
  instruments: InstrumentNode[];
  statusEvents: { key: string; event: StatusEvent }[];
  relations: RelationEdge[];
  issuers: IssuerNode[];
  successions: SuccessionEdge[];
}

export interface KnowledgeSummary {
  /** False when the store already held this version (the counts are then the batch's, or zero when no batch was built). */
  written: boolean;
  instruments: number;
  statusEvents: number;
  relations: number;
  issuers: number;
  successions: number;
}

/** Source of relation edges that come from the registry rather than from a document. */
export const REGISTRY_SOURCE = 'registry';

/** An ingested source file: what ingest needs to skip unchanged files before parsing them. */
export interface IngestedFile {
  file: string;
  key: string;
  contentHash: string;
}

export interface WriteOptions {
  /** Rewrite documents even when their content hash is unchanged (e.g. after an extractor upgrade). */
  force?: boolean;
}

export interface WriteSummary {
  documents: number;
  citations: number;
  instrumentsCreated: number;
  instrumentsUpdated: number;
  /** Documents skipped because their content hash was unchanged. */
  unchanged: number;
  /** Disagreements between citations of one instrument found by this write (also stored as findings of the document). */
  conflicts?: InstrumentConflict[];
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor for the next page, or null at the end. */
  nextCursor: string | null;
}

export interface InstrumentSearch {
  /** Canonical number to match exactly (after canonicalisation). */
  number?: string;
  /** Seq (running number) to match, e.g. "30" for "NĐ 30/2020". */
  seq?: string;
  type?: string;
  issuer?: string;
  year?: number;
  /** Free text matched against number, subject and issuer. */
  text?: string;
  /** Only instruments linked to this issuer (ISSUED_BY), e.g. "hoa-binh.lac-thuy:ubnd". */
  issuerKey?: string;
  limit: number;
  cursor?: string | null;
}

export interface InstrumentDetail {
  instrument: InstrumentNode;
  citedBy: { key: string; file: string | null; count: number }[];
  citationCount: number;
  statusEvents: StatusEvent[];
  /** Outgoing and incoming typed relations (not CITES). */
  relations: { kind: string; direction: 'out' | 'in'; key: string }[];
  /** Number of distinct citing documents when `citedBy` was cut to its first entries (by key). */
  citedByTotal?: number;
  /** Its issuers (ISSUED_BY), with their validity. */
  issuedBy?: IssuerNode[];
}

export interface StoredCitation extends CitesEdge {
  instrument: InstrumentNode;
}

/** Edge kinds in a dump: the instrument edges, and the issuer edges. */
export type DumpEdgeKind = EdgeKind | 'ISSUED_BY' | 'SUCCEEDED_BY';

export interface GraphDump {
  nodes: InstrumentNode[];
  edges: { from: string; to: string; kind: DumpEdgeKind; props: Record<string, unknown> }[];
  /** Issuers linked to an instrument or written with validity facts, by key. */
  issuers?: IssuerNode[];
  /** Stored findings by document key (documents with findings only). */
  findings?: Record<string, StoredFinding[]>;
  /** Status events by instrument key. */
  statusEvents?: Record<string, StatusEvent[]>;
}

export interface StoreHealth {
  store: 'memory' | 'neo4j';
  ok: boolean;
  detail: string;
}

export interface GraphStore {
  readonly kind: 'memory' | 'neo4j';
  /** Applies schema (constraints, indexes) idempotently. */
  init(): Promise<void>;
  close(): Promise<void>;
  health(): Promise<StoreHealth>;
  /** Content hash of an ingested document by key, or null if not ingested. */
  documentHash(key: string): Promise<string | null>;
  /** Writes documents; each document's write is atomic and replaces its previous citations. */
  writeDocuments(batches: DocumentBatch[], options?: WriteOptions): Promise<WriteSummary>;
  /** Every ingested document's source file, key and content hash (lets ingest skip unchanged files before parsing them). */
  ingestedFiles?(): Promise<IngestedFile[]>;
  getInstrument(key: string): Promise<InstrumentDetail | null>;
  searchInstruments(query: InstrumentSearch): Promise<Page<InstrumentNode>>;
  /** Documents and instruments that implement `key`, directly and transitively (incoming IMPLEMENTS/CONTINUES/GUIDES). */
  implementers(key: string, opts: { depth: number; limit: number; cursor?: string | null }): Promise<Page<LineageHit>>;
  /** What `key` rests on, transitively (outgoing CITES/BASED_ON/IMPLEMENTS/CONTINUES/GUIDES/AMENDS). */
  basis(key: string, opts: { depth: number; limit: number; cursor?: string | null }): Promise<Page<LineageHit>>;
  lineage(key: string, opts: { up: number; down: number }): Promise<{ nodes: InstrumentNode[]; edges: { from: string; to: string; kind: EdgeKind }[] }>;
  documentCitations(key: string): Promise<{ document: InstrumentNode; citations: StoredCitation[]; findings: StoredFinding[] } | null>;
  addStatusEvent(key: string, event: StatusEvent): Promise<void>;
  /** The version of the registry knowledge the store holds (KnowledgeBatch.version), or null. */
  knowledgeVersion(): Promise<string | null>;
  /** Writes the registry's knowledge (see KnowledgeBatch); nothing when this version is already stored. */
  writeKnowledge(batch: KnowledgeBatch): Promise<KnowledgeSummary>;
  /** Every issuer known to the store, by key. */
  listIssuers(): Promise<IssuerNode[]>;
  /** An issuer with its successors and predecessors, or null. */
  getIssuer(key: string): Promise<IssuerDetail | null>;
  /** Canonical, sorted dump of the whole graph (tests compare two dumps). */
  dump(): Promise<GraphDump>;
  /** Removes everything (tests). */
  clear(): Promise<void>;
}
