// The Neo4j GraphStore: the only module (with driver.ts and convert.ts) that talks to neo4j-driver.
// Every query is a named file of queries/; reads run in read transactions (READ access mode, retried only on transient errors), writes in
// executeWrite, always against the named database, sessions closed in `finally`.
//
// Writing (write.ts; rows and named-query runs in rows.ts): documents are grouped into transactions of up to 500 documents / ~25,000 citations.
// One read fetches every node the group touches; inside the transaction the documents are applied
// in order with the embedded store's semantics (src/graph/core/merge.ts decides merged properties
// and conflicts in JS): consecutive new documents are bulk-written together (pipelined UNWIND
// queries); a document ingested before first loses its old CITES and the relation edges it stated,
// then the instruments nothing holds any more, then gets its new contribution. The content hash is
// a property written in the same transaction, so a document is wholly there, hash included, or not
// at all — which is what makes an interrupted ingest safe to re-run.
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import type {
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
import { normalizeSuccession, successorChain } from '../core/issuers.js';
import { CITED_BY_LIMIT, canonicalDump, compareCitations, normalizeEvent, sameEvent, statusAfter, type DumpEdge } from '../core/dump.js';
import { breadthFirst, lineageHit, encodeCursor, decodeCursor, paginate, validateDepth } from '../core/lineage.js';
import { knowledgeSummary, stubNode } from '../core/merge.js';
import { normalizeSearch } from '../core/search.js';
import { compareKeys } from '../core/text.js';
import { validateBatch, validateEvent, validateKnowledge } from '../core/validate.js';
import { toNative, toNeo } from './convert.js';
import { acquireDriver, isTransient, releaseDriver, translateError, type Neo4jConnection } from './driver.js';
import { query, schemaStatements } from './queries.js';
import { chunks, writeChunk, writeKnowledgeTx } from './write.js';
import { citeFrom, issuerFrom, nodeFrom, nodeProps, parseEvents, parseFindings, run, type Row } from './rows.js';

export { nodeProps } from './rows.js';

/** A read that meets a transient server error is run again this many times, after READ_RETRY_PAUSE_MS × attempt. */
const READ_RETRIES = 2;
const READ_RETRY_PAUSE_MS = 50;


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
