// Checks a DocumentBatch before any store touches it, so a malformed batch is refused whole with
// a message naming the field, and a store never half-applies one.
import { INSTRUMENT_STATUSES, STATUS_EVENT_KINDS } from '../../model/values.js';
import { GraphInputError } from '../errors.js';
import { REGISTRY_SOURCE, type DocumentBatch, type EdgeKind, type InstrumentNode, type RelationEdge, type InstrumentStatus, type IssuerNode, type KnowledgeBatch, type StatusEvent, type SuccessionEdge } from '../store.js';

export const RELATION_KINDS = ['BASED_ON', 'IMPLEMENTS', 'AMENDS', 'GUIDES', 'REPLACES', 'REPEALS', 'CONTINUES', 'REVIEWS'] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];
export const EDGE_KINDS: readonly EdgeKind[] = ['CITES', ...RELATION_KINDS];
const STATUSES: readonly InstrumentStatus[] = INSTRUMENT_STATUSES;

/** Largest key accepted (keys are short canonical strings; a huge one is a caller bug). */
const MAX_KEY_LENGTH = 512;

function fail(field: string, vi: string, en: string): never {
  throw new GraphInputError(`Lô dữ liệu không hợp lệ: ${field} ${vi}.`, `Invalid document batch: ${field} ${en}.`, field);
}

function checkKey(value: unknown, field: string): void {
  if (!isKey(value)) {
    fail(field, 'phải là khóa chuẩn (chuỗi không rỗng, không có khoảng trắng ở đầu/cuối)', 'must be a canonical key (a non-empty string without surrounding spaces)');
  }
}

function isKey(value: unknown): boolean {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_KEY_LENGTH && value.trim() === value;
}

function isCount(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isOptionalText(value: unknown): boolean {
  return value === null || value === undefined || typeof value === 'string';
}

function checkInt(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) fail(field, 'phải là số nguyên không âm', 'must be a non-negative integer');
}

function checkText(value: unknown, field: string, nullable: boolean): void {
  if (value === null && nullable) return;
  if (typeof value !== 'string') fail(field, nullable ? 'phải là chuỗi hoặc null' : 'phải là chuỗi', nullable ? 'must be a string or null' : 'must be a string');
}

function citeAt(at: string, i: number): string {
  return `${at}.cites[${i}]`;
}

/** True when `checkNode` would pass (without building any message). */
function isNode(node: InstrumentNode | undefined): boolean {
  return (
    !!node &&
    typeof node === 'object' &&
    isKey(node.key) &&
    isOptionalText(node.type) &&
    isOptionalText(node.number) &&
    isOptionalText(node.family) &&
    isOptionalText(node.date) &&
    isOptionalText(node.issuer) &&
    isOptionalText(node.issuerCode) &&
    isOptionalText(node.jurisdiction) &&
    isOptionalText(node.subject) &&
    (node.year === null || node.year === undefined || isCount(node.year)) &&
    (node.status === undefined || STATUSES.includes(node.status))
  );
}

function checkNode(node: InstrumentNode, field: string): void {
  if (!node || typeof node !== 'object') fail(field, 'phải là một nút văn bản', 'must be an instrument node');
  checkKey(node.key, `${field}.key`);
  for (const name of ['type', 'number', 'family', 'date', 'issuer', 'issuerCode', 'jurisdiction', 'subject'] as const) {
    checkText(node[name] ?? null, `${field}.${name}`, true);
  }
  if (node.year !== null && node.year !== undefined) checkInt(node.year, `${field}.year`);
  if (node.status !== undefined && !STATUSES.includes(node.status)) fail(`${field}.status`, 'không phải trạng thái hợp lệ', 'is not a known status');
}

export function validateBatch(batch: DocumentBatch, index = 0): void {
  const at = `batches[${index}]`;
  if (!batch || typeof batch !== 'object') fail(at, 'phải là một đối tượng', 'must be an object');
  checkNode(batch.document, `${at}.document`);
  checkText(batch.document.contentHash ?? null, `${at}.document.contentHash`, true);
  checkText(batch.document.file ?? null, `${at}.document.file`, true);
  if (!Array.isArray(batch.instruments)) fail(`${at}.instruments`, 'phải là mảng', 'must be an array');
  for (let i = 0; i < batch.instruments.length; i++) if (!isNode(batch.instruments[i])) checkNode(batch.instruments[i]!, `${at}.instruments[${i}]`);
  if (!Array.isArray(batch.cites)) fail(`${at}.cites`, 'phải là mảng', 'must be an array');
  // The hot loop of every write: plain tests, and the field's path built only when one fails.
  const from = batch.document.key;
  for (let i = 0; i < batch.cites.length; i++) {
    const cite = batch.cites[i]!;
    if (!cite || typeof cite !== 'object') fail(citeAt(at, i), 'phải là một đối tượng', 'must be an object');
    if (cite.from !== from) fail(`${citeAt(at, i)}.from`, 'phải là khóa của chính văn bản', "must be the document's own key");
    if (!isKey(cite.to)) checkKey(cite.to, `${citeAt(at, i)}.to`);
    if (typeof cite.section !== 'string') checkText(cite.section, `${citeAt(at, i)}.section`, false);
    if (!isCount(cite.offset) || !isCount(cite.length) || !isCount(cite.line) || !isCount(cite.column)) {
      for (const name of ['offset', 'length', 'line', 'column'] as const) checkInt(cite[name], `${citeAt(at, i)}.${name}`);
    }
    if (typeof cite.surface !== 'string') checkText(cite.surface, `${citeAt(at, i)}.surface`, false);
    if (!isOptionalText(cite.numberWritten) || !isOptionalText(cite.dateWritten) || !isOptionalText(cite.date) || !isOptionalText(cite.issuerWritten) || !isOptionalText(cite.typeWritten)) {
      for (const name of ['numberWritten', 'dateWritten', 'date', 'issuerWritten', 'typeWritten'] as const) checkText(cite[name] ?? null, `${citeAt(at, i)}.${name}`, true);
    }
  }
  checkRelations(batch.relations, at, batch.document.key, ['phải là khóa của chính văn bản', "must be the document's own key"]);
  if (!Array.isArray(batch.findings)) fail(`${at}.findings`, 'phải là mảng', 'must be an array');
  if (batch.supersedes !== undefined) {
    if (!Array.isArray(batch.supersedes)) fail(`${at}.supersedes`, 'phải là mảng', 'must be an array');
    batch.supersedes.forEach((key, i) => checkKey(key, `${at}.supersedes[${i}]`));
  }
  checkIssuers(batch.issuers ?? [], batch.successions ?? [], at);
  if (batch.statusEvents !== undefined) {
    if (!Array.isArray(batch.statusEvents)) fail(`${at}.statusEvents`, 'phải là mảng', 'must be an array');
    batch.statusEvents.forEach((entry, i) => {
      checkKey(entry?.key, `${at}.statusEvents[${i}].key`);
      validateEvent(entry.event);
    });
  }
}

/** Relation edges: ends are keys, the kind is known, and each names `source` (said as `sourceRule`). */
function checkRelations(relations: readonly RelationEdge[], at: string, source: string, sourceRule: [vi: string, en: string]): void {
  if (!Array.isArray(relations)) fail(`${at}.relations`, 'phải là mảng', 'must be an array');
  relations.forEach((relation, i) => {
    const f = `${at}.relations[${i}]`;
    checkKey(relation.from, `${f}.from`);
    checkKey(relation.to, `${f}.to`);
    if (!(RELATION_KINDS as readonly string[]).includes(relation.kind)) fail(`${f}.kind`, `phải là một trong ${RELATION_KINDS.join(', ')}`, `must be one of ${RELATION_KINDS.join(', ')}`);
    if (relation.source !== source) fail(`${f}.source`, sourceRule[0], sourceRule[1]);
  });
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkIssuers(issuers: readonly IssuerNode[], successions: readonly SuccessionEdge[], at: string): void {
  if (!Array.isArray(issuers)) fail(`${at}.issuers`, 'phải là mảng', 'must be an array');
  issuers.forEach((issuer, i) => {
    const f = `${at}.issuers[${i}]`;
    if (!issuer || typeof issuer !== 'object') fail(f, 'phải là một cơ quan ban hành', 'must be an issuer');
    checkKey(issuer.key, `${f}.key`);
    for (const name of ['code', 'name', 'jurisdiction'] as const) checkText(issuer[name], `${f}.${name}`, false);
    for (const name of ['validFrom', 'validTo'] as const) {
      const value = issuer[name] ?? null;
      if (value !== null && (typeof value !== 'string' || !ISO_DATE.test(value))) fail(`${f}.${name}`, 'phải có dạng YYYY-MM-DD hoặc null', 'must be YYYY-MM-DD or null');
    }
  });
  if (!Array.isArray(successions)) fail(`${at}.successions`, 'phải là mảng', 'must be an array');
  successions.forEach((edge, i) => {
    const f = `${at}.successions[${i}]`;
    if (!edge || typeof edge !== 'object') fail(f, 'phải là một đối tượng', 'must be an object');
    checkKey(edge.from, `${f}.from`);
    checkKey(edge.to, `${f}.to`);
    if (edge.from === edge.to) fail(`${f}.to`, 'phải khác from', 'must differ from from');
    if (typeof edge.date !== 'string' || !ISO_DATE.test(edge.date)) fail(`${f}.date`, 'phải có dạng YYYY-MM-DD', 'must be YYYY-MM-DD');
    checkText(edge.source, `${f}.source`, false);
    if (edge.confidence !== 'stated' && edge.confidence !== 'inferred') fail(`${f}.confidence`, 'phải là stated hoặc inferred', 'must be stated or inferred');
  });
}

export function validateKnowledge(batch: KnowledgeBatch): void {
  const at = 'knowledge';
  if (!batch || typeof batch !== 'object') fail(at, 'phải là một đối tượng', 'must be an object');
  checkText(batch.version, `${at}.version`, false);
  if (!Array.isArray(batch.instruments)) fail(`${at}.instruments`, 'phải là mảng', 'must be an array');
  batch.instruments.forEach((node, i) => checkNode(node, `${at}.instruments[${i}]`));
  if (!Array.isArray(batch.statusEvents)) fail(`${at}.statusEvents`, 'phải là mảng', 'must be an array');
  batch.statusEvents.forEach((entry, i) => {
    checkKey(entry?.key, `${at}.statusEvents[${i}].key`);
    validateEvent(entry.event);
  });
  checkRelations(batch.relations, at, REGISTRY_SOURCE, [`phải là "${REGISTRY_SOURCE}"`, `must be "${REGISTRY_SOURCE}"`]);
  checkIssuers(batch.issuers, batch.successions, at);
}

const EVENT_KINDS: readonly StatusEvent['kind'][] = STATUS_EVENT_KINDS;

export function validateEvent(event: StatusEvent): void {
  const bad = (field: string, vi: string, en: string): never => {
    throw new GraphInputError(`Sự kiện hiệu lực không hợp lệ: ${field} ${vi}.`, `Invalid status event: ${field} ${en}.`, field);
  };
  if (!event || typeof event !== 'object') bad('event', 'phải là một đối tượng', 'must be an object');
  if (!EVENT_KINDS.includes(event.kind)) bad('kind', `phải là một trong ${EVENT_KINDS.join(', ')}`, `must be one of ${EVENT_KINDS.join(', ')}`);
  if (typeof event.date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(event.date)) bad('date', 'phải có dạng YYYY-MM-DD', 'must be YYYY-MM-DD');
  if (event.confidence !== 'stated' && event.confidence !== 'inferred') bad('confidence', 'phải là stated hoặc inferred', 'must be stated or inferred');
  if (typeof event.source !== 'string' || event.source.trim() === '') bad('source', 'phải ghi nguồn', 'must name the source');
  if (event.by !== null && event.by !== undefined && typeof event.by !== 'string') bad('by', 'phải là khóa hoặc null', 'must be a key or null');
}
