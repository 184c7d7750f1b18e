// What the status facts of one instrument mean on a given date, and how to name instruments in
// messages. Shared by the knowledge rules (outdated-citation, amended-citation, expired-period …).
import { typesForCode } from '../citations/vocabulary/types.js';
import type { InstrumentFacts, KnowledgeResolver, StatusFact } from '../model/knowledge.js';
import { dateEn, dateVi, familyOfNumber, legalParts, numberKey } from './normalize.js';

const ENDING = new Set<StatusFact['kind']>(['replaced_by', 'repealed_by', 'expired']);

/** The event that ended the instrument as a whole on or before `asOf` (the earliest), or null. */
export function endingEvent(facts: InstrumentFacts, asOf: string): StatusFact | null {
  for (const e of facts.events) {
    if (e.date <= asOf && ENDING.has(e.kind) && !e.partial) return e;
  }
  return null;
}

/** Amendments and partial replacements/repeals that took effect on or before `asOf`. */
export function changesBefore(facts: InstrumentFacts, asOf: string): StatusFact[] {
  return facts.events.filter((e) => e.date <= asOf && e.by !== null && (e.kind === 'amended_by' || e.partial === true || e.kind === 'partly_expired'));
}

export interface ChainStep {
  /** The instrument that ended … */
  number: string;
  type: string | null;
  /** … and how. */
  fact: StatusFact;
}

/**
 * From an ended instrument, follows "replaced by" to the instrument in force on `asOf`:
 * 43/2006/NĐ-CP → 16/2015/NĐ-CP → 60/2021/NĐ-CP. Stops where the registry knows nothing more
 * (the last instrument's status is then unknown, not "in force").
 */
export function followChain(resolver: KnowledgeResolver, facts: InstrumentFacts, ended: StatusFact, asOf: string): ChainStep[] {
  const steps: ChainStep[] = [{ number: facts.number, type: facts.type, fact: ended }];
  const seen = new Set([numberKey(facts.number)]);
  let next = ended.by;
  while (next && resolver.statusOfNumber && steps.length < 10 && !seen.has(numberKey(next))) {
    seen.add(numberKey(next));
    const f = resolver.statusOfNumber(next);
    if (!f) break;
    const e = endingEvent(f, asOf);
    if (!e) break;
    steps.push({ number: f.number, type: f.type, fact: e });
    next = e.by;
  }
  return steps;
}

/** The type word for a number the registry may not know ("09/2024/TT-BGDĐT" → "Thông tư"). */
export function typeOfNumber(number: string, known?: string | null): string | null {
  if (known) return known;
  const key = numberKey(number);
  const family = familyOfNumber(number);
  let code: string | null = null;
  if (family === 'legal') code = legalParts(key)?.typeCode ?? null;
  else if (family === 'party') code = /^\d+-([^/]+)\//.exec(key)?.[1] ?? null;
  else code = /^\d+\/([^-]+)-/.exec(key)?.[1] ?? null;
  if (!code) return null;
  const fam = family === 'legal' ? 'legal' : family === 'party' ? 'party' : 'admin';
  const types = typesForCode(code === 'QĐI' ? 'QĐi' : code === 'CTR' ? 'CTr' : code, fam);
  return types.length === 1 ? types[0]!.name : null;
}

/** "Thông tư số 09/2024/TT-BGDĐT", or "văn bản số …" when the type is unknown. */
export function citeVi(number: string, type?: string | null): string {
  const t = typeOfNumber(number, type);
  return `${t ?? 'văn bản'} số ${number}`;
}

const TYPE_EN: Record<string, string> = {
  'Luật': 'Law',
  'Bộ luật': 'Code',
  'Pháp lệnh': 'Ordinance',
  'Nghị định': 'Decree',
  'Nghị quyết': 'Resolution',
  'Thông tư': 'Circular',
  'Thông tư liên tịch': 'Joint Circular',
  'Quyết định': 'Decision',
  'Chỉ thị': 'Directive',
  'Kết luận': 'Conclusion',
  'Quy định': 'Regulation',
  'Quy chế': 'Rules',
  'Kế hoạch': 'Plan',
  'Chương trình': 'Programme',
  'Đề án': 'Scheme',
  'Công văn': 'Official letter',
  'Hướng dẫn': 'Guidance',
};

export function citeEn(number: string, type?: string | null): string {
  const t = typeOfNumber(number, type);
  return `${(t && TYPE_EN[t]) ?? 'instrument'} ${number}`;
}

export const INFERRED_VI = ' (dữ kiện suy luận)';
export const INFERRED_EN = ' (inferred fact)';

/** How an event reads in a sentence: "đã được thay thế bởi X (có hiệu lực từ 19/7/2024)", marked when inferred. */
export function eventVi(e: StatusFact): string {
  return eventTextVi(e) + (e.confidence === 'inferred' ? INFERRED_VI : '');
}

export function eventEn(e: StatusFact): string {
  return eventTextEn(e) + (e.confidence === 'inferred' ? INFERRED_EN : '');
}

/** The amendment as it is written after the amended instrument: "được sửa đổi, bổ sung bởi X". */
export function amendedByVi(e: StatusFact): string {
  const by = citeVi(e.by!, e.byType);
  if (e.kind === 'amended_by') return `được sửa đổi, bổ sung bởi ${by}`;
  if (e.kind === 'replaced_by') return `được thay thế một phần bởi ${by}`;
  if (e.kind === 'repealed_by') return `bị bãi bỏ một phần bởi ${by}`;
  return `hết hiệu lực một phần theo ${by}`;
}

function eventTextVi(e: StatusFact): string {
  const by = e.by ? citeVi(e.by, e.byType) : null;
  const when = `từ ${dateVi(e.date)}`;
  const part = e.partial ? ' một phần' : '';
  switch (e.kind) {
    case 'replaced_by':
      return `đã được thay thế${part} bởi ${by ?? 'văn bản khác'} (có hiệu lực ${when})`;
    case 'repealed_by':
      return `đã bị bãi bỏ${part} bởi ${by ?? 'văn bản khác'} (${when})`;
    case 'amended_by':
      return `đã được sửa đổi, bổ sung bởi ${by ?? 'văn bản khác'} (có hiệu lực ${when})`;
    case 'expired':
    case 'partly_expired':
      return `đã hết hiệu lực${e.kind === 'partly_expired' ? ' một phần' : ''} ${when}${by ? ` (theo ${by})` : ''}`;
  }
}

function eventTextEn(e: StatusFact): string {
  const by = e.by ? citeEn(e.by, e.byType) : null;
  const when = dateEn(e.date);
  const part = e.partial ? ' in part' : '';
  switch (e.kind) {
    case 'replaced_by':
      return `was replaced${part} by ${by ?? 'another instrument'} (in force ${when})`;
    case 'repealed_by':
      return `was repealed${part} by ${by ?? 'another instrument'} (from ${when})`;
    case 'amended_by':
      return `was amended by ${by ?? 'another instrument'} (in force ${when})`;
    case 'expired':
    case 'partly_expired':
      return `expired${e.kind === 'partly_expired' ? ' in part' : ''} on ${when}${by ? ` (under ${by})` : ''}`;
  }
}

/** The notes behind a finding, with their sources, for `cause`. */
export function causeOf(events: readonly StatusFact[]): string | null {
  const parts = events.map((e) => [e.note, e.source].filter(Boolean).join(' — ')).filter((s) => s.length > 0);
  return parts.length > 0 ? parts.join(' | ') : null;
}
