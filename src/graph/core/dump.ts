// The canonical form of a graph dump, the same for both stores: nodes by key, edges by
// (from, to, kind, props), CITES props in one fixed field order. Two dumps of equal graphs are
// deep-equal (and JSON-identical).
import type { CitesEdge, DumpEdgeKind, GraphDump, InstrumentNode, IssuerNode, StatusEvent, StoredFinding, SuccessionEdge } from '../store.js';
import { compareIssuers, normalizeIssuer, successionProps } from './issuers.js';
import { normalizeNode } from './merge.js';
import { compareKeys } from './text.js';

export type DumpEdge = GraphDump['edges'][number];

/** Most entries `getInstrument` lists in `citedBy` (the total is in `citedByTotal`). */
export const CITED_BY_LIMIT = 500;

/** A document's citations in text order. */
export function compareCitations(a: CitesEdge, b: CitesEdge): number {
  return a.offset - b.offset || a.length - b.length || compareKeys(a.to, b.to) || compareKeys(a.surface, b.surface);
}


/** CITES properties in their canonical order. */
export function citesProps(cite: Omit<CitesEdge, 'from' | 'to'>): Record<string, unknown> {
  return {
    section: cite.section,
    offset: cite.offset,
    length: cite.length,
    line: cite.line,
    column: cite.column,
    surface: cite.surface,
    numberWritten: cite.numberWritten ?? null,
    dateWritten: cite.dateWritten ?? null,
    date: cite.date ?? null,
    issuerWritten: cite.issuerWritten ?? null,
    typeWritten: cite.typeWritten ?? null,
  };
}

export function canonicalDump(
  nodes: InstrumentNode[],
  edges: { from: string; to: string; kind: DumpEdgeKind; props: Record<string, unknown> }[],
  findings: Map<string, StoredFinding[]> | Record<string, StoredFinding[]>,
  statusEvents: Map<string, StatusEvent[]> | Record<string, StatusEvent[]>,
  issuers: IssuerNode[] = [],
): GraphDump {
  const sortedNodes = nodes.map(normalizeNode).sort((a, b) => compareKeys(a.key, b.key));
  const keyed = edges.map((edge) => {
    const props =
      edge.kind === 'CITES'
        ? citesProps(edge.props as unknown as CitesEdge)
        : edge.kind === 'ISSUED_BY'
          ? {}
          : edge.kind === 'SUCCEEDED_BY'
            ? successionProps({ from: edge.from, to: edge.to, ...edge.props } as unknown as SuccessionEdge)
            : { source: edge.props.source ?? null };
    return { edge: { from: edge.from, to: edge.to, kind: edge.kind, props }, sortKey: JSON.stringify(props) };
  });
  keyed.sort(
    (a, b) =>
      compareKeys(a.edge.from, b.edge.from) ||
      compareKeys(a.edge.to, b.edge.to) ||
      compareKeys(a.edge.kind, b.edge.kind) ||
      compareKeys(a.sortKey, b.sortKey),
  );
  const entries = <T>(value: Map<string, T[]> | Record<string, T[]>) =>
    (value instanceof Map ? [...value.entries()] : Object.entries(value)).filter(([, list]) => list.length > 0).sort((a, b) => compareKeys(a[0], b[0]));
  return {
    nodes: sortedNodes,
    edges: keyed.map((entry) => entry.edge),
    findings: Object.fromEntries(entries(findings)),
    statusEvents: Object.fromEntries(entries(statusEvents).map(([key, list]) => [key, list.map(normalizeEvent)])),
    issuers: issuers.map(normalizeIssuer).sort(compareIssuers),
  };
}

export function normalizeEvent(event: StatusEvent): StatusEvent {
  return { kind: event.kind, by: event.by ?? null, date: event.date, confidence: event.confidence, source: event.source, note: event.note ?? null };
}

/** The status an instrument has after its events: the latest event (by date, then order added) decides. */
export function statusAfter(events: StatusEvent[]): InstrumentNode['status'] {
  if (events.length === 0) return 'unknown';
  let latest = events[0]!;
  for (const event of events) if (event.date >= latest.date) latest = event;
  switch (latest.kind) {
    case 'replaced_by':
      return 'replaced';
    case 'repealed_by':
      return 'repealed';
    case 'amended_by':
      return 'amended';
    case 'expired':
      return 'expired';
    case 'partly_expired':
      return 'partly_expired';
  }
}

export function sameEvent(a: StatusEvent, b: StatusEvent): boolean {
  return a.kind === b.kind && (a.by ?? null) === (b.by ?? null) && a.date === b.date && a.source === b.source;
}
