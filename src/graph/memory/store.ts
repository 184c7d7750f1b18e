// The embedded GraphStore: everything in memory, persisted as a log of checksummed frames under a
// directory (default .cancu/graph; see log.ts). Small and boring on purpose; parity with Neo4j
// comes from sharing the merge, lineage, search and dump logic in ../core and from the one
// contract test suite.
//
// Layout, chosen for 100k plans / ~5M citation edges in well under 1.5 GB, written at a few µs
// per edge:
// - instruments: one plain object per key, keys interned to small integer ids;
// - each document's contribution (its CITES edges, the relation edges it states, its findings) is
//   kept together, edges and findings packed in Int32Arrays with every string interned (the
//   as-written parts of a citation as slices of its surface) — a document is replaced by swapping
//   one entry, which is what makes each write atomic;
// - a write is logged as one frame holding those same ints (ids renumbered as the file knows
//   them) and the strings new to the file: no per-edge serialisation;
// - reverse adjacency (who cites / implements X) is derived lazily after writes (CSR arrays).
import { endianness } from 'node:os';
import type {
  CitesEdge,
  DocumentBatch,
  EdgeKind,
  GraphDump,
  GraphStore,
  IngestedFile,
  InstrumentConflict,
  InstrumentDetail,
  InstrumentNode,
  InstrumentSearch,
  IssuerDetail,
  IssuerNode,
  KnowledgeBatch,
  KnowledgeSummary,
  LineageHit,
  Page,
  RelationEdge,
  StatusEvent,
  StoreHealth,
  StoredCitation,
  StoredFinding,
  SuccessionEdge,
  WriteOptions,
  WriteSummary,
} from '../store.js';
import { REGISTRY_SOURCE } from '../store.js';
import { baseIssuer, baseIssuerForKey, compareIssuers, issuersOf, normalizeIssuer, normalizeSuccession, successionProps, successorChain } from '../core/issuers.js';
import { CITED_BY_LIMIT, canonicalDump, citesProps, compareCitations, normalizeEvent, sameEvent, statusAfter, type DumpEdge } from '../core/dump.js';
import { BASIS_KINDS, IMPLEMENTER_KINDS, LINEAGE_KINDS, breadthFirst, paginate, validateDepth } from '../core/lineage.js';
import { knowledgeSummary, mergeKnowledgeNode, normalizeNode, planBatch, stubNode, type NodeTable } from '../core/merge.js';
import { matches, normalizeSearch, searchFieldsOf, type SearchFields } from '../core/search.js';
import { detach } from '../../citations/memo.js';
import { compareKeys } from '../core/text.js';
import { RELATION_KINDS, validateBatch, validateEvent, validateKnowledge, type RelationKind } from '../core/validate.js';
import { GraphLog } from './log.js';
import { citeTuple, type CiteTuple } from '../core/cites.js';

/** Int32 fields per CITES edge (see encodeCites for what each holds). */
const STRIDE = 12;
const C_TO = 0;
const C_SECTION = 1;
const C_OFFSET = 2;
const C_LENGTH = 3;
const C_LINE = 4;
const C_COLUMN = 5;
const C_SURFACE = 6;
const C_NUMBER = 7;
const C_DATE_WRITTEN = 8;
const C_DATE = 9;
const C_ISSUER = 10;
const C_TYPE = 11;
/** Fields of a cite that hold a string id of `strings` when >= 0 (C_ISSUER: of `vocab`). */
const C_TEXTS = [C_SURFACE, C_NUMBER, C_DATE_WRITTEN, C_DATE, C_TYPE] as const;

/** Int32 fields per stored finding. */
const F_STRIDE = 7;
const F_RULE = 0;
const F_SEVERITY = 1;
const F_MESSAGE = 2;
const F_LINE = 3;
const F_COLUMN = 4;
const F_EVIDENCE = 5;
const F_EXPECTED = 6;

/** Longest as-written text stored as a slice of the surface (see encodeText). */
const MAX_SLICE = 255;
const MAX_SLICE_START = 1 << 22;

interface Contribution {
  cites: Int32Array;
  /** Triples: from id, to id, kind index (RELATION_KINDS). */
  rels: Int32Array;
  /** The document's findings, F_STRIDE ints each. */
  findings: Int32Array;
}

/** Compressed sparse rows: neighbours of node i are entries[start[i] .. start[i+1]). */
interface Csr {
  start: Int32Array;
  entries: Int32Array;
}

/**
 * Interned strings, and the ids they have in the file. Ids in memory are the order of interning
 * in this process; the file numbers strings in the order it first wrote them. A write frame lists
 * the strings new to the file, and its ints use file ids, so reading maps them back (`fromFile`).
 */
class Dictionary {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  /** Memory id → file id (-1: not in the file yet). */
  private fileIds: number[] = [];
  /** File id → memory id. */
  private fromFileIds: number[] = [];
  /** Values given a file id since the last `takePending`, in file-id order. */
  private pending: string[] = [];

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      const own = detach(value);
      id = this.values.length;
      this.values.push(own);
      this.fileIds.push(-1);
      this.ids.set(own, id);
    }
    return id;
  }
  /**
   * A new id for `value` without looking it up (the caller knows it is new to its own index, see
   * surfaceId). A value may thus hold two ids; both read back the same.
   */
  add(value: string): number {
    const id = this.values.length;
    this.values.push(detach(value));
    this.fileIds.push(-1);
    return id;
  }
  /** The stored (detached, deduplicated) copy of `value`. */
  own(value: string): string {
    return this.values[this.id(value)]!;
  }
  find(value: string): number | undefined {
    return this.ids.get(value);
  }
  get size(): number {
    return this.values.length;
  }
  toFile(id: number): number {
    let fileId = this.fileIds[id]!;
    if (fileId === -1) {
      fileId = this.fromFileIds.length;
      this.fromFileIds.push(id);
      this.fileIds[id] = fileId;
      this.pending.push(this.values[id]!);
    }
    return fileId;
  }
  takePending(): string[] {
    const pending = this.pending;
    this.pending = [];
    return pending;
  }
  /** Registers the values a frame introduces (the next file ids, in order). */
  loadFile(values: unknown): void {
    if (!Array.isArray(values)) throw new Error('string table is not a list');
    for (const value of values) {
      if (typeof value !== 'string') throw new Error('string table holds a non-string');
      const id = this.id(value);
      if (this.fileIds[id] === -1) this.fileIds[id] = this.fromFileIds.length;
      this.fromFileIds.push(id);
    }
  }
  fromFile(fileId: number): number {
    const id = this.fromFileIds[fileId];
    if (id === undefined) throw new Error(`string id ${fileId} is not in the file's table`);
    return id;
  }
  /** Forgets the file numbering (the file is being rewritten from scratch). */
  resetFile(): void {
    this.fileIds.fill(-1);
    this.fromFileIds = [];
    this.pending = [];
  }
}

/** A write frame's entry for one document (the ints follow the frame's table; see docs/graph.md). */
interface DocMeta {
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

const FRAME_JSON = 1;
const FRAME_WRITE = 2;

/** Index of the citation a finding at `line`:`column` is about (it starts within the citation's surface), or -1. */
function citeAt(cites: readonly CitesEdge[], line: number, column: number): number {
  for (let i = 0; i < cites.length; i++) {
    const cite = cites[i]!;
    if (cite.line === line && column >= cite.column && column < cite.column + cite.length) return i;
  }
  return -1;
}

/** Documents per write frame in a snapshot. */
const SNAPSHOT_DOCS = 500;
const SNAPSHOT_NODES = 2000;

// JSON records of the log: the payload of JSON frames, and every line of a format-1 file
// (`put` and `contrib` only exist there). See docs/graph.md § Memory store file format.
type RelTuple = [string, string, string];
type LogRecord =
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
  | { op: 'knowledge'; v: string; o: string[]; n: InstrumentNode[]; r: RelTuple[]; e: { k: string; e: StatusEvent }[]; i: IssuerNode[]; u: SuccessionEdge[] }
  /** Snapshot of issuers and successions (compaction). */
  | { op: 'issuers'; v: string | null; i: IssuerNode[]; u: SuccessionEdge[] }
  | { op: 'status'; k: string; e: StatusEvent }
  | { op: 'node'; n: InstrumentNode }
  | { op: 'nodes'; n: InstrumentNode[] }
  | { op: 'contrib'; k: string; c: CiteTuple[]; r: RelTuple[]; f: StoredFinding[] }
  | { op: 'events'; k: string; e: StatusEvent[] };

/** What `exportGraph` hands out, in this order: nodes, edges, issuers, successions, the registry version. */
export interface GraphExportVisitor {
  /** Every instrument; an ingested document with its findings; status events when it has any. */
  node(node: InstrumentNode, findings: StoredFinding[] | null, events: readonly StatusEvent[] | null): void;
  /** One CITES edge. */
  cites(from: string, cite: CitesEdge): void;
  /** One relation edge, with the document (or `registry`) that states it. */
  relation(from: string, to: string, kind: RelationKind, source: string): void;
  issuer(issuer: IssuerNode): void;
  succession(edge: SuccessionEdge): void;
  /** The registry's version, when the registry was written. */
  knowledge(version: string): void;
}

export interface MemoryStoreOptions {
  /** Directory of the store's file (created when missing). */
  dir: string;
}

export class MemoryGraphStore implements GraphStore {
  readonly kind = 'memory' as const;
  private readonly log: GraphLog;
  private loaded = false;

  private keys = new Dictionary();
  private strings = new Dictionary();
  /** Short strings from a small set (sections, issuers as written, rule ids, severities; node types, dates, issuers, codes, jurisdictions): a small, cache-friendly table. */
  private vocab = new Dictionary();
  /**
   * Rule id (vocabulary) → instrument id → the message last stored for that rule about that
   * instrument (a string id, -1 for none). A finding's message is nearly always the one the same
   * rule gave for the same instrument in an earlier document; comparing it with that one costs
   * far less than hashing a long new copy for the string table.
   */
  private lastMessages = new Map<number, Int32Array>();
  /**
   * Instrument id → the surfaces its citations were written with, as pairs (fingerprint, string
   * id). A citation's surface is looked for among its own instrument's few surfaces — an int scan
   * and a comparison of equal-looking strings — instead of being hashed into the large string
   * table.
   */
  private surfacesOf: number[][] = [];
  private nodes: (InstrumentNode | undefined)[] = [];
  /** Number of edges touching each node (orphan detection). */
  private refs: number[] = [];
  private contribs = new Map<number, Contribution>();
  private events = new Map<number, StatusEvent[]>();
  private issuers = new Map<string, IssuerNode>();
  /** SUCCEEDED_BY edges by `from`. */
  private successions = new Map<string, SuccessionEdge[]>();
  private registryVersion: string | null = null;
  /** Instruments per issuer (ISSUED_BY), derived lazily like the adjacency indexes. */
  private issuerCounts: { version: number; counts: Map<string, number> } | null = null;
  private searchCache: (SearchFields | undefined)[] = [];

  private version = 0;
  private indexVersion = -1;
  private relOut: Csr | null = null;
  private relIn: Csr | null = null;
  private citesIn: Csr | null = null;
  /** Records in the file that a later record superseded (compaction trigger). */
  private superseded = 0;

  /** The nodes as planBatch reaches them: by node id (see NodeTable). */
  private readonly table: NodeTable<number> = {
    ref: (key) => this.keyId(key),
    get: (id) => this.nodes[id],
    set: (id, node) => this.setNode(id, node),
  };

  constructor(readonly options: MemoryStoreOptions) {
    this.log = new GraphLog(options.dir);
  }

  async init(): Promise<void> {
    this.ensureLoaded();
  }

  async close(): Promise<void> {
    this.log.close();
    this.loaded = false;
    this.reset();
  }

  async health(): Promise<StoreHealth> {
    this.ensureLoaded();
    let documents = 0;
    let citations = 0;
    for (const [id, contribution] of this.contribs) {
      if (!this.nodes[id]) continue;
      documents++;
      citations += contribution.cites.length / STRIDE;
    }
    const instruments = this.nodes.reduce((count, node) => count + (node ? 1 : 0), 0);
    return { store: 'memory', ok: true, detail: `${this.log.path}: ${instruments} instruments, ${documents} documents, ${citations} citations` };
  }

  async documentHash(key: string): Promise<string | null> {
    this.ensureLoaded();
    const id = this.keys.find(key);
    if (id === undefined || !this.contribs.has(id)) return null;
    return this.nodes[id]?.contentHash ?? null;
  }

  async ingestedFiles(): Promise<IngestedFile[]> {
    this.ensureLoaded();
    const files: IngestedFile[] = [];
    for (const id of this.contribs.keys()) {
      const node = this.nodes[id];
      if (node?.file && node.contentHash) files.push({ file: node.file, key: node.key, contentHash: node.contentHash });
    }
    return files.sort((a, b) => compareKeys(a.file, b.file));
  }

  async writeDocuments(batches: DocumentBatch[], options: WriteOptions = {}): Promise<WriteSummary> {
    this.ensureLoaded();
    batches.forEach((batch, index) => validateBatch(batch, index));
    const summary: WriteSummary = { documents: 0, citations: 0, instrumentsCreated: 0, instrumentsUpdated: 0, unchanged: 0, conflicts: [] };
    const toWrite: DocumentBatch[] = [];
    const hashes = new Map<string, string | null>();
    for (const batch of batches) {
      const key = batch.document.key;
      const hash = batch.document.contentHash ?? null;
      const previous = hashes.has(key) ? hashes.get(key)! : this.currentHash(key);
      if (!options.force && hash !== null && previous === hash) {
        summary.unchanged++;
        continue;
      }
      hashes.set(key, hash);
      toWrite.push(batch);
    }
    const written: { meta: DocMeta; contribution: Contribution }[] = [];
    for (const batch of toWrite) {
      const result = this.apply(batch);
      written.push(result.record);
      summary.documents++;
      summary.citations += batch.cites.length;
      summary.instrumentsCreated += result.created;
      summary.instrumentsUpdated += result.updated;
      summary.conflicts!.push(...result.conflicts);
    }
    try {
      if (written.length > 0) this.log.append([this.encodeWrite(written)]);
    } catch (error) {
      // Memory is ahead of the file: go back to what the file holds, then report.
      this.unload();
      throw error;
    }
    if (this.superseded > 10_000 && this.superseded > this.contribs.size) {
      try {
        this.compact();
      } catch {
        // The write itself is durable; the store reopens the old, complete file on its next call
        // and compacts on a later write.
      }
    }
    return summary;
  }

  async getInstrument(key: string): Promise<InstrumentDetail | null> {
    this.ensureLoaded();
    const id = this.keys.find(key);
    const node = id === undefined ? undefined : this.nodes[id];
    if (id === undefined || !node) return null;
    this.ensureIndexes();
    const counts = new Map<number, number>();
    const citesIn = this.citesIn!;
    for (let i = citesIn.start[id]!; i < citesIn.start[id + 1]!; i++) {
      const doc = citesIn.entries[i]!;
      counts.set(doc, (counts.get(doc) ?? 0) + 1);
    }
    const citedBy = [...counts.entries()]
      .map(([doc, count]) => ({ key: this.keys.values[doc]!, file: this.nodes[doc]?.file ?? null, count }))
      .sort((a, b) => compareKeys(a.key, b.key));
    const citationCount = citedBy.reduce((sum, entry) => sum + entry.count, 0);
    const relations = new Map<string, { kind: string; direction: 'out' | 'in'; key: string }>();
    for (const [direction, csr] of [['out', this.relOut!], ['in', this.relIn!]] as const) {
      for (let i = csr.start[id]!; i < csr.start[id + 1]!; i++) {
        const entry = csr.entries[i]!;
        const other = this.keys.values[entry >>> 4]!;
        const kind = RELATION_KINDS[entry & 15]!;
        relations.set(`${direction}\u0000${kind}\u0000${other}`, { kind, direction, key: other });
      }
    }
    return {
      instrument: { ...node },
      citedBy: citedBy.slice(0, CITED_BY_LIMIT),
      citedByTotal: citedBy.length,
      citationCount,
      statusEvents: (this.events.get(id) ?? []).map(normalizeEvent),
      issuedBy: issuersOf(node.issuerCode, node.jurisdiction).map((ref) => normalizeIssuer(this.issuers.get(ref.key) ?? baseIssuer(ref))),
      relations: [...relations.values()].sort(
        (a, b) => compareKeys(a.direction === 'out' ? '0' : '1', b.direction === 'out' ? '0' : '1') || compareKeys(a.kind, b.kind) || compareKeys(a.key, b.key),
      ),
    };
  }

  async searchInstruments(query: InstrumentSearch): Promise<Page<InstrumentNode>> {
    this.ensureLoaded();
    const normalized = normalizeSearch(query);
    const found: InstrumentNode[] = [];
    for (let id = 0; id < this.nodes.length; id++) {
      const node = this.nodes[id];
      if (!node) continue;
      let fields = this.searchCache[id];
      if (!fields) this.searchCache[id] = fields = searchFieldsOf(node);
      if (matches(node, fields, normalized)) found.push(node);
    }
    found.sort((a, b) => compareKeys(a.key, b.key));
    const page = paginate(found, normalized.limit, normalized.cursor);
    return { items: page.items.map((node) => ({ ...node })), nextCursor: page.nextCursor };
  }

  async implementers(key: string, opts: { depth: number; limit: number; cursor?: string | null }): Promise<Page<LineageHit>> {
    const depth = validateDepth(opts.depth);
    this.ensureLoaded();
    return this.lineagePage(key, depth, opts, (frontier) => this.neighbours(frontier, 'in', IMPLEMENTER_KINDS));
  }

  async basis(key: string, opts: { depth: number; limit: number; cursor?: string | null }): Promise<Page<LineageHit>> {
    const depth = validateDepth(opts.depth);
    this.ensureLoaded();
    return this.lineagePage(key, depth, opts, (frontier) => this.neighbours(frontier, 'out', BASIS_KINDS));
  }

  async lineage(key: string, opts: { up: number; down: number }): Promise<{ nodes: InstrumentNode[]; edges: { from: string; to: string; kind: EdgeKind }[] }> {
    const up = validateDepth(opts.up, 'up', 0);
    const down = validateDepth(opts.down, 'down', 0);
    this.ensureLoaded();
    const startId = this.keys.find(key);
    if (startId === undefined || !this.nodes[startId]) return { nodes: [], edges: [] };
    const members = new Set<string>([key]);
    for (const hit of await breadthFirst(key, up, (frontier) => this.neighbours(frontier, 'out', BASIS_KINDS))) members.add(hit.key);
    for (const hit of await breadthFirst(key, down, (frontier) => this.neighbours(frontier, 'in', IMPLEMENTER_KINDS))) members.add(hit.key);
    const edges = new Map<string, { from: string; to: string; kind: EdgeKind }>();
    const add = (from: string, to: string, kind: EdgeKind) => {
      if (members.has(to) && LINEAGE_KINDS.includes(kind)) edges.set(`${from}\u0000${to}\u0000${kind}`, { from, to, kind });
    };
    this.ensureIndexes();
    for (const member of members) {
      const id = this.keys.find(member)!;
      const contribution = this.contribs.get(id);
      if (contribution) for (let i = 0; i < contribution.cites.length; i += STRIDE) add(member, this.keys.values[contribution.cites[i + C_TO]!]!, 'CITES');
      const out = this.relOut!;
      for (let i = out.start[id]!; i < out.start[id + 1]!; i++) add(member, this.keys.values[out.entries[i]! >>> 4]!, RELATION_KINDS[out.entries[i]! & 15]!);
    }
    const nodes = [...members].map((member) => ({ ...this.nodes[this.keys.find(member)!]! })).sort((a, b) => compareKeys(a.key, b.key));
    const sorted = [...edges.values()].sort((a, b) => compareKeys(a.from, b.from) || compareKeys(a.to, b.to) || compareKeys(a.kind, b.kind));
    return { nodes, edges: sorted };
  }

  async documentCitations(key: string): Promise<{ document: InstrumentNode; citations: StoredCitation[]; findings: StoredFinding[] } | null> {
    this.ensureLoaded();
    const id = this.keys.find(key);
    const contribution = id === undefined ? undefined : this.contribs.get(id);
    const document = id === undefined ? undefined : this.nodes[id];
    if (!contribution || !document) return null;
    const citations: StoredCitation[] = [];
    for (let i = 0; i < contribution.cites.length; i += STRIDE) {
      const cite = this.decodeCite(key, contribution.cites, i);
      citations.push({ ...cite, instrument: { ...this.nodes[contribution.cites[i + C_TO]!]! } });
    }
    citations.sort(compareCitations);
    return { document: { ...document }, citations, findings: this.decodeFindings(contribution.findings) };
  }

  async addStatusEvent(key: string, event: StatusEvent): Promise<void> {
    this.ensureLoaded();
    validateEvent(event);
    const id = this.keys.find(key);
    const existing = id === undefined ? undefined : this.events.get(id);
    if (existing?.some((known) => sameEvent(known, event))) return;
    this.log.append([jsonFrame({ op: 'status', k: key, e: normalizeEvent(event) } satisfies LogRecord)]);
    this.applyStatus(key, normalizeEvent(event));
    this.superseded++;
  }

  async writeKnowledge(batch: KnowledgeBatch): Promise<KnowledgeSummary> {
    this.ensureLoaded();
    validateKnowledge(batch);
    const summary = knowledgeSummary(batch);
    if (this.registryVersion === batch.version) return summary;
    const record = this.applyKnowledge({
      op: 'knowledge',
      v: batch.version,
      o: [],
      n: batch.instruments.map(normalizeNode),
      r: batch.relations.map((relation) => [relation.from, relation.to, relation.kind]),
      e: batch.statusEvents.map((event) => ({ k: event.key, e: normalizeEvent(event.event) })),
      i: batch.issuers.map(normalizeIssuer),
      u: batch.successions.map(normalizeSuccession),
    });
    try {
      this.log.append([jsonFrame(record)]);
    } catch (error) {
      this.unload();
      throw error;
    }
    this.superseded++;
    summary.written = true;
    return summary;
  }

  async knowledgeVersion(): Promise<string | null> {
    this.ensureLoaded();
    return this.registryVersion;
  }

  async listIssuers(): Promise<IssuerNode[]> {
    this.ensureLoaded();
    return [...this.issuers.values()].map(normalizeIssuer).sort(compareIssuers);
  }

  async getIssuer(key: string): Promise<IssuerDetail | null> {
    this.ensureLoaded();
    const issuer = this.issuers.get(key);
    if (!issuer) return null;
    const withIssuer = (edge: SuccessionEdge, other: string) => ({ ...normalizeSuccession(edge), issuer: normalizeIssuer(this.issuers.get(other) ?? { ...issuer, key: other }) });
    const successors = successorChain(key, (at) => this.successions.get(at) ?? []).map((edge) => withIssuer(edge, edge.to));
    const predecessors: IssuerDetail['predecessors'] = [];
    for (const list of this.successions.values()) for (const edge of list) if (edge.to === key) predecessors.push(withIssuer(edge, edge.from));
    predecessors.sort((a, b) => compareKeys(a.from, b.from));
    if (this.issuerCounts?.version !== this.version) {
      const counts = new Map<string, number>();
      for (const node of this.nodes) if (node) for (const ref of issuersOf(node.issuerCode, node.jurisdiction)) counts.set(ref.key, (counts.get(ref.key) ?? 0) + 1);
      this.issuerCounts = { version: this.version, counts };
    }
    return { issuer: normalizeIssuer(issuer), successors, predecessors, instrumentCount: this.issuerCounts.counts.get(key) ?? 0 };
  }

  async dump(): Promise<GraphDump> {
    this.ensureLoaded();
    const nodes = this.nodes.filter((node): node is InstrumentNode => node !== undefined);
    const edges: DumpEdge[] = [];
    const findings = new Map<string, StoredFinding[]>();
    for (const [docId, contribution] of this.contribs) {
      const from = this.keys.values[docId]!;
      for (let i = 0; i < contribution.cites.length; i += STRIDE) {
        const cite = this.decodeCite(from, contribution.cites, i);
        edges.push({ from, to: cite.to, kind: 'CITES', props: citesProps(cite) });
      }
      for (let i = 0; i < contribution.rels.length; i += 3) {
        edges.push({ from: this.keys.values[contribution.rels[i]!]!, to: this.keys.values[contribution.rels[i + 1]!]!, kind: RELATION_KINDS[contribution.rels[i + 2]!]!, props: { source: from } });
      }
      findings.set(from, this.decodeFindings(contribution.findings));
    }
    for (const node of nodes) {
      for (const ref of issuersOf(node.issuerCode, node.jurisdiction)) edges.push({ from: node.key, to: ref.key, kind: 'ISSUED_BY', props: {} });
    }
    for (const list of this.successions.values()) {
      for (const edge of list) edges.push({ from: edge.from, to: edge.to, kind: 'SUCCEEDED_BY', props: successionProps(edge) });
    }
    const events = new Map<string, StatusEvent[]>();
    for (const [id, list] of this.events) events.set(this.keys.values[id]!, list);
    return canonicalDump(nodes, edges, findings, events, [...this.issuers.values()]);
  }

  /**
   * Streams the whole graph, without building it in memory as `dump()` does (a bulk load into
   * Neo4j reads a 100k-plan store this way). ISSUED_BY is not handed out: it follows from each
   * node's issuer code and jurisdiction (src/graph/core/issuers.ts).
   */
  exportGraph(visitor: GraphExportVisitor): void {
    this.ensureLoaded();
    for (let id = 0; id < this.nodes.length; id++) {
      const node = this.nodes[id];
      if (!node) continue;
      const contribution = node.isDocument ? this.contribs.get(id) : undefined;
      visitor.node(node, contribution ? this.decodeFindings(contribution.findings) : null, this.events.get(id) ?? null);
    }
    for (const [docId, contribution] of this.contribs) {
      const from = this.keys.values[docId]!;
      for (let i = 0; i < contribution.cites.length; i += STRIDE) visitor.cites(from, this.decodeCite(from, contribution.cites, i));
      for (let i = 0; i < contribution.rels.length; i += 3) {
        visitor.relation(this.keys.values[contribution.rels[i]!]!, this.keys.values[contribution.rels[i + 1]!]!, RELATION_KINDS[contribution.rels[i + 2]!]!, from);
      }
    }
    for (const issuer of this.issuers.values()) visitor.issuer(normalizeIssuer(issuer));
    for (const list of this.successions.values()) for (const edge of list) visitor.succession(normalizeSuccession(edge));
    if (this.registryVersion !== null) visitor.knowledge(this.registryVersion);
  }

  async clear(): Promise<void> {
    this.ensureLoaded();
    this.log.rewrite([]);
    this.reset();
  }

  /** Rewrites the file as a snapshot of the current state (drops superseded records). */
  compact(): void {
    this.ensureLoaded();
    this.keys.resetFile();
    this.strings.resetFile();
    this.vocab.resetFile();
    try {
      this.log.rewrite(this.snapshotFrames());
    } catch (error) {
      // The file numbering was reset for a file that was not written: read the old file again.
      this.unload();
      throw error;
    }
    this.superseded = 0;
  }

  // — loading and applying —

  private ensureLoaded(): void {
    if (this.loaded) return;
    this.reset();
    const { legacy } = this.log.load(
      (payload) => this.replayFrame(payload),
      (record) => this.replay(record as LogRecord),
    );
    this.loaded = true;
    // A file of the previous format is rewritten in the current one at once.
    if (legacy) this.compact();
  }

  /** Memory may be ahead of the file: forget it, so that the next call reads the file again. */
  private unload(): void {
    this.loaded = false;
    this.log.close();
  }

  private replayFrame(payload: Buffer): void {
    try {
      if (payload[0] === FRAME_JSON) this.replay(JSON.parse(payload.toString('utf8', 1)) as LogRecord);
      else if (payload[0] === FRAME_WRITE) this.replayWrite(payload);
      else throw new Error(`unknown frame kind ${payload[0]}`);
    } catch (error) {
      throw new Error(`${this.log.path}: bản ghi hỏng (corrupt record): ${(error as Error).message}`);
    }
  }

  private reset(): void {
    this.keys = new Dictionary();
    this.strings = new Dictionary();
    this.vocab = new Dictionary();
    this.lastMessages = new Map();
    this.surfacesOf = [];
    this.nodes = [];
    this.refs = [];
    this.contribs = new Map();
    this.events = new Map();
    this.issuers = new Map();
    this.successions = new Map();
    this.registryVersion = null;
    this.searchCache = [];
    this.version++;
    this.superseded = 0;
  }

  private replay(record: LogRecord): void {
    switch (record.op) {
      case 'put':
        this.replayPut(record);
        return;
      case 'status':
        this.applyStatus(record.k, record.e);
        this.superseded++;
        return;
      case 'node':
        this.putNode(record.n.key, normalizeNode(record.n));
        this.ensureIssuersOf(this.nodes[this.keys.find(record.n.key)!]);
        return;
      case 'nodes':
        for (const node of record.n) {
          this.putNode(node.key, normalizeNode(node));
          this.ensureIssuersOf(this.nodes[this.keys.find(node.key)!]);
        }
        return;
      case 'contrib': {
        const docId = this.keyId(record.k);
        const contribution: Contribution = {
          cites: this.encodeCites(record.c.map((tuple) => citeFromTuple(record.k, tuple))),
          rels: this.encodeRels(record.r.map(([from, to, kind]) => ({ from, to, kind: kind as RelationKind, source: record.k }))),
          findings: this.encodeFindings(record.f),
        };
        this.contribs.set(docId, contribution);
        this.count(docId, contribution, 1);
        this.version++;
        return;
      }
      case 'events':
        this.events.set(this.keyId(record.k), record.e);
        return;
      case 'knowledge':
        this.replayKnowledge(record);
        return;
      case 'issuers':
        this.registryVersion = record.v;
        this.putIssuers(record.i, record.u);
        return;
      default:
        throw new Error(`${this.log.path}: bản ghi không rõ loại (unknown record) ${JSON.stringify((record as { op?: unknown }).op)}`);
    }
  }

  /** Applies one batch; returns the counts and the log line that replays it. */
  private apply(batch: DocumentBatch): { created: number; updated: number; conflicts: InstrumentConflict[]; record: { meta: DocMeta; contribution: Contribution } } {
    const key = batch.document.key;
    const docId = this.keyId(key);
    // The document's previous version, and documents of the same file under another key, go first;
    // then the instruments only they held (nothing else cites them, no status fact is recorded).
    const touched = new Set<number>();
    const old = this.contribs.get(docId);
    if (old) this.removeContribution(docId, old, touched);
    const superseded: string[] = [];
    const demoted: number[] = [];
    for (const other of batch.supersedes ?? []) {
      const id = this.keys.find(other);
      const contribution = id === undefined || id === docId ? undefined : this.contribs.get(id);
      if (id === undefined || !contribution) continue;
      superseded.push(other);
      this.removeContribution(id, contribution, touched);
      this.putNode(other, { ...this.nodes[id]!, isDocument: false, file: null, contentHash: null });
      demoted.push(id);
      touched.add(id);
    }
    const removed = this.removeOrphans(touched);
    const plan = planBatch(batch, this.table);
    const cites = this.encodeCites(batch.cites, plan.citeRefs);
    const contribution: Contribution = { cites, rels: this.encodeRels(plan.relations), findings: this.encodeFindings(plan.findings, batch.cites, cites) };
    this.contribs.set(docId, contribution);
    this.count(docId, contribution, 1);
    this.version++;
    for (const event of batch.statusEvents ?? []) this.applyStatus(event.key, normalizeEvent(event.event));
    const changed = new Set([...demoted.filter((id) => this.nodes[id] !== undefined), ...plan.dirty]);
    for (const id of changed) this.ensureIssuersOf(this.nodes[id]);
    this.putIssuers(batch.issuers ?? [], batch.successions ?? []);
    const meta: DocMeta = {
      k: key,
      s: superseded,
      o: removed,
      n: [...changed].map((id) => this.nodes[id]!),
      r: plan.relations.map((relation) => [relation.from, relation.to, relation.kind]),
      c: contribution.cites.length / STRIDE,
      f: contribution.findings.length / F_STRIDE,
    };
    if (batch.issuers?.length) meta.i = batch.issuers.map(normalizeIssuer);
    if (batch.successions?.length) meta.u = batch.successions.map(normalizeSuccession);
    if (batch.statusEvents?.length) meta.e = batch.statusEvents.map((event) => ({ k: event.key, e: normalizeEvent(event.event) }));
    return { created: plan.created, updated: plan.updated, conflicts: plan.conflicts, record: { meta, contribution } };
  }

  /** Format 1's record of one document written. */
  private replayPut(record: Extract<LogRecord, { op: 'put' }>): void {
    this.replayDoc(record, () => ({
      cites: this.encodeCites(record.c.map((tuple) => citeFromTuple(record.k, tuple))),
      rels: this.encodeRels(record.r.map(([from, to, kind]) => ({ from, to, kind: kind as RelationKind, source: record.k }))),
      findings: this.encodeFindings(record.f),
    }));
  }

  /** A write frame: its string tables, then each document as `replayDoc`. */
  private replayWrite(payload: Buffer): void {
    const metaBytes = payload.readUInt32LE(4);
    const meta = JSON.parse(payload.toString('utf8', 8, 8 + metaBytes)) as { d: DocMeta[]; K: unknown; S: unknown; V: unknown };
    this.keys.loadFile(meta.K);
    this.strings.loadFile(meta.S);
    this.vocab.loadFile(meta.V);
    const offset = 8 + align4(metaBytes);
    const ints = new Int32Array((payload.length - offset) / 4);
    payload.copy(Buffer.from(ints.buffer), 0, offset);
    let at = 0;
    for (const doc of meta.d) {
      const citeInts = doc.c * STRIDE;
      const findingInts = doc.f * F_STRIDE;
      if (!Number.isSafeInteger(citeInts) || !Number.isSafeInteger(findingInts) || at + citeInts + findingInts > ints.length) throw new Error(`counts of ${doc.k} exceed the frame`);
      const cites = ints.slice(at, at + citeInts);
      at += citeInts;
      const findings = ints.slice(at, at + findingInts);
      at += findingInts;
      for (let i = 0; i < cites.length; i += STRIDE) {
        cites[i + C_TO] = this.keys.fromFile(cites[i + C_TO]!);
        cites[i + C_SECTION] = this.vocab.fromFile(cites[i + C_SECTION]!);
        for (const field of C_TEXTS) if (cites[i + field]! >= 0) cites[i + field] = this.strings.fromFile(cites[i + field]!);
        if (cites[i + C_ISSUER]! >= 0) cites[i + C_ISSUER] = this.vocab.fromFile(cites[i + C_ISSUER]!);
        this.knowSurface(cites[i + C_TO]!, cites[i + C_SURFACE]!);
      }
      for (let i = 0; i < findings.length; i += F_STRIDE) {
        findings[i + F_RULE] = this.vocab.fromFile(findings[i + F_RULE]!);
        findings[i + F_SEVERITY] = this.vocab.fromFile(findings[i + F_SEVERITY]!);
        findings[i + F_MESSAGE] = this.strings.fromFile(findings[i + F_MESSAGE]!);
        findings[i + F_EVIDENCE] = this.strings.fromFile(findings[i + F_EVIDENCE]!);
        if (findings[i + F_EXPECTED]! >= 0) findings[i + F_EXPECTED] = this.strings.fromFile(findings[i + F_EXPECTED]!);
      }
      this.replayDoc(doc, () => ({
        cites,
        rels: this.encodeRels(doc.r.map(([from, to, kind]) => ({ from, to, kind: kind as RelationKind, source: doc.k }))),
        findings,
      }));
    }
    if (at !== ints.length) throw new Error('the frame holds ints no document claims');
  }

  /**
   * Replays one document written: removes the contributions of `k` and `s`, deletes `o`, sets the
   * nodes `n` as they are (nothing is re-merged), the events, issuers, then the contribution.
   */
  private replayDoc(record: Pick<DocMeta, 'k' | 's' | 'o' | 'n' | 'i' | 'u' | 'e'>, contributionOf: () => Contribution): void {
    const docId = this.keyId(record.k);
    const scratch = new Set<number>();
    for (const other of [record.k, ...record.s]) {
      const id = this.keys.find(other);
      const contribution = id === undefined ? undefined : this.contribs.get(id);
      if (id !== undefined && contribution) this.removeContribution(id, contribution, scratch);
    }
    this.deleteNodes(record.o);
    for (const node of record.n) this.putNode(node.key, node);
    for (const event of record.e ?? []) this.applyStatus(event.k, event.e);
    for (const node of record.n) this.ensureIssuersOf(this.nodes[this.keys.find(node.key)!]);
    this.putIssuers(record.i ?? [], record.u ?? []);
    const contribution = contributionOf();
    this.contribs.set(docId, contribution);
    this.count(docId, contribution, 1);
    this.version++;
  }

  /** Deletes, among `touched`, the instruments nothing holds any more (no edge, no status fact, not a document); returns their keys. */
  private removeOrphans(touched: Iterable<number>): string[] {
    const removed: string[] = [];
    for (const id of touched) {
      const node = this.nodes[id];
      if (node && !node.isDocument && this.refs[id] === 0 && !this.events.has(id)) {
        this.deleteNode(id);
        removed.push(node.key);
      }
    }
    return removed;
  }

  /** Replay: deletes the nodes a record says were deleted. */
  private deleteNodes(keys: readonly string[]): void {
    for (const key of keys) {
      const id = this.keys.find(key);
      if (id !== undefined) this.deleteNode(id);
    }
  }

  private deleteNode(id: number): void {
    this.nodes[id] = undefined;
    this.searchCache[id] = undefined;
  }

  private removeContribution(docId: number, contribution: Contribution, touched: Set<number>): void {
    this.contribs.delete(docId);
    this.count(docId, contribution, -1);
    this.superseded++;
    for (const id of this.touched(docId, contribution)) touched.add(id);
  }

  private applyStatus(key: string, event: StatusEvent): void {
    const id = this.keyId(key);
    if (!this.nodes[id]) this.putNode(key, stubNode(key));
    const list = this.events.get(id) ?? [];
    if (list.some((known) => sameEvent(known, event))) return;
    list.push(event);
    this.events.set(id, list);
    this.putNode(key, { ...this.nodes[id]!, status: statusAfter(list) });
    this.version++;
  }

  private count(docId: number, contribution: Contribution, delta: 1 | -1): void {
    const { cites, rels } = contribution;
    for (let i = 0; i < cites.length; i += STRIDE) {
      this.refs[docId] = (this.refs[docId] ?? 0) + delta;
      const to = cites[i + C_TO]!;
      this.refs[to] = (this.refs[to] ?? 0) + delta;
    }
    for (let i = 0; i < rels.length; i += 3) {
      this.refs[rels[i]!] = (this.refs[rels[i]!] ?? 0) + delta;
      this.refs[rels[i + 1]!] = (this.refs[rels[i + 1]!] ?? 0) + delta;
    }
  }

  private touched(docId: number, contribution: Contribution): Set<number> {
    const ids = new Set<number>();
    for (let i = 0; i < contribution.cites.length; i += STRIDE) ids.add(contribution.cites[i + C_TO]!);
    for (let i = 0; i < contribution.rels.length; i += 3) {
      ids.add(contribution.rels[i]!);
      ids.add(contribution.rels[i + 1]!);
    }
    ids.delete(docId);
    return ids;
  }

  private currentHash(key: string): string | null {
    const id = this.keys.find(key);
    if (id === undefined || !this.contribs.has(id)) return null;
    return this.nodes[id]?.contentHash ?? null;
  }

  /**
   * The node with every string held by the store itself (see detach). Values many nodes share
   * (type, family, date, issuer, code, jurisdiction) come from the small vocabulary table; values
   * particular to one node (number, subject, file, hash) are copied once, or kept from `previous`
   * when unchanged: interning them would only grow the large string table.
   */
  private ownNode(node: InstrumentNode, previous: InstrumentNode | undefined, id: number): InstrumentNode {
    const shared = (value: string | null | undefined) => (value === null || value === undefined ? null : this.vocab.own(value));
    const single = (value: string | null | undefined, kept: string | null | undefined) =>
      value === null || value === undefined ? null : value === kept ? kept : detach(value);
    return {
      key: this.keys.values[id]!,
      type: shared(node.type),
      number: single(node.number, previous?.number),
      family: shared(node.family),
      date: shared(node.date),
      year: node.year,
      issuer: shared(node.issuer),
      issuerCode: shared(node.issuerCode),
      jurisdiction: shared(node.jurisdiction),
      subject: single(node.subject, previous?.subject),
      status: node.status,
      isDocument: node.isDocument,
      file: single(node.file, previous?.file),
      contentHash: single(node.contentHash, previous?.contentHash),
    };
  }

  private setNode(id: number, node: InstrumentNode): void {
    this.nodes[id] = this.ownNode(node, this.nodes[id], id);
    this.searchCache[id] = undefined;
  }

  private nodeOf(key: string): InstrumentNode | undefined {
    const id = this.keys.find(key);
    return id === undefined ? undefined : this.nodes[id];
  }

  private putNode(key: string, node: InstrumentNode): void {
    this.setNode(this.keyId(key), node);
  }

  private keyId(key: string): number {
    const id = this.keys.id(key);
    if (id >= this.refs.length) this.refs.push(0);
    return id;
  }

  /**
   * An as-written text of a citation: -1 for none; most are part of the surface
   * ("Nghị định số 04/2015/NĐ-CP ngày 9-1-2015" holds the type, the number and the date as
   * written), kept as that slice (<= -2: start and length) instead of a string of their own; else
   * an interned id.
   */
  private encodeText(value: string | null | undefined, surface: string): number {
    if (value === null || value === undefined) return -1;
    if (value.length <= MAX_SLICE) {
      const start = surface.indexOf(value);
      if (start >= 0 && start < MAX_SLICE_START) return -2 - (start * 256 + value.length);
    }
    return this.strings.id(value);
  }

  private decodeText(code: number, surface: string): string | null {
    if (code === -1) return null;
    if (code >= 0) return this.strings.values[code]!;
    const packed = -2 - code;
    const start = Math.floor(packed / 256);
    return surface.slice(start, start + (packed & 255));
  }

  /** A normalised date (YYYY-MM-DD) as -2 - YYYYMMDD; anything else interned. */
  private encodeDate(value: string | null | undefined): number {
    if (value === null || value === undefined) return -1;
    const packed = isoDateNumber(value);
    if (packed >= 0) return -2 - packed;
    return this.strings.id(value);
  }

  private decodeDate(code: number): string | null {
    if (code === -1) return null;
    if (code >= 0) return this.strings.values[code]!;
    const packed = -2 - code;
    const text = String(packed).padStart(8, '0');
    return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
  }

  /** `toIds`: the targets' node ids when already known (planBatch's citeRefs). */
  private encodeCites(cites: CitesEdge[], toIds?: readonly number[]): Int32Array {
    const packed = new Int32Array(cites.length * STRIDE);
    let at = 0;
    for (let i = 0; i < cites.length; i++) {
      const cite = cites[i]!;
      const surface = cite.surface;
      packed[at + C_TO] = toIds ? toIds[i]! : this.keyId(cite.to);
      packed[at + C_SECTION] = this.vocab.id(cite.section);
      packed[at + C_OFFSET] = cite.offset;
      packed[at + C_LENGTH] = cite.length;
      packed[at + C_LINE] = cite.line;
      packed[at + C_COLUMN] = cite.column;
      packed[at + C_SURFACE] = this.surfaceId(packed[at + C_TO]!, surface);
      packed[at + C_NUMBER] = this.encodeText(cite.numberWritten, surface);
      packed[at + C_DATE_WRITTEN] = this.encodeText(cite.dateWritten, surface);
      packed[at + C_DATE] = this.encodeDate(cite.date);
      // An issuer as written is seldom inside the surface, and there are few of them.
      packed[at + C_ISSUER] = cite.issuerWritten === null || cite.issuerWritten === undefined ? -1 : this.vocab.id(cite.issuerWritten);
      packed[at + C_TYPE] = this.encodeText(cite.typeWritten, surface);
      at += STRIDE;
    }
    return packed;
  }

  /**
   * Findings as ints. `cites` and `packedCites` (the same citations, encoded) let a finding about
   * a citation reuse what is known of it: evidence that is the citation's surface takes the
   * surface's id, and the message is first compared with the one last stored for the same rule
   * and instrument (see lastMessages) — both without hashing the text again.
   */
  private encodeFindings(findings: readonly StoredFinding[], cites: readonly CitesEdge[] = [], packedCites?: Int32Array): Int32Array {
    const packed = new Int32Array(findings.length * F_STRIDE);
    let at = 0;
    for (const finding of findings) {
      const rule = this.vocab.id(finding.ruleId);
      packed[at + F_RULE] = rule;
      packed[at + F_SEVERITY] = this.vocab.id(finding.severity);
      packed[at + F_LINE] = finding.line;
      packed[at + F_COLUMN] = finding.column;
      const cite = packedCites ? citeAt(cites, finding.line, finding.column) : -1;
      if (cite >= 0) {
        const surfaceId = packedCites![cite * STRIDE + C_SURFACE]!;
        packed[at + F_MESSAGE] = this.messageAbout(rule, packedCites![cite * STRIDE + C_TO]!, finding.message);
        packed[at + F_EVIDENCE] = finding.evidence === cites[cite]!.surface ? surfaceId : this.strings.id(finding.evidence);
      } else {
        packed[at + F_MESSAGE] = this.strings.id(finding.message);
        packed[at + F_EVIDENCE] = this.strings.id(finding.evidence);
      }
      packed[at + F_EXPECTED] = finding.expected === null || finding.expected === undefined ? -1 : this.strings.id(finding.expected);
      at += F_STRIDE;
    }
    return packed;
  }

  /** The string id of `surface`, written of instrument `to` (see surfacesOf). */
  private surfaceId(to: number, surface: string): number {
    const print = fingerprint(surface);
    let list = this.surfacesOf[to];
    if (list === undefined) {
      list = [];
      this.surfacesOf[to] = list;
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] === print && this.strings.values[list[i + 1]!] === surface) return list[i + 1]!;
      }
    }
    const id = this.strings.add(surface);
    list.push(print, id);
    return id;
  }

  /** Replay: records that instrument `to` was cited with the surface of string id `id`. */
  private knowSurface(to: number, id: number): void {
    let list = this.surfacesOf[to];
    if (list === undefined) {
      list = [];
      this.surfacesOf[to] = list;
    } else {
      for (let i = 1; i < list.length; i += 2) if (list[i] === id) return;
    }
    list.push(fingerprint(this.strings.values[id]!), id);
  }

  /** The string id of `message`, given by `rule` about instrument `to` (see lastMessages). */
  private messageAbout(rule: number, to: number, message: string): number {
    let last = this.lastMessages.get(rule);
    if (!last || last.length <= to) {
      const grown = new Int32Array(Math.max(1024, (to + 1) * 2)).fill(-1);
      if (last) grown.set(last);
      last = grown;
      this.lastMessages.set(rule, last);
    }
    const known = last[to]!;
    if (known >= 0 && this.strings.values[known] === message) return known;
    const id = this.strings.id(message);
    last[to] = id;
    return id;
  }

  private decodeFindings(packed: Int32Array): StoredFinding[] {
    const findings: StoredFinding[] = [];
    for (let at = 0; at < packed.length; at += F_STRIDE) {
      const expected = packed[at + F_EXPECTED]!;
      findings.push({
        ruleId: this.vocab.values[packed[at + F_RULE]!]!,
        severity: this.vocab.values[packed[at + F_SEVERITY]!]!,
        message: this.strings.values[packed[at + F_MESSAGE]!]!,
        line: packed[at + F_LINE]!,
        column: packed[at + F_COLUMN]!,
        evidence: this.strings.values[packed[at + F_EVIDENCE]!]!,
        expected: expected < 0 ? null : this.strings.values[expected]!,
      });
    }
    return findings;
  }

  /**
   * One frame for the documents of one write: a JSON part (each document's keys, nodes and
   * relations, and the strings new to the file) and the documents' cites and findings as ints,
   * with ids as the file numbers them.
   */
  private encodeWrite(docs: readonly { meta: DocMeta; contribution: Contribution }[]): Buffer {
    if (endianness() !== 'LE') throw new Error('the embedded store needs a little-endian machine');
    let total = 0;
    for (const { contribution } of docs) total += contribution.cites.length + contribution.findings.length;
    const ints = new Int32Array(total);
    let at = 0;
    for (const { contribution } of docs) {
      const { cites, findings } = contribution;
      for (let i = 0; i < cites.length; i += STRIDE) {
        ints[at + C_TO] = this.keys.toFile(cites[i + C_TO]!);
        ints[at + C_SECTION] = this.vocab.toFile(cites[i + C_SECTION]!);
        ints[at + C_OFFSET] = cites[i + C_OFFSET]!;
        ints[at + C_LENGTH] = cites[i + C_LENGTH]!;
        ints[at + C_LINE] = cites[i + C_LINE]!;
        ints[at + C_COLUMN] = cites[i + C_COLUMN]!;
        for (const field of C_TEXTS) {
          const code = cites[i + field]!;
          ints[at + field] = code >= 0 ? this.strings.toFile(code) : code;
        }
        const issuer = cites[i + C_ISSUER]!;
        ints[at + C_ISSUER] = issuer >= 0 ? this.vocab.toFile(issuer) : issuer;
        at += STRIDE;
      }
      for (let i = 0; i < findings.length; i += F_STRIDE) {
        ints[at + F_RULE] = this.vocab.toFile(findings[i + F_RULE]!);
        ints[at + F_SEVERITY] = this.vocab.toFile(findings[i + F_SEVERITY]!);
        ints[at + F_MESSAGE] = this.strings.toFile(findings[i + F_MESSAGE]!);
        ints[at + F_LINE] = findings[i + F_LINE]!;
        ints[at + F_COLUMN] = findings[i + F_COLUMN]!;
        ints[at + F_EVIDENCE] = this.strings.toFile(findings[i + F_EVIDENCE]!);
        const expected = findings[i + F_EXPECTED]!;
        ints[at + F_EXPECTED] = expected >= 0 ? this.strings.toFile(expected) : expected;
        at += F_STRIDE;
      }
    }
    const meta = JSON.stringify({ d: docs.map((doc) => doc.meta), K: this.keys.takePending(), S: this.strings.takePending(), V: this.vocab.takePending() });
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

  private encodeRels(relations: RelationEdge[]): Int32Array {
    const packed = new Int32Array(relations.length * 3);
    relations.forEach((relation, i) => {
      packed[i * 3] = this.keyId(relation.from);
      packed[i * 3 + 1] = this.keyId(relation.to);
      packed[i * 3 + 2] = RELATION_KINDS.indexOf(relation.kind as RelationKind);
    });
    return packed;
  }

  private decodeCite(from: string, cites: Int32Array, at: number): CitesEdge {
    const surface = this.strings.values[cites[at + C_SURFACE]!]!;
    return {
      from,
      to: this.keys.values[cites[at + C_TO]!]!,
      section: this.vocab.values[cites[at + C_SECTION]!]!,
      offset: cites[at + C_OFFSET]!,
      length: cites[at + C_LENGTH]!,
      line: cites[at + C_LINE]!,
      column: cites[at + C_COLUMN]!,
      surface,
      numberWritten: this.decodeText(cites[at + C_NUMBER]!, surface),
      dateWritten: this.decodeText(cites[at + C_DATE_WRITTEN]!, surface),
      date: this.decodeDate(cites[at + C_DATE]!),
      issuerWritten: cites[at + C_ISSUER]! < 0 ? null : this.vocab.values[cites[at + C_ISSUER]!]!,
      typeWritten: this.decodeText(cites[at + C_TYPE]!, surface),
    };
  }

  // — derived indexes —

  private ensureIndexes(): void {
    if (this.indexVersion === this.version && this.relOut && this.relIn && this.citesIn) return;
    const n = this.keys.size;
    const outCount = new Int32Array(n + 1);
    const inCount = new Int32Array(n + 1);
    const citeCount = new Int32Array(n + 1);
    for (const contribution of this.contribs.values()) {
      const { cites, rels } = contribution;
      for (let i = 0; i < cites.length; i += STRIDE) citeCount[cites[i + C_TO]!]!++;
      for (let i = 0; i < rels.length; i += 3) {
        outCount[rels[i]!]!++;
        inCount[rels[i + 1]!]!++;
      }
    }
    const relOut = toCsr(outCount);
    const relIn = toCsr(inCount);
    const citesIn = toCsr(citeCount);
    const outFill = relOut.start.slice(0, n);
    const inFill = relIn.start.slice(0, n);
    const citeFill = citesIn.start.slice(0, n);
    for (const [docId, contribution] of this.contribs) {
      const { cites, rels } = contribution;
      for (let i = 0; i < cites.length; i += STRIDE) citesIn.entries[citeFill[cites[i + C_TO]!]!++] = docId;
      for (let i = 0; i < rels.length; i += 3) {
        const from = rels[i]!;
        const to = rels[i + 1]!;
        const kind = rels[i + 2]!;
        relOut.entries[outFill[from]!++] = (to << 4) | kind;
        relIn.entries[inFill[to]!++] = (from << 4) | kind;
      }
    }
    this.relOut = relOut;
    this.relIn = relIn;
    this.citesIn = citesIn;
    this.indexVersion = this.version;
  }

  private neighbours(frontier: string[], direction: 'out' | 'in', kinds: readonly EdgeKind[]): Map<string, string[]> {
    this.ensureIndexes();
    const wanted = new Set<number>(kinds.filter((kind) => kind !== 'CITES').map((kind) => RELATION_KINDS.indexOf(kind as RelationKind)));
    const withCites = direction === 'out' && kinds.includes('CITES');
    const csr = direction === 'out' ? this.relOut! : this.relIn!;
    const result = new Map<string, string[]>();
    for (const key of frontier) {
      const id = this.keys.find(key);
      if (id === undefined || !this.nodes[id]) continue;
      const found: string[] = [];
      if (withCites) {
        const contribution = this.contribs.get(id);
        if (contribution) for (let i = 0; i < contribution.cites.length; i += STRIDE) found.push(this.keys.values[contribution.cites[i + C_TO]!]!);
      }
      for (let i = csr.start[id]!; i < csr.start[id + 1]!; i++) {
        const entry = csr.entries[i]!;
        if (wanted.has(entry & 15)) found.push(this.keys.values[entry >>> 4]!);
      }
      result.set(key, found);
    }
    return result;
  }

  private async lineagePage(
    key: string,
    depth: number,
    opts: { limit: number; cursor?: string | null },
    expand: (frontier: string[]) => Map<string, string[]>,
  ): Promise<Page<LineageHit>> {
    const id = this.keys.find(key);
    const reached = id === undefined || !this.nodes[id] ? [] : await breadthFirst(key, depth, expand);
    const page = paginate(reached, opts.limit, opts.cursor);
    return {
      items: page.items.map((hit) => {
        const node = this.nodes[this.keys.find(hit.key)!]!;
        return { key: hit.key, type: node.type, number: node.number, date: node.date, issuer: node.issuer, depth: hit.depth, path: hit.path };
      }),
      nextCursor: page.nextCursor,
    };
  }

  /** Base issuer nodes for the ISSUED_BY targets of `node` that the store does not hold yet. */
  private ensureIssuersOf(node: InstrumentNode | undefined): void {
    if (!node) return;
    for (const ref of issuersOf(node.issuerCode, node.jurisdiction)) if (!this.issuers.has(ref.key)) this.issuers.set(ref.key, baseIssuer(ref));
  }

  /** Upserts described issuers (whole) and successions (one per from → to). */
  private putIssuers(issuers: readonly IssuerNode[], successions: readonly SuccessionEdge[]): void {
    for (const issuer of issuers) this.issuers.set(issuer.key, normalizeIssuer(issuer));
    for (const raw of successions) {
      const edge = normalizeSuccession(raw);
      for (const end of [edge.from, edge.to]) if (!this.issuers.has(end)) this.issuers.set(end, baseIssuerForKey(end));
      const list = (this.successions.get(edge.from) ?? []).filter((known) => known.to !== edge.to);
      list.push(edge);
      this.successions.set(edge.from, list);
    }
  }

  /**
   * Applies the registry's knowledge: its previous edges go, its instruments merge (registry
   * values win over citations, not over a document's header), status events are added, its new
   * edges are written, then instruments nothing holds any more go. Successions are replaced whole.
   * Returns the record that replays it.
   */
  private applyKnowledge(record: Extract<LogRecord, { op: 'knowledge' }>): Extract<LogRecord, { op: 'knowledge' }> {
    const touched = new Set<number>();
    this.removeRegistryRelations(touched);
    const changed: InstrumentNode[] = [];
    for (const incoming of record.n) {
      const next = mergeKnowledgeNode(this.nodeOf(incoming.key), incoming);
      if (next) {
        this.putNode(incoming.key, next);
        changed.push(this.nodeOf(incoming.key)!);
      }
    }
    for (const event of record.e) this.applyStatus(event.k, event.e);
    this.setRegistryRelations(record.r);
    const removed = this.removeOrphans(touched);
    this.finishKnowledge(record, changed);
    return { ...record, o: removed, n: changed.filter((node) => !removed.includes(node.key)) };
  }

  private replayKnowledge(record: Extract<LogRecord, { op: 'knowledge' }>): void {
    // The record holds the merged nodes: set them as they are, then the rest as when it was written.
    this.removeRegistryRelations(new Set());
    this.deleteNodes(record.o);
    for (const node of record.n) this.putNode(node.key, node);
    for (const event of record.e) this.applyStatus(event.k, event.e);
    this.setRegistryRelations(record.r);
    this.finishKnowledge(record, record.n);
  }

  private removeRegistryRelations(touched: Set<number>): void {
    const registryId = this.keyId(REGISTRY_SOURCE);
    const old = this.contribs.get(registryId);
    if (old) this.removeContribution(registryId, old, touched);
  }

  /** The registry's relations, without duplicates, as the contribution of REGISTRY_SOURCE; an end not stored becomes a stub. */
  private setRegistryRelations(tuples: RelTuple[]): void {
    const relations: RelationEdge[] = [];
    const seen = new Set<string>();
    for (const [from, to, kind] of tuples) {
      const id = `${from}\u0000${to}\u0000${kind}`;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const end of [from, to]) if (!this.nodeOf(end)) this.putNode(end, stubNode(end));
      relations.push({ from, to, kind: kind as RelationKind, source: REGISTRY_SOURCE });
    }
    const registryId = this.keyId(REGISTRY_SOURCE);
    const contribution: Contribution = { cites: new Int32Array(0), rels: this.encodeRels(relations), findings: new Int32Array(0) };
    this.contribs.set(registryId, contribution);
    this.count(registryId, contribution, 1);
  }

  /** After a knowledge record's nodes: their issuers, the registry's issuers and successions (replaced whole), its version. */
  private finishKnowledge(record: Extract<LogRecord, { op: 'knowledge' }>, nodes: readonly InstrumentNode[]): void {
    for (const node of nodes) this.ensureIssuersOf(node);
    this.successions = new Map();
    this.putIssuers(record.i, record.u);
    this.registryVersion = record.v;
    this.version++;
  }

  /** The current state as frames: nodes, contributions (write frames), events, issuers. */
  private *snapshotFrames(): Generator<Buffer> {
    let nodes: InstrumentNode[] = [];
    for (const node of this.nodes) {
      if (!node) continue;
      nodes.push(node);
      if (nodes.length === SNAPSHOT_NODES) {
        yield jsonFrame({ op: 'nodes', n: nodes } satisfies LogRecord);
        nodes = [];
      }
    }
    if (nodes.length > 0) yield jsonFrame({ op: 'nodes', n: nodes } satisfies LogRecord);
    let docs: { meta: DocMeta; contribution: Contribution }[] = [];
    for (const [docId, contribution] of this.contribs) {
      const r: RelTuple[] = [];
      for (let i = 0; i < contribution.rels.length; i += 3) {
        r.push([this.keys.values[contribution.rels[i]!]!, this.keys.values[contribution.rels[i + 1]!]!, RELATION_KINDS[contribution.rels[i + 2]!]!]);
      }
      const meta: DocMeta = { k: this.keys.values[docId]!, s: [], o: [], n: [], r, c: contribution.cites.length / STRIDE, f: contribution.findings.length / F_STRIDE };
      docs.push({ meta, contribution });
      if (docs.length === SNAPSHOT_DOCS) {
        yield this.encodeWrite(docs);
        docs = [];
      }
    }
    if (docs.length > 0) yield this.encodeWrite(docs);
    for (const [id, list] of this.events) yield jsonFrame({ op: 'events', k: this.keys.values[id]!, e: list } satisfies LogRecord);
    yield jsonFrame({ op: 'issuers', v: this.registryVersion, i: [...this.issuers.values()], u: [...this.successions.values()].flat() } satisfies LogRecord);
  }
}

function jsonFrame(record: LogRecord): Buffer {
  const text = JSON.stringify(record);
  const payload = Buffer.allocUnsafe(1 + Buffer.byteLength(text, 'utf8'));
  payload[0] = FRAME_JSON;
  payload.write(text, 1, 'utf8');
  return payload;
}

function align4(bytes: number): number {
  return (bytes + 3) & ~3;
}

/** Length and three characters of a string, mixed into an int: unequal prints mean unequal strings. */
function fingerprint(value: string): number {
  const n = value.length;
  if (n === 0) return 0;
  return ((n << 16) ^ (value.charCodeAt(n - 1) << 8) ^ (value.charCodeAt(n >> 1) << 4) ^ value.charCodeAt((n * 3) >> 2)) | 0;
}

const DATE_DIGITS = [0, 1, 2, 3, 5, 6, 8, 9];

/** YYYY-MM-DD as the number YYYYMMDD, read digit by digit; -1 for anything else. */
function isoDateNumber(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return -1;
  let packed = 0;
  for (const i of DATE_DIGITS) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    packed = packed * 10 + digit;
  }
  return packed;
}

function toCsr(counts: Int32Array): Csr {
  const n = counts.length - 1;
  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    start[i] = total;
    total += counts[i]!;
  }
  start[n] = total;
  return { start, entries: new Int32Array(total) };
}


function citeFromTuple(from: string, t: CiteTuple): CitesEdge {
  return { from, to: t[0], section: t[1], offset: t[2], length: t[3], line: t[4], column: t[5], surface: t[6], numberWritten: t[7], dateWritten: t[8], date: t[9], issuerWritten: t[10], typeWritten: t[11] };
}

