// The embedded GraphStore: everything in memory, persisted as a log of checksummed frames under a
// directory (default .cancu/graph; see log.ts). Small and boring on purpose; parity with Neo4j
// comes from sharing the merge, lineage, search and dump logic in ../core and from the one
// contract test suite.
//
// Layout, chosen for 100k plans / ~5M citation edges in well under 1.5 GB, written at a few µs
// per edge:
// - instruments: one plain object per key, keys interned to small integer ids (graph.ts);
// - each document's contribution (its CITES edges, the relation edges it states, its findings) is
//   kept together, edges and findings packed in Int32Arrays with every string interned (the
//   as-written parts of a citation as slices of its surface) — a document is replaced by swapping
//   one entry, which is what makes each write atomic. Only tables.ts knows the packing;
// - a write is logged as one frame holding those same ints (ids renumbered as the file knows
//   them) and the strings new to the file: no per-edge serialisation (records.ts);
// - reverse adjacency (who cites / implements X) is derived lazily after writes (tables.ts).
//
// This file is the port: loading, writing through the log, and the queries.
import type {
  CitesEdge,
  DocumentBatch,
  EdgeKind,
  GraphDump,
  GraphStore,
  IngestedFile,
  InstrumentDetail,
  InstrumentNode,
  InstrumentSearch,
  IssuerDetail,
  IssuerNode,
  KnowledgeBatch,
  KnowledgeSummary,
  LineageHit,
  Page,
  StatusEvent,
  StoreHealth,
  StoredCitation,
  StoredFinding,
  SuccessionEdge,
  WriteOptions,
  WriteSummary,
} from '../store.js';
import { baseIssuer, compareIssuers, issuersOf, normalizeIssuer, normalizeSuccession, successionProps, successorChain } from '../core/issuers.js';
import { CITED_BY_LIMIT, canonicalDump, citesProps, compareCitations, normalizeEvent, sameEvent, type DumpEdge } from '../core/dump.js';
import { BASIS_KINDS, IMPLEMENTER_KINDS, LINEAGE_KINDS, breadthFirst, lineageHit, paginate, validateDepth } from '../core/lineage.js';
import { knowledgeSummary, normalizeNode } from '../core/merge.js';
import { matches, normalizeSearch, searchFieldsOf } from '../core/search.js';
import { compareKeys } from '../core/text.js';
import { RELATION_KINDS, validateBatch, validateEvent, validateKnowledge, type RelationKind } from '../core/validate.js';
import { MemoryGraph } from './graph.js';
import { GraphLog } from './log.js';
import { jsonFrame, type LogRecord, type WrittenDoc } from './records.js';
import { citeCount, citeTarget, forEachCiteTarget, relationCount, relationFrom, relationKind, relationTo } from './tables.js';

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
  private graph = new MemoryGraph();

  constructor(readonly options: MemoryStoreOptions) {
    this.log = new GraphLog(options.dir);
  }

  async init(): Promise<void> {
    this.ensureLoaded();
  }

  async close(): Promise<void> {
    this.log.close();
    this.loaded = false;
    this.graph = new MemoryGraph();
  }

  async health(): Promise<StoreHealth> {
    const graph = this.ensureLoaded();
    let documents = 0;
    let citations = 0;
    for (const [id, contribution] of graph.contribs) {
      if (!graph.nodes[id]) continue;
      documents++;
      citations += citeCount(contribution);
    }
    const instruments = graph.nodes.reduce((count, node) => count + (node ? 1 : 0), 0);
    return { store: 'memory', ok: true, detail: `${this.log.path}: ${instruments} instruments, ${documents} documents, ${citations} citations` };
  }

  async documentHash(key: string): Promise<string | null> {
    return this.ensureLoaded().currentHash(key);
  }

  async ingestedFiles(): Promise<IngestedFile[]> {
    const graph = this.ensureLoaded();
    const files: IngestedFile[] = [];
    for (const id of graph.contribs.keys()) {
      const node = graph.nodes[id];
      if (node?.file && node.contentHash) files.push({ file: node.file, key: node.key, contentHash: node.contentHash });
    }
    return files.sort((a, b) => compareKeys(a.file, b.file));
  }

  async writeDocuments(batches: DocumentBatch[], options: WriteOptions = {}): Promise<WriteSummary> {
    const graph = this.ensureLoaded();
    batches.forEach((batch, index) => validateBatch(batch, index));
    const summary: WriteSummary = { documents: 0, citations: 0, instrumentsCreated: 0, instrumentsUpdated: 0, unchanged: 0, conflicts: [] };
    const toWrite: DocumentBatch[] = [];
    const hashes = new Map<string, string | null>();
    for (const batch of batches) {
      const key = batch.document.key;
      const hash = batch.document.contentHash ?? null;
      const previous = hashes.has(key) ? hashes.get(key)! : graph.currentHash(key);
      if (!options.force && hash !== null && previous === hash) {
        summary.unchanged++;
        continue;
      }
      hashes.set(key, hash);
      toWrite.push(batch);
    }
    const written: WrittenDoc[] = [];
    for (const batch of toWrite) {
      const result = graph.apply(batch);
      written.push(result.record);
      summary.documents++;
      summary.citations += batch.cites.length;
      summary.instrumentsCreated += result.created;
      summary.instrumentsUpdated += result.updated;
      summary.conflicts!.push(...result.conflicts);
    }
    try {
      if (written.length > 0) this.log.append([graph.writeFrame(written)]);
    } catch (error) {
      // Memory is ahead of the file: go back to what the file holds, then report.
      this.unload();
      throw error;
    }
    if (graph.superseded > 10_000 && graph.superseded > graph.contribs.size) {
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
    const graph = this.ensureLoaded();
    const id = graph.idOf(key);
    const node = id === undefined ? undefined : graph.nodes[id];
    if (id === undefined || !node) return null;
    const adjacency = graph.adjacency();
    const counts = new Map<number, number>();
    adjacency.forEachCiter(id, (doc) => counts.set(doc, (counts.get(doc) ?? 0) + 1));
    const citedBy = [...counts.entries()]
      .map(([doc, count]) => ({ key: graph.keyOf(doc), file: graph.nodes[doc]?.file ?? null, count }))
      .sort((a, b) => compareKeys(a.key, b.key));
    const citationCount = citedBy.reduce((sum, entry) => sum + entry.count, 0);
    const relations = new Map<string, { kind: string; direction: 'out' | 'in'; key: string }>();
    for (const direction of ['out', 'in'] as const) {
      adjacency.forEachRelation(id, direction, (otherId, kind) => {
        const other = graph.keyOf(otherId);
        relations.set(`${direction}\u0000${kind}\u0000${other}`, { kind, direction, key: other });
      });
    }
    return {
      instrument: { ...node },
      citedBy: citedBy.slice(0, CITED_BY_LIMIT),
      citedByTotal: citedBy.length,
      citationCount,
      statusEvents: (graph.events.get(id) ?? []).map(normalizeEvent),
      issuedBy: issuersOf(node.issuerCode, node.jurisdiction).map((ref) => normalizeIssuer(graph.issuers.get(ref.key) ?? baseIssuer(ref))),
      relations: [...relations.values()].sort(
        (a, b) => compareKeys(a.direction === 'out' ? '0' : '1', b.direction === 'out' ? '0' : '1') || compareKeys(a.kind, b.kind) || compareKeys(a.key, b.key),
      ),
    };
  }

  async searchInstruments(query: InstrumentSearch): Promise<Page<InstrumentNode>> {
    const graph = this.ensureLoaded();
    const normalized = normalizeSearch(query);
    const found: InstrumentNode[] = [];
    for (let id = 0; id < graph.nodes.length; id++) {
      const node = graph.nodes[id];
      if (!node) continue;
      let fields = graph.searchCache[id];
      if (!fields) graph.searchCache[id] = fields = searchFieldsOf(node);
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
    const graph = this.ensureLoaded();
    const startId = graph.idOf(key);
    if (startId === undefined || !graph.nodes[startId]) return { nodes: [], edges: [] };
    const members = new Set<string>([key]);
    for (const hit of await breadthFirst(key, up, (frontier) => this.neighbours(frontier, 'out', BASIS_KINDS))) members.add(hit.key);
    for (const hit of await breadthFirst(key, down, (frontier) => this.neighbours(frontier, 'in', IMPLEMENTER_KINDS))) members.add(hit.key);
    const edges = new Map<string, { from: string; to: string; kind: EdgeKind }>();
    const add = (from: string, to: string, kind: EdgeKind) => {
      if (members.has(to) && LINEAGE_KINDS.includes(kind)) edges.set(`${from}\u0000${to}\u0000${kind}`, { from, to, kind });
    };
    const adjacency = graph.adjacency();
    for (const member of members) {
      const id = graph.idOf(member)!;
      const contribution = graph.contribs.get(id);
      if (contribution) forEachCiteTarget(contribution, (to) => add(member, graph.keyOf(to), 'CITES'));
      adjacency.forEachRelation(id, 'out', (to, kind) => add(member, graph.keyOf(to), kind));
    }
    const nodes = [...members].map((member) => ({ ...graph.nodeOf(member)! })).sort((a, b) => compareKeys(a.key, b.key));
    const sorted = [...edges.values()].sort((a, b) => compareKeys(a.from, b.from) || compareKeys(a.to, b.to) || compareKeys(a.kind, b.kind));
    return { nodes, edges: sorted };
  }

  async documentCitations(key: string): Promise<{ document: InstrumentNode; citations: StoredCitation[]; findings: StoredFinding[] } | null> {
    const graph = this.ensureLoaded();
    const id = graph.idOf(key);
    const contribution = id === undefined ? undefined : graph.contribs.get(id);
    const document = id === undefined ? undefined : graph.nodes[id];
    if (!contribution || !document) return null;
    const citations: StoredCitation[] = [];
    for (let i = 0; i < citeCount(contribution); i++) {
      const cite = graph.tables.decodeCite(key, contribution, i);
      citations.push({ ...cite, instrument: { ...graph.nodes[citeTarget(contribution, i)]! } });
    }
    citations.sort(compareCitations);
    return { document: { ...document }, citations, findings: graph.tables.decodeFindings(contribution) };
  }

  async addStatusEvent(key: string, event: StatusEvent): Promise<void> {
    const graph = this.ensureLoaded();
    validateEvent(event);
    const id = graph.idOf(key);
    const existing = id === undefined ? undefined : graph.events.get(id);
    if (existing?.some((known) => sameEvent(known, event))) return;
    this.log.append([jsonFrame({ op: 'status', k: key, e: normalizeEvent(event) } satisfies LogRecord)]);
    graph.applyStatus(key, normalizeEvent(event));
    graph.superseded++;
  }

  async writeKnowledge(batch: KnowledgeBatch): Promise<KnowledgeSummary> {
    const graph = this.ensureLoaded();
    validateKnowledge(batch);
    const summary = knowledgeSummary(batch);
    if (graph.registryVersion === batch.version) return summary;
    const record = graph.applyKnowledge({
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
    graph.superseded++;
    summary.written = true;
    return summary;
  }

  async knowledgeVersion(): Promise<string | null> {
    return this.ensureLoaded().registryVersion;
  }

  async listIssuers(): Promise<IssuerNode[]> {
    return [...this.ensureLoaded().issuers.values()].map(normalizeIssuer).sort(compareIssuers);
  }

  async getIssuer(key: string): Promise<IssuerDetail | null> {
    const graph = this.ensureLoaded();
    const issuer = graph.issuers.get(key);
    if (!issuer) return null;
    const withIssuer = (edge: SuccessionEdge, other: string) => ({ ...normalizeSuccession(edge), issuer: normalizeIssuer(graph.issuers.get(other) ?? { ...issuer, key: other }) });
    const successors = successorChain(key, (at) => graph.successions.get(at) ?? []).map((edge) => withIssuer(edge, edge.to));
    const predecessors: IssuerDetail['predecessors'] = [];
    for (const list of graph.successions.values()) for (const edge of list) if (edge.to === key) predecessors.push(withIssuer(edge, edge.from));
    predecessors.sort((a, b) => compareKeys(a.from, b.from));
    return { issuer: normalizeIssuer(issuer), successors, predecessors, instrumentCount: graph.issuerCounts().get(key) ?? 0 };
  }

  async dump(): Promise<GraphDump> {
    const graph = this.ensureLoaded();
    const nodes = graph.nodes.filter((node): node is InstrumentNode => node !== undefined);
    const edges: DumpEdge[] = [];
    const findings = new Map<string, StoredFinding[]>();
    for (const [docId, contribution] of graph.contribs) {
      const from = graph.keyOf(docId);
      for (let i = 0; i < citeCount(contribution); i++) {
        const cite = graph.tables.decodeCite(from, contribution, i);
        edges.push({ from, to: cite.to, kind: 'CITES', props: citesProps(cite) });
      }
      for (let i = 0; i < relationCount(contribution); i++) {
        edges.push({ from: graph.keyOf(relationFrom(contribution, i)), to: graph.keyOf(relationTo(contribution, i)), kind: relationKind(contribution, i), props: { source: from } });
      }
      findings.set(from, graph.tables.decodeFindings(contribution));
    }
    for (const node of nodes) {
      for (const ref of issuersOf(node.issuerCode, node.jurisdiction)) edges.push({ from: node.key, to: ref.key, kind: 'ISSUED_BY', props: {} });
    }
    for (const list of graph.successions.values()) {
      for (const edge of list) edges.push({ from: edge.from, to: edge.to, kind: 'SUCCEEDED_BY', props: successionProps(edge) });
    }
    const events = new Map<string, StatusEvent[]>();
    for (const [id, list] of graph.events) events.set(graph.keyOf(id), list);
    return canonicalDump(nodes, edges, findings, events, [...graph.issuers.values()]);
  }

  /**
   * Streams the whole graph, without building it in memory as `dump()` does (a bulk load into
   * Neo4j reads a 100k-plan store this way). ISSUED_BY is not handed out: it follows from each
   * node's issuer code and jurisdiction (src/graph/core/issuers.ts).
   */
  exportGraph(visitor: GraphExportVisitor): void {
    const graph = this.ensureLoaded();
    for (let id = 0; id < graph.nodes.length; id++) {
      const node = graph.nodes[id];
      if (!node) continue;
      const contribution = node.isDocument ? graph.contribs.get(id) : undefined;
      visitor.node(node, contribution ? graph.tables.decodeFindings(contribution) : null, graph.events.get(id) ?? null);
    }
    for (const [docId, contribution] of graph.contribs) {
      const from = graph.keyOf(docId);
      for (let i = 0; i < citeCount(contribution); i++) visitor.cites(from, graph.tables.decodeCite(from, contribution, i));
      for (let i = 0; i < relationCount(contribution); i++) {
        visitor.relation(graph.keyOf(relationFrom(contribution, i)), graph.keyOf(relationTo(contribution, i)), relationKind(contribution, i), from);
      }
    }
    for (const issuer of graph.issuers.values()) visitor.issuer(normalizeIssuer(issuer));
    for (const list of graph.successions.values()) for (const edge of list) visitor.succession(normalizeSuccession(edge));
    if (graph.registryVersion !== null) visitor.knowledge(graph.registryVersion);
  }

  async clear(): Promise<void> {
    this.ensureLoaded();
    this.log.rewrite([]);
    this.graph = new MemoryGraph();
  }

  /** Rewrites the file as a snapshot of the current state (drops superseded records). */
  compact(): void {
    const graph = this.ensureLoaded();
    graph.tables.resetFile();
    try {
      this.log.rewrite(graph.snapshotFrames());
    } catch (error) {
      // The file numbering was reset for a file that was not written: read the old file again.
      this.unload();
      throw error;
    }
    graph.superseded = 0;
  }

  // — loading —

  private ensureLoaded(): MemoryGraph {
    if (this.loaded) return this.graph;
    const graph = new MemoryGraph();
    this.graph = graph;
    const { legacy } = this.log.load(
      (payload) => graph.replayFrame(payload, this.log.path),
      (record) => graph.replay(record as LogRecord, this.log.path),
    );
    this.loaded = true;
    // A file of the previous format is rewritten in the current one at once.
    if (legacy) this.compact();
    return graph;
  }

  /** Memory may be ahead of the file: forget it, so that the next call reads the file again. */
  private unload(): void {
    this.loaded = false;
    this.log.close();
  }

  // — lineage —

  private neighbours(frontier: string[], direction: 'out' | 'in', kinds: readonly EdgeKind[]): Map<string, string[]> {
    const graph = this.graph;
    const adjacency = graph.adjacency();
    const wanted = new Set<RelationKind>(kinds.filter((kind): kind is RelationKind => kind !== 'CITES' && RELATION_KINDS.includes(kind as RelationKind)));
    const withCites = direction === 'out' && kinds.includes('CITES');
    const result = new Map<string, string[]>();
    for (const key of frontier) {
      const id = graph.idOf(key);
      if (id === undefined || !graph.nodes[id]) continue;
      const found: string[] = [];
      if (withCites) {
        const contribution = graph.contribs.get(id);
        if (contribution) forEachCiteTarget(contribution, (to) => found.push(graph.keyOf(to)));
      }
      adjacency.forEachRelation(id, direction, (other, kind) => {
        if (wanted.has(kind)) found.push(graph.keyOf(other));
      });
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
    const graph = this.graph;
    const id = graph.idOf(key);
    const reached = id === undefined || !graph.nodes[id] ? [] : await breadthFirst(key, depth, expand);
    const page = paginate(reached, opts.limit, opts.cursor);
    return { items: page.items.map((hit) => lineageHit(graph.nodeOf(hit.key)!, hit)), nextCursor: page.nextCursor };
  }
}
