// Instrument search semantics, shared: the query is normalised here once, the memory store
// matches with `matches`, and Neo4j runs the same comparisons on the folded properties
// (`searchText`, `issuerFold`, `typeFold`, `seq`) it stores beside each node.
import { GraphInputError } from '../errors.js';
import type { InstrumentNode, InstrumentSearch } from '../store.js';
import { validateLimit } from './lineage.js';
import { fold, issuerFoldOf, normalizeSeq, searchTextOf, seqOf } from './text.js';
import { issuersOf } from './issuers.js';

export interface NormalizedSearch {
  number: string | null;
  seq: string | null;
  typeFold: string | null;
  issuerFold: string | null;
  issuerCode: string | null;
  year: number | null;
  text: string | null;
  issuerKey: string | null;
  limit: number;
  cursor: string | null;
}

export function normalizeSearch(query: InstrumentSearch): NormalizedSearch {
  const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? null : value);
  if (query.year !== undefined && query.year !== null && (!Number.isInteger(query.year) || query.year < 1000 || query.year > 9999)) {
    throw new GraphInputError(`Năm phải là số có 4 chữ số (nhận được ${String(query.year)}).`, `year must be a 4-digit number (got ${String(query.year)}).`, 'year');
  }
  const issuer = blank(query.issuer);
  return {
    number: blank(query.number)?.normalize('NFC').trim() ?? null,
    seq: blank(query.seq) ? normalizeSeq(query.seq!) : null,
    typeFold: blank(query.type) ? fold(query.type!) : null,
    issuerFold: issuer ? fold(issuer) : null,
    issuerCode: issuer ? issuer.normalize('NFC').trim().toUpperCase() : null,
    year: query.year ?? null,
    text: blank(query.text) ? fold(query.text!) : null,
    issuerKey: blank(query.issuerKey)?.trim() ?? null,
    limit: validateLimit(query.limit),
    cursor: query.cursor ?? null,
  };
}

/** The folded properties a node is searched by. */
export interface SearchFields {
  searchText: string;
  issuerFold: string | null;
  typeFold: string | null;
  seq: string | null;
}

export function searchFieldsOf(node: InstrumentNode): SearchFields {
  return { searchText: searchTextOf(node), issuerFold: issuerFoldOf(node.issuer), typeFold: node.type ? fold(node.type) : null, seq: seqOf(node.number) };
}

export function matches(node: InstrumentNode, fields: SearchFields, query: NormalizedSearch): boolean {
  if (query.number !== null && node.number !== query.number) return false;
  if (query.seq !== null && fields.seq !== query.seq) return false;
  if (query.typeFold !== null && fields.typeFold !== query.typeFold) return false;
  if (query.year !== null && node.year !== query.year) return false;
  if (query.issuerFold !== null) {
    const byName = fields.issuerFold !== null && fields.issuerFold.includes(query.issuerFold);
    const byCode = node.issuerCode !== null && node.issuerCode.toUpperCase() === query.issuerCode;
    if (!byName && !byCode) return false;
  }
  if (query.text !== null && !fields.searchText.includes(query.text)) return false;
  if (query.issuerKey !== null && !issuersOf(node.issuerCode, node.jurisdiction).some((ref) => ref.key === query.issuerKey)) return false;
  return true;
}
