// The embedded store's state in memory and every change to it: writing a document batch, the
// registry's knowledge, a status event, and replaying each from the file. Instruments are plain
// objects by key id; each document's contribution is packed (tables.ts); nothing here knows the
// packed layout.
import type { DocumentBatch, InstrumentConflict, InstrumentNode, IssuerNode, RelationEdge, StatusEvent, SuccessionEdge } from '../store.js';
import { REGISTRY_SOURCE } from '../store.js';
import { baseIssuer, baseIssuerForKey, issuersOf, normalizeIssuer, normalizeSuccession } from '../core/issuers.js';
import { normalizeEvent, sameEvent, statusAfter } from '../core/dump.js';
import { mergeKnowledgeNode, normalizeNode, planBatch, stubNode, type NodeTable } from '../core/merge.js';
import type { SearchFields } from '../core/search.js';
import type { RelationKind } from '../core/validate.js';
import { detach } from '../../citations/memo.js';
import {
  citeFromTuple,
  decodeWriteFrame,
  encodeWriteFrame,
  FRAME_JSON,
  FRAME_WRITE,
  jsonFrame,
  type DocMeta,
  type KnowledgeRecord,
  type LogRecord,
  type PutRecord,
  type RelTuple,
  type WrittenDoc,
} from './records.js';
import { Adjacency, citeCount, findingCount, relationCount, relationFrom, relationKind, relationTo, Tables, type Contribution } from './tables.js';

/** Documents per write frame in a snapshot. */
const SNAPSHOT_DOCS = 500;
const SNAPSHOT_NODES = 2000;

const EMPTY = new Int32Array(0);

export class MemoryGraph {
  readonly tables = new Tables();
  /** Instruments by key id (undefined: deleted, or a key only interned). */
  readonly nodes: (InstrumentNode | undefined)[] = [];
  /** Document id (or REGISTRY_SOURCE's id) → what it contributes. */
  readonly contribs = new Map<number, Contribution>();
  readonly events = new Map<number, StatusEvent[]>();
  readonly issuers = new Map<string, IssuerNode>();
  /** SUCCEEDED_BY edges by `from`. */
  successions = new Map<string, SuccessionEdge[]>();
  registryVersion: string | null = null;
  /** Records in the file that a later record superseded (compaction trigger). */
  superseded = 0;
  /** Search fields by key id, computed when first searched. */
  readonly searchCache: (SearchFields | undefined)[] = [];
  /** Bumped by every change; derived indexes are rebuilt when it moved. */
  private version = 0;
  private adjacencyOf: { version: number; adjacency: Adjacency } | null = null;
  private issuerCountsOf: { version: number; counts: Map<string, number> } | null = null;

  /** The nodes as planBatch reaches them: by node id (see NodeTable). */
  private readonly table: NodeTable<number> = {
    ref: (key) => this.tables.keyId(key),
    get: (id) => this.nodes[id],
    set: (id, node) => this.setNode(id, node),
  };

  // — reading the state —

  idOf(key: string): number | undefined {
    return this.tables.keys.find(key);
  }

  keyOf(id: number): string {
    return this.tables.keyOf(id);
  }

  nodeOf(key: string): InstrumentNode | undefined {
    const id = this.idOf(key);
    return id === undefined ? undefined : this.nodes[id];
  }

  /** The stored document's content hash (null: not a document, or none). */
  currentHash(key: string): string | null {
    const id = this.idOf(key);
    if (id === undefined || !this.contribs.has(id)) return null;
    return this.nodes[id]?.contentHash ?? null;
  }

  /** Reverse adjacency, rebuilt after changes. */
  adjacency(): Adjacency {
    if (this.adjacencyOf?.version !== this.version) this.adjacencyOf = { version: this.version, adjacency: Adjacency.build(this.contribs, this.tables.keys.size) };
    return this.adjacencyOf.adjacency;
  }

  /** Instruments per issuer key (ISSUED_BY), rebuilt after changes. */
  issuerCounts(): Map<string, number> {
    if (this.issuerCountsOf?.version !== this.version) {
      const counts = new Map<string, number>();
      for (const node of this.nodes) if (node) for (const ref of issuersOf(node.issuerCode, node.jurisdiction)) counts.set(ref.key, (counts.get(ref.key) ?? 0) + 1);
      this.issuerCountsOf = { version: this.version, counts };
    }
    return this.issuerCountsOf.counts;
  }

  /** The relations of `contribution` as the log writes them. */
  relTuples(contribution: Contribution): RelTuple[] {
    const tuples: RelTuple[] = [];
    for (let i = 0; i < relationCount(contribution); i++) {
      tuples.push([this.keyOf(relationFrom(contribution, i)), this.keyOf(relationTo(contribution, i)), relationKind(contribution, i)]);
    }
    return tuples;
  }

  // — writing —

  /** Applies one batch; returns the counts and what the write frame holds of it. */
  apply(batch: DocumentBatch): { created: number; updated: number; conflicts: InstrumentConflict[]; record: WrittenDoc } {
    const tables = this.tables;
    const key = batch.document.key;
    const docId = tables.keyId(key);
    // The document's previous version, and documents of the same file under another key, go first;
    // then the instruments only they held (nothing else cites them, no status fact is recorded).
    const touched = new Set<number>();
    const old = this.contribs.get(docId);
    if (old) this.removeContribution(docId, old, touched);
    const superseded: string[] = [];
    const demoted: number[] = [];
    for (const other of batch.supersedes ?? []) {
      const id = this.idOf(other);
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
    const cites = tables.encodeCites(batch.cites, plan.citeRefs);
    const contribution: Contribution = { cites, rels: tables.encodeRels(plan.relations), findings: tables.encodeFindings(plan.findings, batch.cites, cites) };
    this.setContribution(docId, contribution);
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
      c: citeCount(contribution),
      f: findingCount(contribution),
    };
    if (batch.issuers?.length) meta.i = batch.issuers.map(normalizeIssuer);
    if (batch.successions?.length) meta.u = batch.successions.map(normalizeSuccession);
    if (batch.statusEvents?.length) meta.e = batch.statusEvents.map((event) => ({ k: event.key, e: normalizeEvent(event.event) }));
    return { created: plan.created, updated: plan.updated, conflicts: plan.conflicts, record: { meta, contribution } };
  }

  /** The frame that logs `docs` (one write). */
  writeFrame(docs: readonly WrittenDoc[]): Buffer {
    return encodeWriteFrame(this.tables, docs);
  }

  /** Adds a status event (known events are ignored); a key not stored becomes a stub. */
  applyStatus(key: string, event: StatusEvent): void {
    const id = this.tables.keyId(key);
    if (!this.nodes[id]) this.putNode(key, stubNode(key));
    const list = this.events.get(id) ?? [];
    if (list.some((known) => sameEvent(known, event))) return;
    list.push(event);
    this.events.set(id, list);
    this.putNode(key, { ...this.nodes[id]!, status: statusAfter(list) });
    this.version++;
  }

  /**
   * Applies the registry's knowledge: its previous edges go, its instruments merge (registry
   * values win over citations, not over a document's header), status events are added, its new
   * edges are written, then instruments nothing holds any more go. Successions are replaced whole.
   * Returns the record that replays it.
   */
  applyKnowledge(record: KnowledgeRecord): KnowledgeRecord {
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

  // — replaying the file —

  /** Replays one frame's payload (`path`: the file, for the message). */
  replayFrame(payload: Buffer, path: string): void {
    try {
      if (payload[0] === FRAME_JSON) this.replay(JSON.parse(payload.toString('utf8', 1)) as LogRecord, path);
      else if (payload[0] === FRAME_WRITE) this.replayWrite(payload);
      else throw new Error(`unknown frame kind ${payload[0]}`);
    } catch (error) {
      throw new Error(`${path}: bản ghi hỏng (corrupt record): ${(error as Error).message}`);
    }
  }

  replay(record: LogRecord, path: string): void {
    const tables = this.tables;
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
        this.ensureIssuersOf(this.nodeOf(record.n.key));
        return;
      case 'nodes':
        for (const node of record.n) {
          this.putNode(node.key, normalizeNode(node));
          this.ensureIssuersOf(this.nodeOf(node.key));
        }
        return;
      case 'contrib':
        this.setContribution(tables.keyId(record.k), this.legacyContribution(record));
        return;
      case 'events':
        this.events.set(tables.keyId(record.k), record.e);
        return;
      case 'knowledge':
        this.replayKnowledge(record);
        return;
      case 'issuers':
        this.registryVersion = record.v;
        this.putIssuers(record.i, record.u);
        return;
      default:
        throw new Error(`${path}: bản ghi không rõ loại (unknown record) ${JSON.stringify((record as { op?: unknown }).op)}`);
    }
  }

  /** A format-1 record's contribution, from its tuples and finding objects. */
  private legacyContribution(record: Pick<PutRecord, 'k' | 'c' | 'r' | 'f'>): Contribution {
    const tables = this.tables;
    return {
      cites: tables.encodeCites(record.c.map((tuple) => citeFromTuple(record.k, tuple))),
      rels: tables.encodeRels(record.r.map(([from, to, kind]) => ({ from, to, kind: kind as RelationKind, source: record.k }))),
      findings: tables.encodeFindings(record.f),
    };
  }

  /** Format 1's record of one document written. */
  private replayPut(record: PutRecord): void {
    this.replayDoc(record, () => this.legacyContribution(record));
  }

  /** A write frame: its string tables, then each document as `replayDoc`. */
  private replayWrite(payload: Buffer): void {
    decodeWriteFrame(payload, this.tables, (doc, packed) => {
      this.replayDoc(doc, () => ({
        cites: packed.cites,
        rels: this.tables.encodeRels(doc.r.map(([from, to, kind]) => ({ from, to, kind: kind as RelationKind, source: doc.k }))),
        findings: packed.findings,
      }));
    });
  }

  /**
   * Replays one document written: removes the contributions of `k` and `s`, deletes `o`, sets the
   * nodes `n` as they are (nothing is re-merged), the events, issuers, then the contribution.
   */
  private replayDoc(record: Pick<DocMeta, 'k' | 's' | 'o' | 'n' | 'i' | 'u' | 'e'>, contributionOf: () => Contribution): void {
    const docId = this.tables.keyId(record.k);
    const scratch = new Set<number>();
    for (const other of [record.k, ...record.s]) {
      const id = this.idOf(other);
      const contribution = id === undefined ? undefined : this.contribs.get(id);
      if (id !== undefined && contribution) this.removeContribution(id, contribution, scratch);
    }
    this.deleteNodes(record.o);
    for (const node of record.n) this.putNode(node.key, node);
    for (const event of record.e ?? []) this.applyStatus(event.k, event.e);
    for (const node of record.n) this.ensureIssuersOf(this.nodeOf(node.key));
    this.putIssuers(record.i ?? [], record.u ?? []);
    this.setContribution(docId, contributionOf());
  }

  private replayKnowledge(record: KnowledgeRecord): void {
    // The record holds the merged nodes: set them as they are, then the rest as when it was written.
    this.removeRegistryRelations(new Set());
    this.deleteNodes(record.o);
    for (const node of record.n) this.putNode(node.key, node);
    for (const event of record.e) this.applyStatus(event.k, event.e);
    this.setRegistryRelations(record.r);
    this.finishKnowledge(record, record.n);
  }

  // — contributions and nodes —

  private setContribution(docId: number, contribution: Contribution): void {
    this.contribs.set(docId, contribution);
    this.tables.count(docId, contribution, 1);
    this.version++;
  }

  private removeContribution(docId: number, contribution: Contribution, touched: Set<number>): void {
    this.contribs.delete(docId);
    this.tables.count(docId, contribution, -1);
    this.superseded++;
    for (const id of this.tables.touched(docId, contribution)) touched.add(id);
  }

  /** Deletes, among `touched`, the instruments nothing holds any more (no edge, no status fact, not a document); returns their keys. */
  private removeOrphans(touched: Iterable<number>): string[] {
    const removed: string[] = [];
    for (const id of touched) {
      const node = this.nodes[id];
      if (node && !node.isDocument && this.tables.unreferenced(id) && !this.events.has(id)) {
        this.deleteNode(id);
        removed.push(node.key);
      }
    }
    return removed;
  }

  /** Replay: deletes the nodes a record says were deleted. */
  private deleteNodes(keys: readonly string[]): void {
    for (const key of keys) {
      const id = this.idOf(key);
      if (id !== undefined) this.deleteNode(id);
    }
  }

  private deleteNode(id: number): void {
    this.nodes[id] = undefined;
    this.searchCache[id] = undefined;
  }

  /**
   * The node with every string held by the store itself (see detach). Values many nodes share
   * (type, family, date, issuer, code, jurisdiction) come from the small vocabulary table; values
   * particular to one node (number, subject, file, hash) are copied once, or kept from `previous`
   * when unchanged: interning them would only grow the large string table.
   */
  private ownNode(node: InstrumentNode, previous: InstrumentNode | undefined, id: number): InstrumentNode {
    const vocab = this.tables.vocab;
    const shared = (value: string | null | undefined) => (value === null || value === undefined ? null : vocab.own(value));
    const single = (value: string | null | undefined, kept: string | null | undefined) =>
      value === null || value === undefined ? null : value === kept ? kept : detach(value);
    return {
      key: this.keyOf(id),
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

  private putNode(key: string, node: InstrumentNode): void {
    this.setNode(this.tables.keyId(key), node);
  }

  // — issuers and the registry —

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

  private removeRegistryRelations(touched: Set<number>): void {
    const registryId = this.tables.keyId(REGISTRY_SOURCE);
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
    const registryId = this.tables.keyId(REGISTRY_SOURCE);
    const contribution: Contribution = { cites: EMPTY, rels: this.tables.encodeRels(relations), findings: EMPTY };
    this.contribs.set(registryId, contribution);
    this.tables.count(registryId, contribution, 1);
  }

  /** After a knowledge record's nodes: their issuers, the registry's issuers and successions (replaced whole), its version. */
  private finishKnowledge(record: KnowledgeRecord, nodes: readonly InstrumentNode[]): void {
    for (const node of nodes) this.ensureIssuersOf(node);
    this.successions = new Map();
    this.putIssuers(record.i, record.u);
    this.registryVersion = record.v;
    this.version++;
  }

  // — snapshot —

  /** The current state as frames: nodes, contributions (write frames), events, issuers. */
  *snapshotFrames(): Generator<Buffer> {
    let nodes: InstrumentNode[] = [];
    for (const node of this.nodes) {
      if (!node) continue;
      nodes.push(node);
      if (nodes.length === SNAPSHOT_NODES) {
        yield jsonFrame({ op: 'nodes', n: nodes });
        nodes = [];
      }
    }
    if (nodes.length > 0) yield jsonFrame({ op: 'nodes', n: nodes });
    let docs: WrittenDoc[] = [];
    for (const [docId, contribution] of this.contribs) {
      const meta: DocMeta = { k: this.keyOf(docId), s: [], o: [], n: [], r: this.relTuples(contribution), c: citeCount(contribution), f: findingCount(contribution) };
      docs.push({ meta, contribution });
      if (docs.length === SNAPSHOT_DOCS) {
        yield this.writeFrame(docs);
        docs = [];
      }
    }
    if (docs.length > 0) yield this.writeFrame(docs);
    for (const [id, list] of this.events) yield jsonFrame({ op: 'events', k: this.keyOf(id), e: list });
    yield jsonFrame({ op: 'issuers', v: this.registryVersion, i: [...this.issuers.values()], u: [...this.successions.values()].flat() });
  }
}
