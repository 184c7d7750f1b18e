// Document types (tên loại) and their codes, from spec/citation-format.md §2 (Nghị định
// 30/2020/NĐ-CP Phụ lục III for state administrative codes; Hướng dẫn 36-HD/VPTW for Party codes;
// Luật Ban hành VBQPPL for legal-normative codes). Data, validated by tests/citations/vocabulary.test.ts.

export interface DocumentType {
  /** Normalised, capitalised type word. */
  name: string;
  /** Written forms (lower case) that introduce this type, longest first within a type. */
  words: string[];
  /** Code in a state administrative symbol (family A), null when the type carries none. */
  adminCode: string | null;
  /** Code in a legal-normative symbol (family B), null when none. */
  legalCode: string | null;
  /** Codes used by Party documents (family C). */
  partyCodes: string[];
  /** Other accepted codes (joint programmes "CTPH", legacy codes …). */
  otherCodes: string[];
  /** Always legal-normative after the year-in-symbol cut-off (needs the year segment). */
  alwaysNormative: boolean;
  /** Always administrative: a year segment is wrong (spec §5 admin-has-year-segment). */
  alwaysAdministrative: boolean;
  /** Rank of legal force in a căn cứ block (spec §6.3), lower = higher force; null = not normative. */
  rank: number | null;
}

const t = (
  name: string,
  words: string[],
  adminCode: string | null,
  legalCode: string | null,
  partyCodes: string[] = [],
  otherCodes: string[] = [],
  opts: { normative?: boolean; administrative?: boolean; rank?: number | null } = {},
): DocumentType => ({
  name,
  words,
  adminCode,
  legalCode,
  partyCodes,
  otherCodes,
  alwaysNormative: opts.normative ?? false,
  alwaysAdministrative: opts.administrative ?? false,
  rank: opts.rank ?? null,
});

export const DOCUMENT_TYPES: DocumentType[] = [
  t('Hiến pháp', ['hiến pháp'], null, null, [], [], { normative: true, rank: 1 }),
  t('Bộ luật', ['bộ luật'], null, null, [], [], { normative: true, rank: 2 }),
  t('Luật', ['luật'], null, null, [], [], { normative: true, rank: 2 }),
  // "PL-UBTVQH11": the code Pháp lệnh symbols carried before 2009 (e.g. 24/2004/PL-UBTVQH11).
  t('Pháp lệnh', ['pháp lệnh'], null, 'PL', [], [], { normative: true, rank: 3 }),
  t('Nghị quyết liên tịch', ['nghị quyết liên tịch'], null, 'NQLT', [], [], { normative: true, rank: 3 }),
  t('Nghị quyết', ['nghị quyết'], 'NQ', 'NQ', ['NQ'], [], { rank: null }),
  t('Nghị định', ['nghị định'], null, 'NĐ', [], [], { normative: true, rank: 5 }),
  t('Quyết định', ['quyết định'], 'QĐ', 'QĐ', ['QĐ'], [], { rank: null }),
  t('Chỉ thị', ['chỉ thị'], 'CT', 'CT', ['CT'], []),
  t('Thông tư liên tịch', ['thông tư liên tịch'], null, 'TTLT', [], [], { normative: true, rank: 9 }),
  t('Thông tư', ['thông tư'], null, 'TT', [], [], { normative: true, rank: 8 }),
  t('Thông tri', ['thông tri'], null, null, ['TT'], []),
  t('Kế hoạch', ['kế hoạch liên tịch', 'kế hoạch phối hợp', 'kế hoạch'], 'KH', null, ['KH'], ['KHPH', 'KHLT'], { administrative: true }),
  t('Chương trình', ['chương trình phối hợp', 'chương trình hành động', 'chương trình'], 'CTr', null, ['CTr'], ['CTPH', 'CTHĐ', 'CT'], { administrative: true }),
  t('Đề án', ['đề án'], 'ĐA', null, ['ĐA'], [], { administrative: true }),
  t('Dự án', ['dự án'], 'DA', null, [], [], { administrative: true }),
  t('Kết luận', ['kết luận'], null, null, ['KL'], ['TB'], { administrative: true }),
  t('Quy định', ['quy định'], 'QyĐ', null, ['QĐ', 'QĐi'], []),
  t('Quy chế', ['quy chế phối hợp', 'quy chế'], 'QC', null, ['QC'], ['QCPH', 'QCLT']),
  t('Hướng dẫn', ['hướng dẫn liên tịch', 'hướng dẫn'], 'HD', null, ['HD'], ['HDLT'], { administrative: true }),
  // "cong văn": the circumflex lost to OCR (a scanned letter's text); no other word is spelt so.
  t('Công văn', ['công văn', 'cong văn'], null, null, ['CV'], [], { administrative: true }),
  // A consolidated text ("03/VBHN-BGDĐT"): no new norm of its own and no year in its number
  // (spec §2, the VBHN row; Pháp lệnh Hợp nhất văn bản quy phạm pháp luật 2012).
  t('Văn bản hợp nhất', ['văn bản hợp nhất'], 'VBHN', null, [], []),
  t('Văn bản', ['văn bản'], null, null, ['CV'], [], { administrative: true }),
  t('Thông báo', ['thông báo kết luận', 'thông báo'], 'TB', null, ['TB'], [], { administrative: true }),
  t('Thông cáo', ['thông cáo'], 'TC', null, ['TC'], [], { administrative: true }),
  t('Tờ trình', ['tờ trình'], 'TTr', null, ['TTr'], [], { administrative: true }),
  t('Báo cáo', ['báo cáo'], 'BC', null, ['BC'], [], { administrative: true }),
  t('Phương án', ['phương án'], 'PA', null, ['PA'], [], { administrative: true }),
  t('Biên bản', ['biên bản'], 'BB', null, ['BB'], [], { administrative: true }),
  t('Công điện', ['công điện'], 'CĐ', null, [], [], { administrative: true }),
  t('Giấy mời', ['giấy mời'], 'GM', null, [], [], { administrative: true }),
  t('Lệnh', ['lệnh'], null, 'L', [], [], { normative: true, rank: 4 }),
];

/** Every admin type code of Phụ lục III (NĐ 30/2020), incl. copies, for type-code-unknown. */
export const ADMIN_TYPE_CODES = new Set([
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr',
  'HĐ', 'CĐ', 'BGN', 'BTT', 'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'SY', 'TrS', 'SL',
  // joint and cooperation documents seen in practice (programme, plan, regulation "phối hợp")
  'CTPH', 'KHPH', 'QCPH', 'KHLT', 'HDLT', 'QCLT', 'CTHĐ',
]);

/** Legal-normative type codes (spec §1.2 lp-type). */
export const LEGAL_TYPE_CODES = new Set(['NĐ', 'NQ', 'QĐ', 'TT', 'TTLT', 'NQLT', 'CT', 'L', 'PL']);

/** Party type codes (spec §1.3 party-type). */
export const PARTY_TYPE_CODES = new Set([
  'NQ', 'QĐ', 'QĐi', 'CT', 'KL', 'QC', 'HD', 'TT', 'TB', 'TC', 'BC', 'KH', 'CTr', 'ĐA', 'TTr', 'BB', 'CV', 'BS',
  'CTPH', 'KHPH', 'QCPH', 'PA',
  // A provincial committee's Chương trình hành động numbered "147-CTHĐ/TU": seen in practice (the
  // corpus's Quảng Trị plan e03 cites one), as in the admin list above.
  'CTHĐ',
]);

/** Registered mixed-case codes (spec §5 code-case-mismatch). */
export const MIXED_CASE_CODES = ['CTr', 'TTr', 'QyĐ', 'TTg', 'TrS', 'QĐi'];

const byWord = new Map<string, DocumentType>();
for (const type of DOCUMENT_TYPES) for (const w of type.words) byWord.set(w, type);

export function typeByWord(word: string): DocumentType | undefined {
  const lower = word.toLowerCase();
  const hit = byWord.get(lower);
  if (hit || (lower.indexOf('  ') < 0 && lower.indexOf('\t') < 0 && lower.indexOf('\n') < 0)) return hit;
  return byWord.get(lower.replace(/\s+/g, ' '));
}

const byName = new Map(DOCUMENT_TYPES.map((d) => [d.name, d] as const));
export function typeByName(name: string): DocumentType | undefined {
  return byName.get(name);
}

/** First syllables of all type words (lower case): a quick test before a phrase lookup. */
export const FIRST_SYLLABLES = new Set([...byWord.keys()].map((w) => w.split(' ')[0]!));

/** All type words, longest first (used to build the anchor pattern). */
export const TYPE_WORDS: string[] = [...byWord.keys()].sort((a, b) => b.length - a.length);

/** The type word each code stands for in each family (to print keys back and check type words). */
export function typesForCode(code: string, family: 'admin' | 'legal' | 'party'): DocumentType[] {
  return DOCUMENT_TYPES.filter((d) =>
    family === 'admin'
      ? d.adminCode === code || d.otherCodes.includes(code)
      : family === 'legal'
        ? d.legalCode === code
        : d.partyCodes.includes(code) || d.otherCodes.includes(code),
  );
}
