// The finding a store write reports when two citations of one instrument disagree
// (rule `inconsistent-citation-across-documents`, warning): as stored with the document and as
// the one finding shape the CLI, the API and the ingest report emit.
import type { Finding } from '../../citations/model.js';
import type { InstrumentConflict, StoredFinding } from '../store.js';
import type { Lang } from '../../model/schemas.js';

export const INCONSISTENT_CITATION_RULE = 'inconsistent-citation-across-documents';

const FIELD_VI: Record<InstrumentConflict['field'], string> = { date: 'ngày ban hành', issuer: 'cơ quan ban hành', type: 'loại văn bản' };
const FIELD_EN: Record<InstrumentConflict['field'], string> = { date: 'date', issuer: 'issuer', type: 'type' };

export function conflictMessage(conflict: InstrumentConflict, lang: Lang): string {
  const header = conflict.surface === null;
  if (lang === 'en') {
    return header
      ? `This document's own header gives ${FIELD_EN[conflict.field]} "${conflict.kept}", but other documents cite it with "${conflict.incoming}"; the header's value is kept.`
      : `${conflict.key} is cited here with ${FIELD_EN[conflict.field]} "${conflict.incoming}", but the store already has "${conflict.kept}" from an earlier citation; the first value is kept. Check which one is right.`;
  }
  return header
    ? `Phần đầu văn bản này ghi ${FIELD_VI[conflict.field]} "${conflict.kept}", nhưng văn bản khác trích dẫn nó là "${conflict.incoming}"; giữ giá trị của phần đầu văn bản.`
    : `Văn bản ${conflict.key} được trích dẫn ở đây với ${FIELD_VI[conflict.field]} "${conflict.incoming}", nhưng kho đã ghi "${conflict.kept}" theo trích dẫn trước; giữ giá trị đầu tiên. Hãy kiểm tra lại giá trị đúng.`;
}

export function conflictToStoredFinding(conflict: InstrumentConflict): StoredFinding {
  return {
    ruleId: INCONSISTENT_CITATION_RULE,
    severity: 'warning',
    message: conflictMessage(conflict, 'vi'),
    line: conflict.line ?? 1,
    column: conflict.column ?? 1,
    evidence: conflict.surface ?? '',
    expected: conflict.kept,
  };
}

export function conflictToFinding(conflict: InstrumentConflict, lang: Lang = 'vi'): Finding {
  const length = conflict.length ?? 0;
  const line = conflict.line ?? 1;
  const column = conflict.column ?? 1;
  const lines = (conflict.surface ?? '').split('\n');
  const endLine = line + lines.length - 1;
  const endColumn = lines.length > 1 ? lines[lines.length - 1]!.length + 1 : column + length;
  return {
    ruleId: INCONSISTENT_CITATION_RULE,
    severity: 'warning',
    message: conflictMessage(conflict, lang),
    file: conflict.file ?? conflict.document,
    line,
    column,
    endLine,
    endColumn,
    offset: conflict.offset ?? 0,
    length,
    evidence: conflict.surface ?? '',
    expected: conflict.kept,
    cause: `${conflict.field}: "${conflict.kept}" ≠ "${conflict.incoming}" (${conflict.key})`,
  };
}

/** What the store keeps of a finding (a rule's Finding or one read back from a store). */
export function toStoredFinding(finding: StoredFinding | Finding): StoredFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    line: finding.line,
    column: finding.column,
    evidence: finding.evidence,
    expected: finding.expected ?? null,
  };
}
