// The registry as graph facts: what `GraphStore.writeKnowledge` stores (vetted instruments, their
// status events and the REPLACES / REPEALS / AMENDS edges they imply) and what every document
// write adds about its issuers (name, validity, successor under the 2025 reorganisation).
//
// Succession rules, from admin-units-2025.jsonl and issuers.jsonl:
//   - a province merged into another (continues: false) ended on `effective`; each of its bodies
//     is SUCCEEDED_BY the same body of the unit it became (UBND tỉnh Hòa Bình → UBND tỉnh Phú Thọ);
//   - every district-level unit ended with the district tier (`level:huyen`); its bodies are
//     SUCCEEDED_BY the province's counterpart — UBND, HĐND and Phòng GDĐT by the province's UBND,
//     Huyện ủy by the Tỉnh ủy, its Ban Dân vận by the Tỉnh ủy's — in the province the district's
//     province became; the edge's note is the registry's own wording of who took over (the
//     communes of the former district and the province). A Party body's end is marked inferred
//     when the registry marks it so (issuers.jsonl).
import { createHash } from 'node:crypto';
import { analyze } from '../citations/analyze.js';
import { codeSlug } from '../citations/keys.js';
import { baseIssuer, issuersOf, placeName, type IssuerRef } from '../graph/core/issuers.js';
import { REGISTRY_SOURCE, type InstrumentNode, type IssuerNode, type KnowledgeBatch, type RelationEdge, type StatusEvent, type SuccessionEdge } from '../graph/store.js';
import type { Registry } from './registry-files.js';
import type { AdminUnitRecord, InstrumentRecord, IssuerRecord } from './schema.js';

/** Bump when the way the registry becomes graph facts changes: stores then take the knowledge again. */
const FORMAT = 2;

/** The body of the province that takes over a district body's functions. */
const DISTRICT_SUCCESSOR: Record<string, string> = { UBND: 'UBND', HĐND: 'UBND', PGDĐT: 'UBND', HU: 'TU', QU: 'TU', BDVHU: 'BDVTU' };

/** Bodies every province has, written for the provinces the reorganisation names. */
const PROVINCE_BODIES = ['UBND', 'HĐND', 'SGDĐT', 'TU', 'BDVTU'];
const DISTRICT_BODIES = ['UBND', 'HĐND', 'PGDĐT', 'HU', 'BDVHU'];

export interface IssuerFacts {
  /** The issuers named by these keys and every successor they lead to, with their successions. */
  describe(refs: Iterable<IssuerRef>): { issuers: IssuerNode[]; successions: SuccessionEdge[] };
}

export function createIssuerFacts(registry: Registry): IssuerFacts {
  const units = new Map<string, AdminUnitRecord>();
  for (const unit of registry.adminUnits) units.set(unit.id, unit);
  const districtTier = units.get('level:huyen');
  const bodies = registry.issuers.filter((record) => record.kind === 'body');
  const bodyFor = (code: string, level: string): IssuerRecord | undefined =>
    bodies.find((record) => record.level === level && record.codes.includes(code));

  type Described = { issuer: IssuerNode; succession: SuccessionEdge | null; next: IssuerRef | null };
  const cache = new Map<string, Described>();

  const one = (ref: IssuerRef): Described => {
    const hit = cache.get(ref.key);
    if (hit) return hit;
    const issuer = baseIssuer(ref);
    let succession: SuccessionEdge | null = null;
    let next: IssuerRef | null = null;
    const [province, district] = ref.jurisdiction.split('.') as [string, string | undefined];
    const merged = units.get(province);
    const provinceAfter = merged && merged.scope === 'unit' && !merged.continues && merged.becameId ? merged.becameId : province;
    if (ref.jurisdiction !== 'tw' && district === undefined && merged && provinceAfter !== province) {
      issuer.validTo = merged.effective;
      issuer.source = merged.source;
      issuer.confidence = merged.confidence;
      succession = {
        from: ref.key,
        to: `${provinceAfter}:${codeSlug(ref.code)}`,
        date: merged.effective,
        by: merged.by.join('; '),
        note: null,
        source: merged.source,
        confidence: merged.confidence,
      };
      next = { key: succession.to, code: ref.code, jurisdiction: provinceAfter };
    } else if (district !== undefined && districtTier) {
      const body = bodyFor(ref.code, 'huyen') ?? (ref.code === 'QU' ? bodyFor('HU', 'huyen') : undefined);
      const party = issuer.party;
      const confidence = districtTier.confidence === 'inferred' || body?.confidence === 'inferred' ? 'inferred' : 'stated';
      const successorCode = DISTRICT_SUCCESSOR[ref.code] ?? (party ? 'TU' : 'UBND');
      const after = placeName(provinceAfter)?.full ?? provinceAfter;
      const here = placeName(ref.jurisdiction)?.full ?? ref.jurisdiction;
      issuer.validTo = districtTier.effective;
      issuer.source = districtTier.source;
      issuer.confidence = confidence;
      succession = {
        from: ref.key,
        to: `${provinceAfter}:${codeSlug(successorCode)}`,
        date: districtTier.effective,
        by: districtTier.by.join('; '),
        note: body?.successorName ? body.successorName.replaceAll('{huyen}', here).replaceAll('{tinh}', after) : null,
        source: districtTier.source,
        confidence,
      };
      next = { key: succession.to, code: successorCode, jurisdiction: provinceAfter };
    }
    const entry = { issuer, succession, next };
    cache.set(ref.key, entry);
    return entry;
  };

  return {
    describe(refs) {
      const issuers = new Map<string, IssuerNode>();
      const successions: SuccessionEdge[] = [];
      const queue = [...refs];
      while (queue.length > 0) {
        const ref = queue.pop()!;
        if (issuers.has(ref.key)) continue;
        const { issuer, succession, next } = one(ref);
        issuers.set(ref.key, { ...issuer });
        if (succession) successions.push({ ...succession });
        if (next) queue.push(next);
      }
      return { issuers: [...issuers.values()], successions };
    },
  };
}

/** Issuer refs for a list of codes in one jurisdiction. */
function refsFor(codes: readonly string[], jurisdiction: string): IssuerRef[] {
  return codes.flatMap((code) => [...issuersOf(code, jurisdiction)]);
}

/** "Bộ Chính trị (khóa XII)" → "Bộ Chính trị". */
function plainIssuer(issuer: string | null): string | null {
  return issuer ? issuer.replace(/\s*\([^)]*\)\s*$/, '').trim() || null : null;
}

function vnDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

/** An instrument's canonical key, read by the extractor from the citation a plan would write. */
function keyOfRecord(record: Pick<InstrumentRecord, 'type' | 'number' | 'signed' | 'issuer'>): InstrumentNode | null {
  const issuer = plainIssuer(record.issuer);
  const text = `Căn cứ ${record.type} số ${record.number}${record.signed ? ` ${vnDate(record.signed)}` : ''}${issuer ? ` của ${issuer}` : ''};\n`;
  const doc = analyze(text, { file: 'registry' });
  const citation = doc.citations.find((c) => c.key !== null);
  if (!citation?.key) return null;
  return {
    key: citation.key,
    type: record.type,
    number: record.number,
    family: null,
    date: record.signed,
    year: citation.year ?? (record.signed ? Number(record.signed.slice(0, 4)) : null),
    issuer: record.issuer,
    issuerCode: citation.issuerCode ?? null,
    jurisdiction: citation.jurisdiction ?? null,
    subject: null,
    status: 'unknown',
    isDocument: false,
  };
}

const EDGE_OF: Partial<Record<StatusEvent['kind'], RelationEdge['kind']>> = { replaced_by: 'REPLACES', repealed_by: 'REPEALS', amended_by: 'AMENDS' };

const versions = new WeakMap<Registry, string>();

/** The version of the registry's graph facts: a hash of the files it reads and of FORMAT (computed once per registry). */
export function knowledgeVersion(registry: Registry): string {
  let version = versions.get(registry);
  if (version === undefined) {
    version = createHash('sha256')
      .update(JSON.stringify([FORMAT, registry.instruments, registry.adminUnits, registry.issuers]))
      .digest('hex')
      .slice(0, 16);
    versions.set(registry, version);
  }
  return version;
}

/** Everything the registry contributes to a graph; `existingIssuers` are refreshed with it. */
export function registryKnowledge(registry: Registry, existingIssuers: Iterable<IssuerRef> = []): KnowledgeBatch {
  const instruments: InstrumentNode[] = [];
  const byNumber = new Map<string, InstrumentNode>();
  for (const record of registry.instruments) {
    const node = keyOfRecord(record);
    if (!node) continue;
    node.family = record.family;
    node.subject = record.title;
    if (record.issuerConfidence === 'inferred') node.issuer = null;
    instruments.push(node);
    byNumber.set(record.number, node);
  }
  const statusEvents: { key: string; event: StatusEvent }[] = [];
  const relations: RelationEdge[] = [];
  for (const record of registry.instruments) {
    const node = byNumber.get(record.number);
    if (!node) continue;
    for (const event of record.events) {
      // An event without its date is shown by the offline checker but cannot be placed in time.
      if (event.date === null) continue;
      let by: string | null = null;
      let unkeyed: string | null = null;
      if (event.by !== null) {
        const type = byNumber.has(event.by) ? null : typeOfSymbol(event.by);
        const acting = byNumber.get(event.by) ?? (type ? keyOfRecord({ type, number: event.by, signed: null, issuer: null }) : null);
        // An acting instrument that cannot be keyed surely is named in the note instead of guessed.
        if (!acting) unkeyed = event.by;
        else if (!byNumber.has(event.by)) {
          byNumber.set(event.by, acting);
          instruments.push(acting);
        }
        if (acting) by = acting.key;
      }
      statusEvents.push({
        key: node.key,
        event: {
          kind: event.kind,
          by,
          date: event.date,
          confidence: event.confidence,
          source: event.source,
          note: [unkeyed ? `bởi ${unkeyed}` : null, event.partial ? 'một phần (partial)' : null, event.note].filter(Boolean).join(' — ') || null,
        },
      });
      const kind = EDGE_OF[event.kind];
      if (kind && by !== null) relations.push({ from: by, to: node.key, kind, source: REGISTRY_SOURCE });
    }
  }

  const refs: IssuerRef[] = [...existingIssuers];
  for (const node of instruments) refs.push(...issuersOf(node.issuerCode, node.jurisdiction));
  for (const record of registry.issuers) {
    if (record.kind === 'body' && record.level === 'trung-uong') refs.push(...refsFor(record.codes.slice(0, 1), 'tw'));
    if (record.kind === 'unit') refs.push(...refsFor(record.level === 'huyen' ? DISTRICT_BODIES : PROVINCE_BODIES, record.id));
  }
  for (const unit of registry.adminUnits) {
    if (unit.scope === 'unit' && unit.level === 'tinh') refs.push(...refsFor(PROVINCE_BODIES, unit.id));
    else if (unit.scope === 'unit' && unit.parent) refs.push(...refsFor(DISTRICT_BODIES, unit.id));
  }
  const { issuers, successions } = createIssuerFacts(registry).describe(refs);

  return { version: knowledgeVersion(registry), instruments, statusEvents, relations, issuers, successions };
}

/**
 * The type word a symbol itself states, for acting instruments the registry lists only by number;
 * null when the symbol does not say. "81/2025/QH15" may be a Luật or a Nghị quyết of the National
 * Assembly (neither carries a type code), so it is not guessed.
 */
function typeOfSymbol(number: string): string | null {
  const code = /\/(?:\d{4}\/)?([A-ZĐa-z]+)-/.exec(number)?.[1] ?? '';
  const types: Record<string, string> = { NĐ: 'Nghị định', TT: 'Thông tư', QĐ: 'Quyết định', NQ: 'Nghị quyết', CT: 'Chỉ thị', TTLT: 'Thông tư liên tịch' };
  return types[code] ?? null;
}
