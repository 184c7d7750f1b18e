// The embedded GraphStore: everything in memory, persisted as JSON lines under a directory
// (default .cancu/graph). Small and boring on purpose; parity with Neo4j comes from sharing the
// merge, lineage, search and dump logic in ../core and from the one contract test suite.
//
// Layout, chosen for 100k plans / ~5M citation edges in well under 1.5 GB:
// - instruments: one plain object per key, keys interned to small integer ids;
// - each document's contribution (its CITES edges, the relation edges it states, its findings) is
//   kept together, the edges packed in Int32Arrays with every string interned — a document is
//   replaced by swapping one entry, which is what makes each write atomic;
// - reverse adjacency (who cites / implements X) is derived lazily after writes (CSR arrays).
import { deflateRawSync, inflateRawSync } from 'node:zlib';
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
import { mergeKnowledgeNode, normalizeNode, planBatch, stubNode, type NodeTable } from '../core/merge.js';
import { matches, normalizeSearch, searchFieldsOf, type SearchFields } from '../core/search.js';
import { compareKeys } from '../core/text.js';
import { RELATION_KINDS, validateBatch, validateEvent, validateKnowledge, type RelationKind } from '../core/validate.js';
import { GraphLog } from './log.js';
import { citeTuple, type CiteTuple } from '../core/cites.js';

/** Int32 fields per CITES edge (strings are interned ids, -1 for null). */
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

interface Contribution {
  cites: Int32Array;
  /** Triples: from id, to id, kind index (RELATION_KINDS). */
  rels: Int32Array;
  /** The document's findings: an entry of a deflated block shared by the documents of one write (see FindingsPacker). */
  findings: FindingsRef;
}

/**
 * Findings are read rarely (documentCitations, dump) and would otherwise dominate memory (tens per
 * plan, long Vietnamese messages). The findings of all documents of one write are deflated
 * together, once: per-document compression costs a zlib call each, far more than the data.
 */
interface FindingsBlock {
  deflated: Buffer | null;
  /** Set until the block is sealed (the write in progress). */
  pending: string[] | null;
}

interface FindingsRef {
  block: FindingsBlock;
  index: number;
}

class FindingsPacker {
  private block: FindingsBlock | null = null;
  private last: { block: FindingsBlock; lists: StoredFinding[][] } | null = null;

  /** Adds one document's findings (already JSON); sealed into the block at `seal()`. */
  add(json: string): FindingsRef {
    this.block ??= { deflated: null, pending: [] };
    this.block.pending!.push(json);
    return { block: this.block, index: this.block.pending!.length - 1 };
  }

  seal(): void {
    const block = this.block;
    if (!block) return;
    this.block = null;
    const text = `[${block.pending!.join(',')}]`;
    block.pending = null;
    block.deflated = text === '[]' ? null : deflateRawSync(text, { level: 1 });
  }

  read(ref: FindingsRef): StoredFinding[] {
    if (ref.block.pending) return JSON.parse(ref.block.pending[ref.index]!) as StoredFinding[];
    if (this.last?.block !== ref.block) {
      const lists = ref.block.deflated ? (JSON.parse(inflateRawSync(ref.block.deflated).toString('utf8')) as StoredFinding[][]) : [];
      this.last = { block: ref.block, lists };
    }
    return this.last.lists[ref.index] ?? [];
  }
}

/** Compressed sparse rows: neighbours of node i are entries[start[i] .. start[i+1]). */
interface Csr {
  start: Int32Array;
  entries: Int32Array;
}

/**
 * A copy of `text` that shares no memory with the string it may have been sliced from. The
 * extractor's strings are slices of the whole plan: keeping one would keep the plan's text alive.
 */
function detach(text: string): string {
  return (' ' + text).slice(1);
}

class Interner {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];
  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      const own = detach(value);
      id = this.values.length;
      this.values.push(own);
      this.ids.set(own, id);
    }
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
}

// Records of the log (see docs/graph.md § Memory store file format).
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
  | { op: 'contrib'; k: string; c: CiteTuple[]; r: RelTuple[]; f: StoredFinding[] }
  | { op: 'events'; k: string; e: StatusEvent[] };

export interface MemoryStoreOptions {
  /** Directory of the store's file (created when missing). */
  dir: string;
}

export class MemoryGraphStore implements GraphStore {
  readonly kind = 'memory' as const;
  private readonly log: GraphLog;
  private loaded = false;

  private keys = new Interner();
  private strings = new Interner();
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
  private findings = new FindingsPacker();
  private replayed = 0;

  private readonly table: NodeTable = {
    get: (key) => {
      const id = this.keys.find(key);
      return id === undefined ? undefined : this.nodes[id];
    },
    set: (key, node) => {
      const id = this.keyId(key);
      this.nodes[id] = this.ownNode(node, id);
      this.searchCache[id] = undefined;
    },
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
    const records: string[] = [];
    for (const batch of toWrite) {
      const result = this.apply(batch);
      records.push(result.line);
      summary.documents++;
      summary.citations += batch.cites.length;
      summary.instrumentsCreated += result.created;
      summary.instrumentsUpdated += result.updated;
      summary.conflicts!.push(...result.conflicts);
    }
    this.findings.seal();
    try {
      this.log.append(records);
    } catch (error) {
      // Memory is ahead of the file: go back to what the file holds, then report.
      this.loaded = false;
      this.log.close();
      throw error;
    }
    if (this.superseded > 10_000 && this.superseded > this.contribs.size) this.compact();
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
    return { document: { ...document }, citations, findings: this.findings.read(contribution.findings) };
  }

  async addStatusEvent(key: string, event: StatusEvent): Promise<void> {
    this.ensureLoaded();
    validateEvent(event);
    const id = this.keys.find(key);
    const existing = id === undefined ? undefined : this.events.get(id);
    if (existing?.some((known) => sameEvent(known, event))) return;
    this.log.append([JSON.stringify({ op: 'status', k: key, e: normalizeEvent(event) } satisfies LogRecord)]);
    this.applyStatus(key, normalizeEvent(event));
    this.superseded++;
  }

  async writeKnowledge(batch: KnowledgeBatch): Promise<KnowledgeSummary> {
    this.ensureLoaded();
    validateKnowledge(batch);
    const summary: KnowledgeSummary = {
      written: false,
      instruments: batch.instruments.length,
      statusEvents: batch.statusEvents.length,
      relations: batch.relations.length,
      issuers: batch.issuers.length,
      successions: batch.successions.length,
    };
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
      this.log.append([JSON.stringify(record)]);
    } catch (error) {
      this.loaded = false;
      this.log.close();
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
      findings.set(from, this.findings.read(contribution.findings));
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

  async clear(): Promise<void> {
    this.ensureLoaded();
    this.log.rewrite([]);
    this.reset();
  }

  /** Rewrites the file as a snapshot of the current state (drops superseded records). */
  compact(): void {
    this.ensureLoaded();
    this.log.rewrite(this.snapshotLines());
    this.superseded = 0;
  }

  // — loading and applying —

  private ensureLoaded(): void {
    if (this.loaded) return;
    this.reset();
    this.log.load((record) => this.replay(record as LogRecord));
    this.findings.seal();
    this.loaded = true;
  }

  private reset(): void {
    this.keys = new Interner();
    this.strings = new Interner();
    this.nodes = [];
    this.refs = [];
    this.contribs = new Map();
    this.events = new Map();
    this.issuers = new Map();
    this.successions = new Map();
    this.registryVersion = null;
    this.searchCache = [];
    this.findings = new FindingsPacker();
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
        this.table.set(record.n.key, normalizeNode(record.n));
        this.ensureIssuersOf(this.nodes[this.keys.find(record.n.key)!]);
        return;
      case 'contrib': {
        const docId = this.keyId(record.k);
        const contribution: Contribution = {
          cites: this.encodeCites(record.c.map((tuple) => citeFromTuple(record.k, tuple))),
          rels: this.encodeRels(record.r.map(([from, to, kind]) => ({ from, to, kind: kind as RelationKind, source: record.k }))),
          findings: this.findings.add(JSON.stringify(record.f)),
        };
        this.contribs.set(docId, contribution);
        this.count(docId, contribution, 1);
        this.version++;
        if (++this.replayed % 500 === 0) this.findings.seal();
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
  private apply(batch: DocumentBatch): { created: number; updated: number; conflicts: InstrumentConflict[]; line: string } {
    const key = batch.document.key;
    const docId = this.keyId(key);
    // The document's previous version, and documents of the same file under another key, go first;
    // then the instruments only they held (nothing else cites them, no status fact is recorded).
    const touched = new Set<number>();
    const removed: string[] = [];
    const old = this.contribs.get(docId);
    if (old) this.removeContribution(docId, old, touched);
    const superseded: string[] = [];
    const demoted: string[] = [];
    for (const other of batch.supersedes ?? []) {
      const id = this.keys.find(other);
      const contribution = id === undefined || id === docId ? undefined : this.contribs.get(id);
      if (id === undefined || !contribution) continue;
      superseded.push(other);
      this.removeContribution(id, contribution, touched);
      this.table.set(other, { ...this.nodes[id]!, isDocument: false, file: null, contentHash: null });
      demoted.push(other);
      touched.add(id);
    }
    for (const id of touched) {
      const node = this.nodes[id];
      if (node && !node.isDocument && this.refs[id] === 0 && !this.events.has(id)) {
        this.nodes[id] = undefined;
        this.searchCache[id] = undefined;
        removed.push(node.key);
      }
    }
    const plan = planBatch(batch, this.table);
    const findingsJson = JSON.stringify(plan.findings);
    const contribution: Contribution = { cites: this.encodeCites(batch.cites), rels: this.encodeRels(plan.relations), findings: this.findings.add(findingsJson) };
    this.contribs.set(docId, contribution);
    this.count(docId, contribution, 1);
    this.version++;
    for (const event of batch.statusEvents ?? []) this.applyStatus(event.key, normalizeEvent(event.event));
    const changed = new Set([...demoted.filter((other) => !removed.includes(other)), ...plan.dirty]);
    for (const other of changed) this.ensureIssuersOf(this.nodes[this.keys.find(other)!]);
    this.putIssuers(batch.issuers ?? [], batch.successions ?? []);
    const record: Omit<Extract<LogRecord, { op: 'put' }>, 'f'> = {
      op: 'put',
      k: key,
      s: superseded,
      o: removed,
      n: [...changed].map((other) => this.nodes[this.keys.find(other)!]!),
      c: batch.cites.map(citeTuple),
      r: plan.relations.map((relation) => [relation.from, relation.to, relation.kind]),
    };
    if (batch.issuers?.length) record.i = batch.issuers.map(normalizeIssuer);
    if (batch.successions?.length) record.u = batch.successions.map(normalizeSuccession);
    if (batch.statusEvents?.length) record.e = batch.statusEvents.map((event) => ({ k: event.key, e: normalizeEvent(event.event) }));
    // The findings JSON is spliced in rather than serialised a second time.
    const line = `${JSON.stringify(record).slice(0, -1)},"f":${findingsJson}}`;
    return { created: plan.created, updated: plan.updated, conflicts: plan.conflicts, line };
  }

  private replayPut(record: Extract<LogRecord, { op: 'put' }>): void {
    const docId = this.keyId(record.k);
    const scratch = new Set<number>();
    for (const other of [record.k, ...record.s]) {
      const id = this.keys.find(other);
      const contribution = id === undefined ? undefined : this.contribs.get(id);
      if (id !== undefined && contribution) this.removeContribution(id, contribution, scratch);
    }
    for (const other of record.o) {
      const id = this.keys.find(other);
      if (id !== undefined) {
        this.nodes[id] = undefined;
        this.searchCache[id] = undefined;
      }
    }
    for (const node of record.n) this.table.set(node.key, node);
    for (const event of record.e ?? []) this.applyStatus(event.k, event.e);
    for (const node of record.n) this.ensureIssuersOf(this.nodes[this.keys.find(node.key)!]);
    this.putIssuers(record.i ?? [], record.u ?? []);
    const contribution: Contribution = {
      cites: this.encodeCites(record.c.map((tuple) => citeFromTuple(record.k, tuple))),
      rels: this.encodeRels(record.r.map(([from, to, kind]) => ({ from, to, kind: kind as RelationKind, source: record.k }))),
      findings: this.findings.add(JSON.stringify(record.f)),
    };
    this.contribs.set(docId, contribution);
    this.count(docId, contribution, 1);
    this.version++;
    if (++this.replayed % 500 === 0) this.findings.seal();
  }

  private removeContribution(docId: number, contribution: Contribution, touched: Set<number>): void {
    this.contribs.delete(docId);
    this.count(docId, contribution, -1);
    this.superseded++;
    for (const id of this.touched(docId, contribution)) touched.add(id);
  }

  private applyStatus(key: string, event: StatusEvent): void {
    const id = this.keyId(key);
    if (!this.nodes[id]) this.table.set(key, stubNode(key));
    const list = this.events.get(id) ?? [];
    if (list.some((known) => sameEvent(known, event))) return;
    list.push(event);
    this.events.set(id, list);
    this.table.set(key, { ...this.nodes[id]!, status: statusAfter(list) });
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

  /** The node with every string held by the store itself (see detach). */
  private ownNode(node: InstrumentNode, id: number): InstrumentNode {
    const own = (value: string | null | undefined) => (value === null || value === undefined ? null : this.strings.own(value));
    return {
      key: this.keys.values[id]!,
      type: own(node.type),
      number: own(node.number),
      family: own(node.family),
      date: own(node.date),
      year: node.year,
      issuer: own(node.issuer),
      issuerCode: own(node.issuerCode),
      jurisdiction: own(node.jurisdiction),
      subject: own(node.subject),
      status: node.status,
      isDocument: node.isDocument,
      file: own(node.file),
      contentHash: own(node.contentHash),
    };
  }

  private keyId(key: string): number {
    const id = this.keys.id(key);
    if (id >= this.refs.length) this.refs.push(0);
    return id;
  }

  private str(value: string | null | undefined): number {
    return value === null || value === undefined ? -1 : this.strings.id(value);
  }

  private encodeCites(cites: CitesEdge[]): Int32Array {
    const packed = new Int32Array(cites.length * STRIDE);
    let at = 0;
    for (const cite of cites) {
      packed[at + C_TO] = this.keyId(cite.to);
      packed[at + C_SECTION] = this.str(cite.section);
      packed[at + C_OFFSET] = cite.offset;
      packed[at + C_LENGTH] = cite.length;
      packed[at + C_LINE] = cite.line;
      packed[at + C_COLUMN] = cite.column;
      packed[at + C_SURFACE] = this.str(cite.surface);
      packed[at + C_NUMBER] = this.str(cite.numberWritten);
      packed[at + C_DATE_WRITTEN] = this.str(cite.dateWritten);
      packed[at + C_DATE] = this.str(cite.date);
      packed[at + C_ISSUER] = this.str(cite.issuerWritten);
      packed[at + C_TYPE] = this.str(cite.typeWritten);
      at += STRIDE;
    }
    return packed;
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
    const text = (id: number) => (id < 0 ? null : this.strings.values[id]!);
    return {
      from,
      to: this.keys.values[cites[at + C_TO]!]!,
      section: text(cites[at + C_SECTION]!)!,
      offset: cites[at + C_OFFSET]!,
      length: cites[at + C_LENGTH]!,
      line: cites[at + C_LINE]!,
      column: cites[at + C_COLUMN]!,
      surface: text(cites[at + C_SURFACE]!)!,
      numberWritten: text(cites[at + C_NUMBER]!),
      dateWritten: text(cites[at + C_DATE_WRITTEN]!),
      date: text(cites[at + C_DATE]!),
      issuerWritten: text(cites[at + C_ISSUER]!),
      typeWritten: text(cites[at + C_TYPE]!),
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
      const next = mergeKnowledgeNode(this.table.get(incoming.key), incoming);
      if (next) {
        this.table.set(incoming.key, next);
        changed.push(this.table.get(incoming.key)!);
      }
    }
    for (const event of record.e) this.applyStatus(event.k, event.e);
    this.setRegistryRelations(record.r);
    const removed: string[] = [];
    for (const id of touched) {
      const node = this.nodes[id];
      if (node && !node.isDocument && this.refs[id] === 0 && !this.events.has(id)) {
        this.nodes[id] = undefined;
        this.searchCache[id] = undefined;
        removed.push(node.key);
      }
    }
    this.finishKnowledge(record, changed);
    this.findings.seal();
    return { ...record, o: removed, n: changed.filter((node) => !removed.includes(node.key)) };
  }

  private replayKnowledge(record: Extract<LogRecord, { op: 'knowledge' }>): void {
    // The record holds the merged nodes: set them as they are, then the rest as when it was written.
    this.removeRegistryRelations(new Set());
    for (const key of record.o) {
      const id = this.keys.find(key);
      if (id !== undefined) {
        this.nodes[id] = undefined;
        this.searchCache[id] = undefined;
      }
    }
    for (const node of record.n) this.table.set(node.key, node);
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
      for (const end of [from, to]) if (!this.table.get(end)) this.table.set(end, stubNode(end));
      relations.push({ from, to, kind: kind as RelationKind, source: REGISTRY_SOURCE });
    }
    const registryId = this.keyId(REGISTRY_SOURCE);
    const contribution: Contribution = { cites: new Int32Array(0), rels: this.encodeRels(relations), findings: this.findings.add('[]') };
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

  private *snapshotLines(): Generator<string> {
    for (const node of this.nodes) if (node) yield JSON.stringify({ op: 'node', n: node } satisfies LogRecord);
    for (const [docId, contribution] of this.contribs) {
      const key = this.keys.values[docId]!;
      const c: CiteTuple[] = [];
      for (let i = 0; i < contribution.cites.length; i += STRIDE) c.push(citeTuple(this.decodeCite(key, contribution.cites, i)));
      const r: RelTuple[] = [];
      for (let i = 0; i < contribution.rels.length; i += 3) {
        r.push([this.keys.values[contribution.rels[i]!]!, this.keys.values[contribution.rels[i + 1]!]!, RELATION_KINDS[contribution.rels[i + 2]!]!]);
      }
      yield JSON.stringify({ op: 'contrib', k: key, c, r, f: this.findings.read(contribution.findings) } satisfies LogRecord);
    }
    for (const [id, list] of this.events) yield JSON.stringify({ op: 'events', k: this.keys.values[id]!, e: list } satisfies LogRecord);
    yield JSON.stringify({ op: 'issuers', v: this.registryVersion, i: [...this.issuers.values()], u: [...this.successions.values()].flat() } satisfies LogRecord);
  }
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

