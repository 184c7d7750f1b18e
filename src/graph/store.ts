// The GraphStore port: what ingest writes and the API / CLI read. Two adapters implement it —
// neo4j/ (the real store) and memory/ (the embedded default, persisted under .cancu/) — and one
// contract test suite (tests/graph/contract.ts) runs against both.

/** Edge kinds between instruments (DESIGN.md § The model). CITES carries citation details. */
export type EdgeKind =
  | 'CITES'
  | 'BASED_ON'
  | 'IMPLEMENTS'
  | 'AMENDS'
  | 'GUIDES'
  | 'REPLACES'
  | 'REPEALS'
  | 'CONTINUES'
  | 'REVIEWS';

export type InstrumentStatus = 'unknown' | 'in_force' | 'amended' | 'replaced' | 'repealed' | 'expired' | 'partly_expired';

export interface InstrumentNode {
  /** Canonical key (src/citations/keys.ts), e.g. "vn:tw:nd-cp:2015:04". */
  key: string;
  type: string | null;
  /** Canonical number/symbol, e.g. "04/2015/NĐ-CP"; null for named instruments. */
  number: string | null;
  family: string | null;
  /** ISO date, when known. */
  date: string | null;
  year: number | null;
  /** Issuer name as best known (the first citation's "của …" phrase, or the registry name). */
  issuer: string | null;
  issuerCode: string | null;
  jurisdiction: string | null;
  subject: string | null;
  status: InstrumentStatus;
  /** True when the node is an ingested document (label :Document in Neo4j). */
  isDocument: boolean;
  /** Source file (relative path) of an ingested document. */
  file?: string | null;
  /** sha256 of the ingested file's bytes. */
  contentHash?: string | null;
}

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

export interface StoredFinding {
  ruleId: string;
  severity: string;
  message: string;
  line: number;
  column: number;
  evidence: string;
  expected?: string | null;
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
}

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

export interface LineageHit {
  key: string;
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  /** Number of hops from the start node (1 = direct). */
  depth: number;
  /** Keys from the start node to this node, both included. */
  path: string[];
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
  limit: number;
  cursor?: string | null;
}

export interface StatusEvent {
  kind: 'replaced_by' | 'repealed_by' | 'amended_by' | 'expired' | 'partly_expired';
  /** Key of the acting instrument, when there is one. */
  by: string | null;
  /** ISO date the event took effect. */
  date: string;
  confidence: 'stated' | 'inferred';
  /** URL or document key the fact comes from. */
  source: string;
  note?: string | null;
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
}

export interface StoredCitation extends CitesEdge {
  instrument: InstrumentNode;
}

export interface GraphDump {
  nodes: InstrumentNode[];
  edges: { from: string; to: string; kind: EdgeKind; props: Record<string, unknown> }[];
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
  /** Canonical, sorted dump of the whole graph (tests compare two dumps). */
  dump(): Promise<GraphDump>;
  /** Removes everything (tests). */
  clear(): Promise<void>;
}
