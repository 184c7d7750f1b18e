// How a document batch merges into the nodes already stored — one function both stores call, so
// "first value wins", conflict reporting and the created/updated counts are identical in memory
// and in Neo4j. The store supplies the current nodes; this module decides, the store applies.
import type { CitesEdge, DocumentBatch, InstrumentConflict, InstrumentNode, KnowledgeBatch, KnowledgeSummary, RelationEdge, StoredFinding } from '../store.js';
import { conflictToStoredFinding, toStoredFinding } from './findings.js';
import { nfc, sameIssuer, sameType } from './text.js';

/** Descriptive properties: filled from citations when unknown, never overwritten by a later citation. */
const DESCRIPTIVE = ['type', 'number', 'family', 'date', 'year', 'issuer', 'issuerCode', 'jurisdiction', 'subject'] as const;
type Descriptive = (typeof DESCRIPTIVE)[number];
const CHECKED: readonly InstrumentConflict['field'][] = ['date', 'issuer', 'type'];

/**
 * The nodes a batch merges into, reached through handles: `ref` looks a key up once (the memory
 * store's node id; a plain map's key itself), `get` and `set` then use the handle, so a key cited
 * several times is not looked up again for each use.
 */
export interface NodeTable<R = string> {
  ref(key: string): R;
  get(ref: R): InstrumentNode | undefined;
  set(ref: R, node: InstrumentNode): void;
}

export interface BatchPlan<R = string> {
  /** Nodes created by this batch (the document's own node excluded). */
  created: number;
  /** Existing nodes that gained a property from this batch (the document's own node excluded). */
  updated: number;
  conflicts: InstrumentConflict[];
  /** The batch's findings followed by one finding per conflict: what is stored with the document. */
  findings: StoredFinding[];
  /** Handles of the nodes created or changed (the document's is always in it), in first-touch order. */
  dirty: R[];
  /** Relation edges without duplicates (same from, to, kind). */
  relations: RelationEdge[];
  /** The handle of each citation's target, in the order of `batch.cites`. */
  citeRefs: R[];
}

/** A node with every field present (no undefined), strings in NFC. */
export function normalizeNode(node: InstrumentNode): InstrumentNode {
  const text = (value: string | null | undefined) => (value === null || value === undefined ? null : nfc(value));
  return {
    key: node.key,
    type: text(node.type),
    number: text(node.number),
    family: text(node.family),
    date: text(node.date),
    year: node.year ?? null,
    issuer: text(node.issuer),
    issuerCode: text(node.issuerCode),
    jurisdiction: text(node.jurisdiction),
    subject: text(node.subject),
    status: node.status ?? 'unknown',
    isDocument: node.isDocument === true,
    file: node.file ?? null,
    contentHash: node.contentHash ?? null,
  };
}

export function stubNode(key: string): InstrumentNode {
  return normalizeNode({ key, type: null, number: null, family: null, date: null, year: null, issuer: null, issuerCode: null, jurisdiction: null, subject: null, status: 'unknown', isDocument: false });
}

function disagree(field: InstrumentConflict['field'], a: unknown, b: unknown): boolean {
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (field === 'issuer') return !sameIssuer(a, b);
  if (field === 'type') return !sameType(a, b);
  return a !== b;
}

type Located = Pick<InstrumentConflict, 'line' | 'column' | 'offset' | 'length' | 'surface'>;
const HEADER: Located = { line: null, column: null, offset: null, length: null, surface: null };

function locate(cite: CitesEdge | undefined): Located {
  return cite ? { line: cite.line, column: cite.column, offset: cite.offset, length: cite.length, surface: cite.surface } : HEADER;
}

/**
 * Merging `raw` into `stored` changes nothing and reports nothing: each value of `raw` is absent,
 * or the stored one is set and either equal or of a field that is never compared (a later
 * citation's number or subject does not replace the first one). The long per-instrument texts
 * (subject, number) are thus not read at all once they are known.
 */
function mergesToNothing(raw: InstrumentNode, stored: InstrumentNode): boolean {
  return (
    settled(raw.date, stored.date, true) &&
    settled(raw.issuer, stored.issuer, true) &&
    settled(raw.type, stored.type, true) &&
    settled(raw.number, stored.number, false) &&
    settled(raw.family, stored.family, false) &&
    settled(raw.year, stored.year, false) &&
    settled(raw.issuerCode, stored.issuerCode, false) &&
    settled(raw.jurisdiction, stored.jurisdiction, false) &&
    settled(raw.subject, stored.subject, false)
  );
}

function settled(value: unknown, stored: unknown, checked: boolean): boolean {
  if (value === null || value === undefined) return true;
  if (stored === null) return false;
  return !checked || value === stored;
}

export function planBatch<R>(batch: DocumentBatch, nodes: NodeTable<R>): BatchPlan<R> {
  const docKey = batch.document.key;
  const file = batch.document.file ?? null;
  const conflicts: InstrumentConflict[] = [...(batch.conflicts ?? [])];
  const dirty: R[] = [];
  const dirtySet = new Set<R>();
  let created = 0;
  let updated = 0;
  const touch = (ref: R) => {
    if (!dirtySet.has(ref)) {
      dirtySet.add(ref);
      dirty.push(ref);
    }
  };
  // Where a conflict is located: the first citation of the instrument (looked up only on a conflict).
  const firstCite = (key: string) => batch.cites.find((cite) => cite.to === key);

  // The document's own node: its header is authoritative for it.
  const incomingDoc = normalizeNode(batch.document);
  const docRef = nodes.ref(docKey);
  const existingDoc = nodes.get(docRef);
  const doc: InstrumentNode = existingDoc ? { ...existingDoc } : { ...incomingDoc };
  for (const field of DESCRIPTIVE) {
    const value = incomingDoc[field];
    if (value === null) continue;
    const before = existingDoc?.[field] ?? null;
    if (existingDoc && !existingDoc.isDocument && (CHECKED as readonly string[]).includes(field) && disagree(field as InstrumentConflict['field'], value, before)) {
      conflicts.push({ key: docKey, field: field as InstrumentConflict['field'], kept: String(value), incoming: String(before), document: docKey, file, ...HEADER });
    }
    (doc as unknown as Record<Descriptive, unknown>)[field] = value;
  }
  doc.isDocument = true;
  doc.file = incomingDoc.file;
  doc.contentHash = incomingDoc.contentHash;
  if (!existingDoc) doc.status = incomingDoc.status;
  nodes.set(docRef, doc);
  touch(docRef);

  // Cited instruments: fill what is unknown, report what disagrees, keep the first value.
  const instrumentRefs: R[] = [];
  for (const raw of batch.instruments) {
    const ref = nodes.ref(raw.key);
    instrumentRefs.push(ref);
    const known = nodes.get(ref);
    // Most cited instruments are already stored with these very values: nothing to fill or report.
    if (known && mergesToNothing(raw, known)) continue;
    const incoming = normalizeNode(raw);
    const existing = known;
    if (!existing) {
      nodes.set(ref, { ...incoming, isDocument: false, file: null, contentHash: null });
      created++;
      touch(ref);
      continue;
    }
    let next: InstrumentNode | null = null;
    for (const field of DESCRIPTIVE) {
      const value = incoming[field];
      if (value === null) continue;
      const current = existing[field];
      if (current === null) {
        next ??= { ...existing };
        (next as unknown as Record<Descriptive, unknown>)[field] = value;
      } else if ((CHECKED as readonly string[]).includes(field) && disagree(field as InstrumentConflict['field'], current, value)) {
        conflicts.push({
          key: incoming.key,
          field: field as InstrumentConflict['field'],
          kept: String(current),
          incoming: String(value),
          document: docKey,
          file,
          ...locate(firstCite(incoming.key)),
        });
      }
    }
    if (next) {
      nodes.set(ref, next);
      if (ref !== docRef && !dirtySet.has(ref)) updated++;
      touch(ref);
    }
  }

  // Every edge end is a node: a target known only by its key becomes a stub.
  const ensure = (key: string): R => {
    const ref = nodes.ref(key);
    if (nodes.get(ref)) return ref;
    nodes.set(ref, stubNode(key));
    created++;
    touch(ref);
    return ref;
  };
  // Instruments are usually listed in the order of their first citation: a citation whose target is
  // the next instrument so listed takes that instrument's handle (a node by now) without a lookup.
  let listed = 0;
  const citeRefs = batch.cites.map((cite) => {
    if (listed < batch.instruments.length && batch.instruments[listed]!.key === cite.to) return instrumentRefs[listed++]!;
    return ensure(cite.to);
  });
  const relations: RelationEdge[] = [];
  const seen = new Set<string>();
  for (const relation of batch.relations) {
    const id = `${relation.from}\u0000${relation.to}\u0000${relation.kind}`;
    if (seen.has(id)) continue;
    seen.add(id);
    ensure(relation.from);
    ensure(relation.to);
    relations.push({ from: relation.from, to: relation.to, kind: relation.kind, source: docKey });
  }

  const findings = [...batch.findings.map(toStoredFinding), ...conflicts.map(conflictToStoredFinding)];
  return { created, updated, conflicts, findings, dirty, relations, citeRefs };
}


/**
 * A registry instrument merged into the stored node (KnowledgeBatch): the registry's vetted
 * values replace what citations said, except over an ingested document, whose own header stays
 * authoritative (the registry then only fills gaps). Null when nothing changes.
 */
export function mergeKnowledgeNode(existing: InstrumentNode | undefined, raw: InstrumentNode): InstrumentNode | null {
  const incoming = normalizeNode(raw);
  if (!existing) return { ...incoming, isDocument: false, file: null, contentHash: null };
  let next: InstrumentNode | null = null;
  for (const field of DESCRIPTIVE) {
    const value = incoming[field];
    if (value === null || value === existing[field]) continue;
    if (existing.isDocument && existing[field] !== null) continue;
    next ??= { ...existing };
    (next as unknown as Record<Descriptive, unknown>)[field] = value;
  }
  return next;
}

/** What a KnowledgeBatch holds, as `writeKnowledge` reports it (`written` set by the store). */
export function knowledgeSummary(batch: KnowledgeBatch): KnowledgeSummary {
  return {
    written: false,
    instruments: batch.instruments.length,
    statusEvents: batch.statusEvents.length,
    relations: batch.relations.length,
    issuers: batch.issuers.length,
    successions: batch.successions.length,
  };
}
