// From an analysed plan to what the graph stores: the plan's own node, one node per instrument it
// cites (by canonical key), a CITES edge per citation occurrence, BASED_ON / IMPLEMENTS edges from
// its "Căn cứ …" / "Thực hiện …" preamble and title, and the relations the citations state between
// cited instruments ("Kế hoạch 144/KH-UBND … về việc triển khai thực hiện Đề án 15-ĐA/TU").
import type { AnalyzedDocument, Citation, Finding } from '../citations/model.js';
import { isKey } from '../citations/keys.js';
import type { CitesEdge, DocumentBatch, InstrumentConflict, InstrumentNode, RelationEdge, StoredFinding } from './store.js';
import { stubNode } from './core/merge.js';
import { memo } from '../citations/memo.js';
import { sameIssuer, sameType, slug } from './core/text.js';
import { toStoredFinding } from './core/findings.js';

export interface FromAnalyzedOptions {
  /** The document's file as recorded (relative to the ingest root). */
  file: string;
  /** sha256 (hex) of the file's bytes. */
  contentHash: string;
  /** Lint findings for the document, stored with it. */
  findings: Finding[];
}

const RELATION_EDGE: Record<Citation['relations'][number]['kind'], RelationEdge['kind']> = {
  implements: 'IMPLEMENTS',
  continues: 'CONTINUES',
  guides: 'GUIDES',
  amends: 'AMENDS',
  reviews: 'REVIEWS',
  replaces: 'REPLACES',
  repeals: 'REPEALS',
};

/** Key of a plan without number and date in its header: its file path, slugged. */
export function documentKeyForFile(file: string): string {
  return `doc:${slug(file.replace(/\\/g, '/')) || 'unnamed'}`;
}

export function fromAnalyzed(doc: AnalyzedDocument, opts: FromAnalyzedOptions): DocumentBatch {
  const key = doc.ownKey ?? documentKeyForFile(opts.file);
  const document = documentNode(doc, key, opts);

  // One node per key: the first citation's values, gaps filled by later ones; disagreements noted.
  const instruments = new Map<string, InstrumentNode>();
  const conflicts: InstrumentConflict[] = [];
  const cites: CitesEdge[] = [];
  for (const citation of doc.citations) {
    if (citation.key === null) continue;
    const incoming = citedNode(citation);
    const known = instruments.get(citation.key);
    if (!known) instruments.set(citation.key, incoming);
    else mergeWithin(known, incoming, citation, key, opts.file, conflicts);
    cites.push({
      from: key,
      to: citation.key,
      section: citation.section,
      offset: citation.offset,
      length: citation.length,
      line: citation.line,
      column: citation.column,
      surface: citation.surface,
      numberWritten: citation.number,
      dateWritten: citation.dateWritten,
      date: citation.date,
      issuerWritten: citation.issuer,
      typeWritten: citation.typeWritten,
    });
  }

  const relations: RelationEdge[] = [];
  const seen = new Set<string>();
  const relate = (from: string, kind: RelationEdge['kind'], to: string) => {
    const id = `${from} ${kind} ${to}`;
    if (from === to || seen.has(id)) return;
    seen.add(id);
    relations.push({ from, to, kind, source: key });
  };
  const titleImplements = titleBeginsWithImplements(doc);
  for (const citation of doc.citations) {
    if (citation.key === null) continue;
    if (!citation.nested) {
      if (citation.section === 'can_cu') {
        const verb = preambleVerb(doc, citation);
        if (verb) relate(key, verb, citation.key);
      } else if (citation.section === 'title' && titleImplements) {
        relate(key, 'IMPLEMENTS', citation.key);
      }
    }
    for (const relation of citation.relations) {
      // A target that could not be keyed (only its number is known) has no node to point to.
      if (isKey(relation.target)) relate(citation.key, RELATION_EDGE[relation.kind], relation.target);
    }
  }
  // A relation may point to an instrument known only from another citation's description.
  const targetNumbers = new Map(doc.citations.flatMap((c) => c.relations).map((r) => [r.target, r.targetNumber] as const));
  for (const relation of relations) {
    if (!instruments.has(relation.to) && relation.to !== key) {
      instruments.set(relation.to, { ...stubNode(relation.to), number: targetNumbers.get(relation.to) ?? null });
    }
  }

  return {
    document,
    instruments: [...instruments.values()],
    cites,
    relations,
    findings: opts.findings.map(toStoredFinding),
    conflicts,
  };
}

/** A node's text value: NFC, single spaces, trimmed; null when nothing is left. */
export function nodeText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const clean = cleanText(value);
  return clean ? clean : null;
}

/**
 * NFC, single spaces, trimmed; remembered, as the same types, numbers, issuers and subjects recur.
 * The memo also hands the store one string object per recurring value, whose hash V8 has already
 * computed: a cheap-looking fast path that returned each value as sliced from the plan instead
 * made the whole pipeline slower (measured).
 */
const cleanText = memo((value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim(), 20_000);

function citedNode(citation: Citation): InstrumentNode {
  return {
    key: citation.key!,
    type: nodeText(citation.type),
    number: nodeText(citation.canonicalNumber),
    family: citation.family === 'unknown' ? null : citation.family,
    date: citation.date,
    year: citation.year,
    issuer: nodeText(citation.issuer),
    issuerCode: nodeText(citation.issuerCode),
    jurisdiction: citation.jurisdiction,
    subject: nodeText(citation.subject),
    status: 'unknown',
    isDocument: false,
  };
}

const FILLABLE = ['type', 'number', 'family', 'date', 'year', 'issuer', 'issuerCode', 'jurisdiction', 'subject'] as const;

function mergeWithin(known: InstrumentNode, incoming: InstrumentNode, citation: Citation, document: string, file: string, conflicts: InstrumentConflict[]): void {
  for (const field of FILLABLE) {
    const value = incoming[field];
    if (value === null) continue;
    const current = known[field];
    if (current === null) {
      (known as unknown as Record<string, unknown>)[field] = value;
      continue;
    }
    const differs =
      field === 'date' ? current !== value : field === 'issuer' ? !sameIssuer(String(current), String(value)) : field === 'type' ? !sameType(String(current), String(value)) : false;
    if (differs) {
      conflicts.push({
        key: known.key,
        field: field as InstrumentConflict['field'],
        kept: String(current),
        incoming: String(value),
        document,
        file,
        line: citation.line,
        column: citation.column,
        offset: citation.offset,
        length: citation.length,
        surface: citation.surface,
      });
    }
  }
}

function documentNode(doc: AnalyzedDocument, key: string, opts: FromAnalyzedOptions): InstrumentNode {
  const number = doc.header.number && /\d/.test(doc.header.number) ? doc.header.number.normalize('NFC').replace(/\s+/g, '').replace(/&/g, '') : null;
  const family = number === null ? null : /^\d+\/\d{4}\//.test(number) ? 'legal' : /^\d+-/.test(number) ? 'party' : 'admin';
  // "07/KH-PGDĐT" → PGDĐT; Party numbers carry the issuer after the slash ("18-KH/TU" → TU).
  const symbol = number?.split('/').pop() ?? null;
  const issuerCode = !symbol ? null : family === 'party' ? symbol : symbol.includes('-') ? symbol.slice(symbol.indexOf('-') + 1) : null;
  const ownJurisdiction = key.startsWith('vn:') ? key.split(':')[1]! : null;
  const placeJurisdiction = doc.place.province ? (doc.place.district ? `${doc.place.province}.${doc.place.district}` : doc.place.province) : null;
  return {
    key,
    type: nodeText(doc.header.type),
    number,
    family,
    date: doc.header.date,
    year: doc.header.year,
    issuer: nodeText(doc.header.issuingBody),
    issuerCode,
    jurisdiction: ownJurisdiction ?? placeJurisdiction,
    subject: nodeText(doc.header.title),
    status: 'unknown',
    isDocument: true,
    file: opts.file,
    contentHash: opts.contentHash,
  };
}


// A preamble item starts at a line start or after ";" and opens with its verb; other openings
// ("Xét đề nghị …", "Để …") end the previous item without a verb of their own.
const PREAMBLE_ITEM = /(?:^|[\n;])[ \t\-–+*#>_]*(căn cứ|(?:tiếp tục\s+)?(?:triển khai\s+)?thực hiện|triển khai|xét|theo|để|nhằm)(?![\p{L}])/giu;
const TITLE_IMPLEMENTS = /^[\s#*_]*(?:kế hoạch\s+)?(?:tiếp tục\s+)?(?:triển khai\s+)?(?:thực hiện|triển khai)(?![\p{L}])/iu;
/** How far back an item's opening is looked for. */
const ITEM_WINDOW = 4000;

/**
 * The verb of the preamble item a căn cứ citation stands in: "Căn cứ" → BASED_ON, "Thực hiện" /
 * "Triển khai" → IMPLEMENTS. Read in the cleaned text (NFC, one offset space), backwards from the
 * citation to the item's opening.
 */
function preambleVerb(doc: AnalyzedDocument, citation: Citation): 'BASED_ON' | 'IMPLEMENTS' | null {
  const text = doc.cleanText ?? doc.source.normalize('NFC');
  const at = doc.cleanText !== undefined && citation.cleanStart !== undefined ? citation.cleanStart : citation.offset;
  const before = text.slice(Math.max(0, at - ITEM_WINDOW), at);
  let verb: string | null = null;
  for (const match of before.matchAll(PREAMBLE_ITEM)) verb = match[1]!.toLowerCase();
  if (verb === null) return null;
  if (verb === 'căn cứ') return 'BASED_ON';
  return verb.endsWith('thực hiện') || verb === 'triển khai' ? 'IMPLEMENTS' : null;
}

function titleBeginsWithImplements(doc: AnalyzedDocument): boolean {
  const title = doc.header.title ?? '';
  return TITLE_IMPLEMENTS.test(title.normalize('NFC'));
}
