// The Neo4j GraphStore: the only module (with driver.ts and convert.ts) that talks to neo4j-driver.
// Every query is a named file of queries/; reads run in read transactions (READ access mode, retried only on transient errors), writes in
// executeWrite, always against the named database, sessions closed in `finally`.
//
// Writing: documents are grouped into transactions of up to 500 documents / ~25,000 citations.
// One read fetches every node the group touches; inside the transaction the documents are applied
// in order with the embedded store's semantics (src/graph/core/merge.ts decides merged properties
// and conflicts in JS): consecutive new documents are bulk-written together (pipelined UNWIND
// queries); a document ingested before first loses its old CITES and the relation edges it stated,
// then the instruments nothing holds any more, then gets its new contribution. The content hash is
// a property written in the same transaction, so a document is wholly there, hash included, or not
// at all — which is what makes an interrupted ingest safe to re-run.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
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
  InstrumentRef,
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
import { REGISTRY_SOURCE } from '../store.js';
import { baseIssuer, baseIssuerForKey, issuersOf, normalizeIssuer, normalizeSuccession, successionProps, successorChain } from '../core/issuers.js';
import { CITED_BY_LIMIT, canonicalDump, citesProps, compareCitations, normalizeEvent, sameEvent, statusAfter, type DumpEdge } from '../core/dump.js';
import { BASIS_KINDS, IMPLEMENTER_KINDS, breadthFirst, lineageHit, encodeCursor, decodeCursor, paginate, validateDepth } from '../core/lineage.js';
import { knowledgeSummary, mergeKnowledgeNode, normalizeNode, planBatch, stubNode, type NodeTable } from '../core/merge.js';
import { normalizeSearch, searchFieldsOf } from '../core/search.js';
import { compareKeys } from '../core/text.js';
import { validateBatch, validateEvent, validateKnowledge } from '../core/validate.js';
import { toNative, toNeo } from './convert.js';
import { acquireDriver, isTransient, releaseDriver, translateError, type Neo4jConnection } from './driver.js';
import { query, schemaStatements } from './queries.js';
import { citeTuple } from '../core/cites.js';

/** A transaction holds at most this many documents … */
const CHUNK_DOCUMENTS = 500;
/** … or about this many citation edges. */
const CHUNK_CITATIONS = 25_000;

/** A read that meets a transient server error is run again this many times, after READ_RETRY_PAUSE_MS × attempt. */
const READ_RETRIES = 2;
const READ_RETRY_PAUSE_MS = 50;

type Row = Record<string, unknown>;

export class Neo4jGraphStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  /** Writes, schema and admin work (long retry budget). */
  private readonly driver: Driver;
  /** Reads (short retry budget: a server that is down is reported at once). */
  private readonly reader: Driver;
  private closed = false;

  constructor(readonly connection: Neo4jConnection) {
    this.driver = acquireDriver(connection, 'write');
    this.reader = acquireDriver(connection, 'read');
  }

  async init(): Promise<void> {
    try {
      await this.driver.verifyConnectivity({ database: this.connection.database });
    } catch (error) {
      throw translateError(error, this.connection);
    }
    // Schema commands run one by one in auto-commit transactions (they cannot share one with data).
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const statement of schemaStatements()) await session.run(statement);
    } catch (error) {
      throw translateError(error, this.connection);
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await releaseDriver(this.connection, 'write');
    await releaseDriver(this.connection, 'read');
  }

  async health(): Promise<StoreHealth> {
    // One auto-commit attempt (no retries): a down server is reported at once, and a server that
    // came back is healthy on the next call.
    const session = this.reader.session({ database: this.connection.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.run(query('admin/health'));
      const instruments = toNative(result.records[0]?.get('instruments') ?? 0);
      return { store: 'neo4j', ok: true, detail: `Neo4j ${this.connection.uri}, database "${this.connection.database}": ${String(instruments)} instruments` };
    } catch (error) {
      const translated = translateError(error, this.connection);
      return { store: 'neo4j', ok: false, detail: translated instanceof Error ? translated.message : String(translated) };
    } finally {
      await session.close();
    }
  }

  async documentHash(key: string): Promise<string | null> {
    const [row] = await this.read((tx) => run(tx, 'ingest/document-hash', { key }));
    return (row?.contentHash as string | null | undefined) ?? null;
  }

  async ingestedFiles(): Promise<IngestedFile[]> {
    const rows = await this.read((tx) => run(tx, 'ingest/ingested-files'));
    return rows.map((row) => ({ file: row.file as string, key: row.key as string, contentHash: row.contentHash as string }));
  }

  async writeDocuments(batches: DocumentBatch[], options: WriteOptions = {}): Promise<WriteSummary> {
    batches.forEach((batch, index) => validateBatch(batch, index));
    const total: WriteSummary = { documents: 0, citations: 0, instrumentsCreated: 0, instrumentsUpdated: 0, unchanged: 0, conflicts: [] };
    for (const chunk of chunks(batches)) {
      // executeWrite may run the function again after a transient failure: it builds its summary from scratch.
      const summary = await this.write((tx) => writeChunk(tx, chunk, options.force === true));
      total.documents += summary.documents;
      total.citations += summary.citations;
      total.instrumentsCreated += summary.instrumentsCreated;
      total.instrumentsUpdated += summary.instrumentsUpdated;
      total.unchanged += summary.unchanged;
      total.conflicts!.push(...summary.conflicts!);
    }
    return total;
  }

  async getInstrument(key: string): Promise<InstrumentDetail | null> {
    const [row] = await this.read((tx) => run(tx, 'read/instrument', { key, citedByLimit: CITED_BY_LIMIT }));
    if (!row) return null;
    const relations = new Map<string, { kind: string; direction: 'out' | 'in'; key: string }>();
    for (const relation of row.relations as { kind: string; direction: 'out' | 'in'; key: string }[]) {
      relations.set(`${relation.direction}\u0000${relation.kind}\u0000${relation.key}`, relation);
    }
    return {
      instrument: nodeFrom(row.node),
      citedBy: (row.citedBy as { key: string; file: string | null; count: number }[]).map((entry) => ({ key: entry.key, file: entry.file ?? null, count: entry.count })),
      citedByTotal: row.citedByTotal as number,
      citationCount: row.citationCount as number,
      statusEvents: parseEvents(row.statusEvents),
      issuedBy: ((row.issuedBy as Row[] | null) ?? []).map(issuerFrom),
      relations: [...relations.values()].sort(
        (a, b) => compareKeys(a.direction === 'out' ? '0' : '1', b.direction === 'out' ? '0' : '1') || compareKeys(a.kind, b.kind) || compareKeys(a.key, b.key),
      ),
    };
  }

  async searchInstruments(search: InstrumentSearch): Promise<Page<InstrumentNode>> {
    const q = normalizeSearch(search);
    const skip = decodeCursor(q.cursor);
    const rows = await this.read((tx) =>
      run(tx, q.issuerKey === null ? 'read/search' : 'read/search-by-issuer', {
        issuerKey: q.issuerKey,
        number: q.number,
        seq: q.seq,
        typeFold: q.typeFold,
        year: q.year,
        issuerFold: q.issuerFold,
        issuerCode: q.issuerCode,
        text: q.text,
        skip,
        limit: q.limit + 1,
      }),
    );
    const items = rows.slice(0, q.limit).map((row) => nodeFrom(row.node));
    return { items, nextCursor: rows.length > q.limit ? encodeCursor(skip + q.limit) : null };
  }

  async implementers(key: string, opts: { depth: number; limit: number; cursor?: string | null }): Promise<Page<LineageHit>> {
    const depth = validateDepth(opts.depth);
    return this.lineagePage(key, depth, opts, 'lineage/implementers');
  }

  async basis(key: string, opts: { depth: number; limit: number; cursor?: string | null }): Promise<Page<LineageHit>> {
    const depth = validateDepth(opts.depth);
    return this.lineagePage(key, depth, opts, 'lineage/basis');
  }

  async lineage(key: string, opts: { up: number; down: number }): Promise<{ nodes: InstrumentNode[]; edges: { from: string; to: string; kind: EdgeKind }[] }> {
    const up = validateDepth(opts.up, 'up', 0);
    const down = validateDepth(opts.down, 'down', 0);
    return this.read(async (tx) => {
      const [start] = await run(tx, 'read/nodes', { keys: [key] });
      if (!start) return { nodes: [], edges: [] };
      const members = new Set<string>([key]);
      if (up > 0) for (const row of await run(tx, 'lineage/up', { key }, { depth: up })) members.add(row.key as string);
      if (down > 0) for (const row of await run(tx, 'lineage/down', { key }, { depth: down })) members.add(row.key as string);
      const keys = [...members];
      const nodes = (await run(tx, 'read/nodes', { keys })).map((row) => nodeFrom(row.node)).sort((a, b) => compareKeys(a.key, b.key));
      const edges = (await run(tx, 'lineage/edges', { keys }))
        .map((row) => ({ from: row.from as string, to: row.to as string, kind: row.kind as EdgeKind }))
        .sort((a, b) => compareKeys(a.from, b.from) || compareKeys(a.to, b.to) || compareKeys(a.kind, b.kind));
      return { nodes, edges };
    });
  }

  async documentCitations(key: string): Promise<{ document: InstrumentNode; citations: StoredCitation[]; findings: StoredFinding[] } | null> {
    const [row] = await this.read((tx) => run(tx, 'read/document-citations', { key }));
    if (!row) return null;
    const citations = (row.citations as { props: Row; node: Row }[]).map(({ props, node }) => ({
      ...citeFrom(key, node.key as string, props),
      instrument: nodeFrom(node),
    }));
    citations.sort(compareCitations);
    return { document: nodeFrom(row.document), citations, findings: parseFindings(row.findings) };
  }

  async addStatusEvent(key: string, event: StatusEvent): Promise<void> {
    validateEvent(event);
    const normalized = normalizeEvent(event);
    await this.write(async (tx) => {
      const [row] = await run(tx, 'status/get-events', { key });
      const events = parseEvents(row?.statusEvents ?? []);
      if (events.some((known) => sameEvent(known, normalized))) return;
      events.push(normalized);
      const stub = stubNode(key);
      await run(tx, 'status/set-events', {
        key,
        stub: nodeProps(stub),
        statusEvents: events.map((item) => JSON.stringify(item)),
        status: statusAfter(events),
      });
    });
  }

  async writeKnowledge(batch: KnowledgeBatch): Promise<KnowledgeSummary> {
    validateKnowledge(batch);
    const summary = knowledgeSummary(batch);
    summary.written = await this.write((tx) => writeKnowledgeTx(tx, batch));
    return summary;
  }

  async knowledgeVersion(): Promise<string | null> {
    const [row] = await this.read((tx) => run(tx, 'knowledge/version', { source: REGISTRY_SOURCE }));
    return (row?.version as string | null | undefined) ?? null;
  }

  async listIssuers(): Promise<IssuerNode[]> {
    const rows = await this.read((tx) => run(tx, 'read/issuers'));
    return rows.map((row) => issuerFrom(row.issuer));
  }

  async getIssuer(key: string): Promise<IssuerDetail | null> {
    const [row] = await this.read((tx) => run(tx, 'read/issuer', { key }));
    if (!row) return null;
    type Hop = { from: string; to: string; props: Row; issuer: Row };
    const edgeOf = (hop: Hop) => ({ ...normalizeSuccession({ from: hop.from, to: hop.to, ...hop.props } as unknown as SuccessionEdge), issuer: issuerFrom(hop.issuer) });
    const forward = (row.forward as Hop[]).map(edgeOf);
    const byFrom = new Map<string, typeof forward>();
    for (const edge of forward) byFrom.set(edge.from, [...(byFrom.get(edge.from) ?? []), edge]);
    const predecessors = (row.backward as Hop[]).map(edgeOf).sort((a, b) => compareKeys(a.from, b.from));
    return {
      issuer: issuerFrom(row.issuer),
      successors: successorChain(key, (at) => byFrom.get(at) ?? []),
      predecessors,
      instrumentCount: Number(row.instruments),
    };
  }

  async dump(): Promise<GraphDump> {
    return this.read(async (tx) => {
      const nodeRows = await run(tx, 'read/dump-nodes');
      const edgeRows = await run(tx, 'read/dump-edges');
      const issuerRows = await run(tx, 'read/dump-issuers');
      const findings = new Map<string, StoredFinding[]>();
      const events = new Map<string, StatusEvent[]>();
      const nodes = nodeRows.map((row) => {
        const node = nodeFrom(row.node);
        if (row.findings !== null && row.findings !== undefined) findings.set(node.key, parseFindings(row.findings));
        if (row.statusEvents !== null && row.statusEvents !== undefined) events.set(node.key, parseEvents(row.statusEvents));
        return node;
      });
      const edges: DumpEdge[] = edgeRows.map((row) => ({ from: row.from as string, to: row.to as string, kind: row.kind as DumpEdge['kind'], props: row.props as Row }));
      return canonicalDump(nodes, edges, findings, events, issuerRows.map((row) => issuerFrom(row.issuer)));
    });
  }

  async clear(): Promise<void> {
    // CALL … IN TRANSACTIONS needs an auto-commit transaction.
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      await session.run(query('admin/clear-relationships'));
      await session.run(query('admin/clear-nodes'));
    } catch (error) {
      throw translateError(error, this.connection);
    } finally {
      await session.close();
    }
  }

  /**
   * One query for the whole search (lineage/implementers, lineage/basis): every instrument within
   * `depth` hops with its next hop and hit fields, then the shared breadth-first search and the page
   * (an instrument in both `start` and `members`, through a cycle, has the same next hop in both).
   */
  private async lineagePage(key: string, depth: number, opts: { limit: number; cursor?: string | null }, name: string): Promise<Page<LineageHit>> {
    const [row] = await this.readQuery(name, { key }, { depth, further: depth - 1 });
    if (!row) return paginate([], opts.limit, opts.cursor);
    const next = new Map<string, string[]>();
    const nodes = new Map<string, Row>();
    for (const node of [row.start as Row, ...(row.members as Row[])]) {
      next.set(node.key as string, node.next as string[]);
      nodes.set(node.key as string, node);
    }
    const reached = await breadthFirst(key, depth, (frontier) => new Map(frontier.map((at) => [at, next.get(at) ?? []])));
    const page = paginate(reached, opts.limit, opts.cursor);
    return { items: page.items.map((hit) => lineageHit(nodes.get(hit.key) as InstrumentRef | undefined, hit)), nextCursor: page.nextCursor };
  }

  /** One read query in an auto-commit transaction (one round trip), retried as `read` is. */
  private async readQuery(name: string, params: Row, inline: Record<string, number> = {}): Promise<Row[]> {
    const text = query(name, inline);
    for (let attempt = 0; ; attempt++) {
      const session = this.reader.session({ database: this.connection.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.run(text, toNeo(params) as Row);
        return result.records.map((record) => toNative(record.toObject()) as Row);
      } catch (error) {
        if (attempt < READ_RETRIES && isTransient(error)) {
          await new Promise((resolve) => setTimeout(resolve, READ_RETRY_PAUSE_MS * (attempt + 1)));
          continue;
        }
        throw translateError(error, this.connection);
      } finally {
        await session.close();
      }
    }
  }

  /**
   * One read transaction. The driver does not retry reads (driver.ts): a server that is down is
   * reported at once as StoreUnavailableError; only the server's transient errors are retried,
   * READ_RETRIES times after a short pause.
   */
  private async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const session = this.reader.session({ database: this.connection.database, defaultAccessMode: neo4j.session.READ });
      try {
        // An explicit transaction rather than executeRead: the driver's retry loop would still
        // try a failed first attempt once more after ~1 s when it failed within the same millisecond.
        const tx = session.beginTransaction();
        try {
          const result = await work(tx as unknown as ManagedTransaction);
          await tx.commit();
          return result;
        } catch (error) {
          if (tx.isOpen()) await tx.rollback().catch(() => undefined);
          throw error;
        }
      } catch (error) {
        if (attempt < READ_RETRIES && isTransient(error)) {
          await new Promise((resolve) => setTimeout(resolve, READ_RETRY_PAUSE_MS * (attempt + 1)));
          continue;
        }
        throw translateError(error, this.connection);
      } finally {
        await session.close();
      }
    }
  }

  private async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.connection.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translateError(error, this.connection);
    } finally {
      await session.close();
    }
  }
}

async function run(tx: ManagedTransaction, name: string, params: Row = {}, inline: Record<string, number> = {}): Promise<Row[]> {
  const result = await tx.run(query(name, inline), toNeo(params) as Row);
  return result.records.map((record) => toNative(record.toObject()) as Row);
}

/**
 * Several queries of one transaction sent without waiting for each answer (the driver pipelines
 * them; the server still runs them in order). Parameters are passed as given: the caller converts.
 */
async function runAll(tx: ManagedTransaction, queries: readonly (readonly [string, Row])[]): Promise<void> {
  await Promise.all(queries.map(([name, params]) => tx.run(query(name), params)));
}

function* chunks(batches: DocumentBatch[]): Generator<DocumentBatch[]> {
  let chunk: DocumentBatch[] = [];
  let citations = 0;
  for (const batch of batches) {
    if (chunk.length > 0 && (chunk.length >= CHUNK_DOCUMENTS || citations + batch.cites.length > CHUNK_CITATIONS)) {
      yield chunk;
      chunk = [];
      citations = 0;
    }
    chunk.push(batch);
    citations += batch.cites.length;
  }
  if (chunk.length > 0) yield chunk;
}

/** Writes one transaction's documents, in order, with the embedded store's semantics. */
async function writeChunk(tx: ManagedTransaction, chunk: DocumentBatch[], force: boolean): Promise<WriteSummary> {
  const summary: WriteSummary = { documents: 0, citations: 0, instrumentsCreated: 0, instrumentsUpdated: 0, unchanged: 0, conflicts: [] };
  // One read of every node the chunk touches; from then on the chunk's view of the graph is kept
  // in JS (merges, conflicts, orphans) and only writes go to the server.
  const touched = new Set<string>();
  for (const batch of chunk) {
    touched.add(batch.document.key);
    for (const key of batch.supersedes ?? []) touched.add(key);
    for (const node of batch.instruments) touched.add(node.key);
    for (const cite of batch.cites) touched.add(cite.to);
    for (const relation of batch.relations) {
      touched.add(relation.from);
      touched.add(relation.to);
    }
  }
  const nodes = new Map<string, InstrumentNode>();
  for (const row of await run(tx, 'ingest/existing-nodes', { keys: [...touched] })) {
    const node = nodeFrom(row.node);
    nodes.set(node.key, node);
  }
  // Consecutive documents never ingested before are written together; one seen before is replaced alone.
  const runs: { replace: boolean; batches: DocumentBatch[] }[] = [];
  const written = new Map<string, string | null>();
  for (const batch of chunk) {
    const key = batch.document.key;
    const hash = batch.document.contentHash ?? null;
    const isDocument = written.has(key) || nodes.get(key)?.isDocument === true;
    const previous = written.has(key) ? written.get(key)! : (nodes.get(key)?.contentHash ?? null);
    if (!force && isDocument && hash !== null && previous === hash) {
      summary.unchanged++;
      continue;
    }
    written.set(key, hash);
    const alone = isDocument || (batch.supersedes?.length ?? 0) > 0;
    const last = runs[runs.length - 1];
    if (!alone && last && !last.replace) last.batches.push(batch);
    else runs.push({ replace: alone, batches: [batch] });
  }
  for (const { replace, batches } of runs) {
    if (replace) await removeContributions(tx, batches[0]!, nodes);
    await writeRun(tx, batches, nodes, summary);
  }
  return summary;
}

/**
 * Before a document is rewritten: its old CITES edges and the relation edges it stated go, so do
 * those of documents it supersedes (which stop being documents), then every instrument that only
 * they held. `nodes` (the chunk's view) follows.
 */
async function removeContributions(tx: ManagedTransaction, batch: DocumentBatch, nodes: Map<string, InstrumentNode>): Promise<void> {
  const key = batch.document.key;
  const held = new Set<string>();
  for (const docKey of [key, ...(batch.supersedes ?? []).filter((other) => other !== key)]) {
    const [cited] = await run(tx, 'ingest/delete-cites', { key: docKey });
    const [related] = await run(tx, 'ingest/delete-relations', { key: docKey });
    for (const other of [...((cited?.keys as string[]) ?? []), ...((related?.keys as string[]) ?? [])]) held.add(other);
    if (docKey !== key && nodes.get(docKey)?.isDocument) {
      await run(tx, 'ingest/demote-document', { key: docKey });
      nodes.set(docKey, { ...nodes.get(docKey)!, isDocument: false, file: null, contentHash: null });
      held.add(docKey);
    }
  }
  held.delete(key);
  if (held.size === 0) return;
  const [deleted] = await run(tx, 'ingest/delete-orphans', { keys: [...held] });
  for (const gone of (deleted?.keys as string[]) ?? []) nodes.delete(gone);
}

async function writeRun(tx: ManagedTransaction, batches: DocumentBatch[], nodes: Map<string, InstrumentNode>, summary: WriteSummary): Promise<void> {
  const table: NodeTable = { ref: (key) => key, get: (key) => nodes.get(key), set: (key, node) => void nodes.set(key, node) };
  const dirty = new Set<string>();
  // Issuer code and jurisdiction of nodes that existed before this run: a change means relinking.
  const issuerBefore = new Map<string, string>();
  const remember = (key: string) => {
    const node = nodes.get(key);
    if (node && !issuerBefore.has(key)) issuerBefore.set(key, issuerSignature(node));
  };
  const issuers = new Map<string, IssuerNode>();
  const successions = new Map<string, SuccessionEdge>();
  const events: { key: string; event: StatusEvent }[] = [];
  const findings = new Map<string, StoredFinding[]>();
  const cites: { key: string; cites: unknown[][] }[] = [];
  const relations: Row[] = [];
  for (const batch of batches) {
    remember(batch.document.key);
    for (const node of batch.instruments) remember(node.key);
    const plan = planBatch(batch, table);
    for (const issuer of batch.issuers ?? []) issuers.set(issuer.key, normalizeIssuer(issuer));
    for (const edge of batch.successions ?? []) successions.set(`${edge.from}\u0000${edge.to}`, normalizeSuccession(edge));
    for (const entry of batch.statusEvents ?? []) events.push(entry);
    for (const key of plan.dirty) dirty.add(key);
    findings.set(batch.document.key, plan.findings);
    if (batch.cites.length > 0) cites.push({ key: batch.document.key, cites: batch.cites.map(citeTuple) });
    for (const relation of plan.relations) relations.push({ from: relation.from, to: relation.to, kind: relation.kind, source: relation.source });
    summary.documents++;
    summary.citations += batch.cites.length;
    summary.instrumentsCreated += plan.created;
    summary.instrumentsUpdated += plan.updated;
    summary.conflicts!.push(...plan.conflicts);
  }
  // Status events the documents state: merged before the nodes are written, so the status the
  // nodes are written with is the one the events imply.
  for (const key of await applyEvents(tx, events, nodes)) dirty.add(key);
  const rows = [...dirty].map((key) => {
    const node = nodes.get(key)!;
    const docFindings = findings.get(key);
    const props: Row = nodeProps(node);
    if (docFindings) props.findings = JSON.stringify(docFindings);
    return nodeRow(node, props, issuerBefore.has(key) && issuerBefore.get(key) !== issuerSignature(node));
  });
  const relink = unlinkRows(rows);
  // Sent together: the driver pipelines them and the server runs them in this order.
  await runAll(tx, [
    ...(relink.length > 0 ? [['ingest/unlink-issuers', toNeo({ rows: relink }) as Row] as const] : []),
    ['ingest/upsert-nodes', toNeo({ rows }) as Row],
    // Not converted: citation tuples carry their whole numbers as floats (see citeTuple).
    ...(cites.length > 0 ? [['ingest/create-cites', { docs: cites }] as const] : []),
    ...(relations.length > 0 ? [['ingest/create-relations', toNeo({ rows: relations }) as Row] as const] : []),
    ...(issuers.size > 0 ? [['ingest/upsert-issuers', toNeo({ rows: issuerRows([...issuers.values()]) }) as Row] as const] : []),
    ...(successions.size > 0 ? [['ingest/upsert-successions', toNeo({ rows: successionRows([...successions.values()]) }) as Row] as const] : []),
  ]);
}

function issuerSignature(node: InstrumentNode): string {
  return `${node.issuerCode ?? ''}\u0000${node.jurisdiction ?? ''}`;
}

/** unlink-issuers rows for the upsert rows whose issuers changed. */
function unlinkRows(rows: Row[]): Row[] {
  return rows.filter((row) => row.recheck === true).map((row) => ({ key: row.key, keep: (row.issuers as { key: string }[]).map((issuer) => issuer.key) }));
}

/** An upsert-nodes row: the node's properties and its issuers with their base description. */
function nodeRow(node: InstrumentNode, props: Row, recheck: boolean): Row {
  const issuers = issuersOf(node.issuerCode, node.jurisdiction).map((ref) => ({ key: ref.key, props: issuerProps(baseIssuer(ref)) }));
  return { key: node.key, props, isDocument: node.isDocument, issuers, recheck };
}

function issuerProps(issuer: IssuerNode): Row {
  return normalizeIssuer(issuer) as unknown as Row;
}

function issuerRows(issuers: IssuerNode[]): Row[] {
  return issuers.map((issuer) => ({ key: issuer.key, props: issuerProps(issuer) }));
}

function successionRows(edges: SuccessionEdge[]): Row[] {
  return edges.map((edge) => ({
    from: edge.from,
    to: edge.to,
    fromBase: issuerProps(baseIssuerForKey(edge.from)),
    toBase: issuerProps(baseIssuerForKey(edge.to)),
    props: successionProps(edge),
  }));
}

/**
 * Adds status events in order (the same rules as addStatusEvent); `nodes` follows, and a node
 * the events create is added to it as a stub. Returns the keys whose status changed.
 */
async function applyEvents(tx: ManagedTransaction, events: { key: string; event: StatusEvent }[], nodes: Map<string, InstrumentNode>): Promise<Set<string>> {
  const changed = new Set<string>();
  const lists = new Map<string, StatusEvent[]>();
  for (const { key, event } of events) {
    let list = lists.get(key);
    if (!list) {
      const [row] = await run(tx, 'status/get-events', { key });
      list = parseEvents(row?.statusEvents ?? []);
      lists.set(key, list);
    }
    const normalized = normalizeEvent(event);
    if (list.some((known) => sameEvent(known, normalized))) continue;
    list.push(normalized);
    const status = statusAfter(list);
    const node = nodes.get(key) ?? stubNode(key);
    nodes.set(key, { ...node, status });
    await run(tx, 'status/set-events', { key, stub: nodeProps(stubNode(key)), statusEvents: list.map((item) => JSON.stringify(item)), status });
    changed.add(key);
  }
  return changed;
}

/** The registry's knowledge in one transaction, with the memory store's order of steps. Returns false when the version is already stored. */
async function writeKnowledgeTx(tx: ManagedTransaction, batch: KnowledgeBatch): Promise<boolean> {
  const [current] = await run(tx, 'knowledge/version', { source: REGISTRY_SOURCE });
  if (current?.version === batch.version) return false;
  const [removed] = await run(tx, 'ingest/delete-relations', { key: REGISTRY_SOURCE });
  const held = new Set<string>((removed?.keys as string[] | undefined) ?? []);
  const keys = new Set<string>();
  for (const node of batch.instruments) keys.add(node.key);
  for (const relation of batch.relations) {
    keys.add(relation.from);
    keys.add(relation.to);
  }
  for (const entry of batch.statusEvents) keys.add(entry.key);
  const nodes = new Map<string, InstrumentNode>();
  for (const row of await run(tx, 'ingest/existing-nodes', { keys: [...keys] })) {
    const node = nodeFrom(row.node);
    nodes.set(node.key, node);
  }
  const issuerBefore = new Map([...nodes.values()].map((node) => [node.key, issuerSignature(node)] as const));
  const dirty = new Set<string>();
  for (const incoming of batch.instruments) {
    const next = mergeKnowledgeNode(nodes.get(incoming.key), incoming);
    if (next) {
      nodes.set(incoming.key, next);
      dirty.add(incoming.key);
    }
  }
  // Nodes are written before the events so that a created node is complete when its events land.
  const rowsOf = (list: Iterable<string>) =>
    [...list].map((key) => {
      const node = nodes.get(key)!;
      return nodeRow(node, nodeProps(node), issuerBefore.has(key) && issuerBefore.get(key) !== issuerSignature(node));
    });
  if (dirty.size > 0) {
    const rows = rowsOf(dirty);
    const relink = unlinkRows(rows);
    if (relink.length > 0) await run(tx, 'ingest/unlink-issuers', { rows: relink });
    await run(tx, 'ingest/upsert-nodes', { rows });
  }
  const statusChanged = await applyEvents(tx, batch.statusEvents, nodes);
  const stubs = new Set<string>();
  const relations: Row[] = [];
  const seen = new Set<string>();
  for (const relation of batch.relations) {
    const id = `${relation.from}\u0000${relation.to}\u0000${relation.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const end of [relation.from, relation.to]) {
      if (!nodes.has(end)) {
        nodes.set(end, stubNode(end));
        stubs.add(end);
      }
    }
    relations.push({ from: relation.from, to: relation.to, kind: relation.kind, source: REGISTRY_SOURCE });
  }
  const after = [...statusChanged, ...stubs].filter((key) => !dirty.has(key));
  if (after.length > 0) await run(tx, 'ingest/upsert-nodes', { rows: rowsOf(after) });
  if (relations.length > 0) await run(tx, 'ingest/create-relations', { rows: relations });
  if (held.size > 0) await run(tx, 'ingest/delete-orphans', { keys: [...held] });
  await run(tx, 'knowledge/clear-successions');
  if (batch.issuers.length > 0) await run(tx, 'ingest/upsert-issuers', { rows: issuerRows(batch.issuers) });
  if (batch.successions.length > 0) await run(tx, 'ingest/upsert-successions', { rows: successionRows(batch.successions) });
  await run(tx, 'knowledge/set-version', { source: REGISTRY_SOURCE, version: batch.version });
  return true;
}

/**
 * A citation as a list, not a map: the driver packs lists far faster than maps (it inspects every
 * map for temporal and spatial types), and this is the bulk of what ingest sends. Whole numbers go
 * as floats and become Integers in the query (toInteger), which is exact below 2^53.
 */

/** Stored properties of a node: the port's fields plus the folded search fields. */
export function nodeProps(node: InstrumentNode): Row {
  const { key: _key, isDocument: _isDocument, ...fields } = normalizeNode(node);
  return { ...fields, ...searchFieldsOf(node) };
}

function nodeFrom(value: unknown): InstrumentNode {
  return normalizeNode(value as InstrumentNode);
}

function citeFrom(from: string, to: string, props: Row): CitesEdge {
  return { from, to, ...(citesProps(props as unknown as CitesEdge) as Omit<CitesEdge, 'from' | 'to'>) };
}

function issuerFrom(value: unknown): IssuerNode {
  return normalizeIssuer(value as IssuerNode);
}

function parseFindings(value: unknown): StoredFinding[] {
  return typeof value === 'string' ? (JSON.parse(value) as StoredFinding[]) : [];
}

function parseEvents(value: unknown): StatusEvent[] {
  return Array.isArray(value) ? value.map((item) => normalizeEvent(JSON.parse(String(item)) as StatusEvent)) : [];
}
