// Rows as the Neo4j adapter sends and reads them: running a named query in a transaction, a
// node's stored properties, and the port's shapes read back from rows.
import type { ManagedTransaction } from 'neo4j-driver';
import type { CitesEdge, InstrumentNode, IssuerNode, StatusEvent, StoredFinding } from '../store.js';
import { citesProps, normalizeEvent } from '../core/dump.js';
import { normalizeIssuer } from '../core/issuers.js';
import { normalizeNode } from '../core/merge.js';
import { searchFieldsOf } from '../core/search.js';
import { toNative, toNeo } from './convert.js';
import { query } from './queries.js';

export type Row = Record<string, unknown>;

/** Runs the named query (queries/<name>.cypher) in `tx`; rows with driver values made native. */
export async function run(tx: ManagedTransaction, name: string, params: Row = {}, inline: Record<string, number> = {}): Promise<Row[]> {
  const result = await tx.run(query(name, inline), toNeo(params) as Row);
  return result.records.map((record) => toNative(record.toObject()) as Row);
}

/** Stored properties of a node: the port's fields plus the folded search fields. */
export function nodeProps(node: InstrumentNode): Row {
  const { key: _key, isDocument: _isDocument, ...fields } = normalizeNode(node);
  return { ...fields, ...searchFieldsOf(node) };
}

export function nodeFrom(value: unknown): InstrumentNode {
  return normalizeNode(value as InstrumentNode);
}

export function citeFrom(from: string, to: string, props: Row): CitesEdge {
  return { from, to, ...(citesProps(props as unknown as CitesEdge) as Omit<CitesEdge, 'from' | 'to'>) };
}

export function issuerFrom(value: unknown): IssuerNode {
  return normalizeIssuer(value as IssuerNode);
}

export function parseFindings(value: unknown): StoredFinding[] {
  return typeof value === 'string' ? (JSON.parse(value) as StoredFinding[]) : [];
}

export function parseEvents(value: unknown): StatusEvent[] {
  return Array.isArray(value) ? value.map((item) => normalizeEvent(JSON.parse(String(item)) as StatusEvent)) : [];
}
