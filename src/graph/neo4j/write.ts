// The Neo4j adapter's write path: documents grouped into transactions, each group's nodes read
// once, merged in JS (src/graph/core/merge.ts), then written with pipelined UNWIND queries; a
// document ingested before first loses its old contribution. And the registry's knowledge in one
// transaction. Every statement is a named file of queries/ingest and queries/knowledge.
import type { ManagedTransaction } from 'neo4j-driver';
import type { DocumentBatch, InstrumentNode, IssuerNode, KnowledgeBatch, StatusEvent, StoredFinding, SuccessionEdge, WriteSummary } from '../store.js';
import { REGISTRY_SOURCE } from '../store.js';
import { baseIssuer, baseIssuerForKey, issuersOf, normalizeIssuer, normalizeSuccession, successionProps } from '../core/issuers.js';
import { normalizeEvent, sameEvent, statusAfter } from '../core/dump.js';
import { mergeKnowledgeNode, planBatch, stubNode, type NodeTable } from '../core/merge.js';
import { citeTuple } from '../core/cites.js';
import { toNeo } from './convert.js';
import { query } from './queries.js';
import { nodeFrom, nodeProps, parseEvents, run, type Row } from './rows.js';

/** A transaction holds at most this many documents … */
const CHUNK_DOCUMENTS = 500;
/** … or about this many citation edges. */
const CHUNK_CITATIONS = 25_000;

/**
 * Several queries of one transaction sent without waiting for each answer (the driver pipelines
 * them; the server still runs them in order). Parameters are passed as given: the caller converts.
 */
async function runAll(tx: ManagedTransaction, queries: readonly (readonly [string, Row])[]): Promise<void> {
  await Promise.all(queries.map(([name, params]) => tx.run(query(name), params)));
}

export function* chunks(batches: DocumentBatch[]): Generator<DocumentBatch[]> {
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
export async function writeChunk(tx: ManagedTransaction, chunk: DocumentBatch[], force: boolean): Promise<WriteSummary> {
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
export async function writeKnowledgeTx(tx: ManagedTransaction, batch: KnowledgeBatch): Promise<boolean> {
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
