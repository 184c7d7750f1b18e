// Canonical keys (DESIGN.md § Identity): jurisdiction + symbol (type code and issuer codes) +
// year + running number, e.g. `vn:tw:nd-cp:2015:04`, `vn:tw:ct-tw:2016:05`,
// `vn:hoa-binh:ct-ubnd:2022:06`, `vn:hoa-binh.lac-thuy:kh-ubnd:2023:144`. Named instruments:
// `vn:tw:luat:tiep-cong-dan`. Keys are deterministic, URL-safe, and print back to Vietnamese.
import { slugify } from './vocabulary/places.js';
import { DOCUMENT_TYPES, typeByName } from './vocabulary/types.js';
import { ISSUER_CODES } from './vocabulary/issuers.js';

export interface KeyParts {
  jurisdiction: string;
  /** Type code (may be null for công văn / QH laws), canonical. */
  typeCode: string | null;
  /** Type name, used when the symbol carries no type code ("Luật", "Công văn"). */
  typeName: string;
  issuerCodes: string[];
  year: number;
  seq: string;
  /** Legal-normative shape (year inside the symbol). */
  legal?: boolean;
  /** The issuing unit's name, for codes no registry knows (a school's "THCS"): two schools of one
   * district share such a code, so the unit's name keeps their documents apart. */
  unit?: string | null;
}

/** Running numbers compare without their leading zeros beyond two digits: "4" and "04" are one number. */
export function normalizeSeq(seq: string): string {
  const n = seq.replace(/^0+(?=\d)/, '');
  return n.length === 1 ? `0${n}` : n;
}

const TYPE_SLUG_WITHOUT_CODE: Record<string, string> = {
  'Luật': 'luat',
  'Bộ luật': 'bo-luat',
  'Pháp lệnh': 'pl',
  'Nghị quyết': 'nq',
  'Hiến pháp': 'hp',
  'Công văn': 'cv',
  'Văn bản': 'cv',
};

export function codeSlug(code: string): string {
  return slugify(code.replace(/&/g, ''));
}

export function buildKey(p: KeyParts): string {
  const typePart = p.typeCode ? codeSlug(p.typeCode) : TYPE_SLUG_WITHOUT_CODE[p.typeName] ?? slugify(p.typeName);
  let symbol = [typePart, ...p.issuerCodes.map(codeSlug)].filter(Boolean).join('-');
  // QĐ, NQ and CT exist both as normative ("45/2019/QĐ-UBND") and administrative ("2752/QĐ-UBND")
  // documents with separate number series: the normative one is marked.
  if (p.legal && p.typeCode && ['QĐ', 'NQ', 'CT'].includes(p.typeCode)) symbol = `qp.${symbol}`;
  if (p.unit) symbol = `${symbol}~${slugify(p.unit)}`;
  return `vn:${p.jurisdiction}:${symbol}:${p.year}:${normalizeSeq(p.seq)}`;
}

export function buildNamedKey(jurisdiction: string, typeName: string, name: string): string {
  const type = TYPE_SLUG_WITHOUT_CODE[typeName] ?? slugify(typeName);
  return `vn:${jurisdiction}:${type}:${slugify(name)}`;
}

/** A key with an unknown year (the running number without its year): matched later when the year is known. */
export function buildCandidateKey(p: Omit<KeyParts, 'year'>): string {
  return buildKey({ ...p, year: 0 }).replace(/:0:/, ':?:');
}

const KEY = /^vn:([a-z0-9.-]+):([a-z0-9.~-]+):(\d{4}|\?):(\d+[a-z]?)$/;
const NAMED_KEY = /^vn:([a-z0-9.-]+):([a-z0-9-]+):([a-z0-9-]+)$/;

export function isKey(s: string): boolean {
  return KEY.test(s) || NAMED_KEY.test(s) || s.startsWith('doc:');
}

// Reverse tables: slug → code with its diacritics and case.
const CODE_BY_SLUG = new Map<string, string>();
for (const t of DOCUMENT_TYPES) {
  for (const code of [t.adminCode, t.legalCode, ...t.partyCodes, ...t.otherCodes]) if (code) CODE_BY_SLUG.set(codeSlug(code), code);
}
for (const i of ISSUER_CODES) CODE_BY_SLUG.set(codeSlug(i.code), i.code);
CODE_BY_SLUG.set('qd', 'QĐ');
CODE_BY_SLUG.set('nd', 'NĐ');

const TYPE_BY_SLUG: Record<string, string> = Object.fromEntries(Object.entries(TYPE_SLUG_WITHOUT_CODE).map(([k, v]) => [v, k]));

export interface PrintedKey {
  jurisdiction: string;
  /** The symbol as it should be written, e.g. "04/2015/NĐ-CP" or "05-CT/TW". */
  number: string | null;
  /** Type name when the key says it ("Luật" for a named law). */
  typeName: string | null;
  year: number | null;
  /** Vietnamese, e.g. "04/2015/NĐ-CP (Trung ương)". */
  text: string;
}

function restore(slug: string): string {
  return CODE_BY_SLUG.get(slug) ?? (/^qh\d{2}$/.test(slug) || /^ubtvqh\d{2}$/.test(slug) ? slug.toUpperCase() : slug.toUpperCase());
}

function jurisdictionText(j: string): string {
  if (j === 'tw') return 'Trung ương';
  return j
    .split('.')
    .map((s) => s.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' '))
    .join(', ');
}

/** Prints a key back in the Vietnamese form of its symbol (diacritics restored for registered codes). */
export function printKey(key: string): PrintedKey | null {
  const m = KEY.exec(key);
  if (m) {
    const [, j, symbolText, yearText, seq] = m;
    const normative = symbolText!.startsWith('qp.');
    const symbol = (normative ? symbolText!.slice(3) : symbolText!).replace(/~.*$/, '');
    const parts = symbol.split('-');
    const year = yearText === '?' ? 0 : Number(yearText);
    const seqText = seq!;
    let number: string;
    let typeName: string | null = null;
    const party = parts.length >= 2 && /^(tw|tu|hu|qu|du|duk|bcsd|dd|dh|vptw|btgtw|bdv\w*|ubkttu)$/.test(parts[parts.length - 1]!) && parts[0] !== 'cv';
    if (parts[0] && TYPE_BY_SLUG[parts[0]] && parts.length >= 2 && /^(qh|ubtvqh)\d{2}$/.test(parts[1]!)) {
      typeName = TYPE_BY_SLUG[parts[0]]!;
      number = `${seqText}/${year}/${parts[1]!.toUpperCase()}`;
    } else if (party) {
      number = `${seqText}-${restore(parts[0]!)}/${parts.slice(1).map(restore).join('-')}`;
    } else if (parts[0] === 'cv') {
      number = `${seqText}/${parts.slice(1).map(restore).join('-')}`;
      typeName = 'Công văn';
    } else if (normative || ['nd', 'tt', 'ttlt', 'nqlt'].includes(parts[0]!)) {
      number = `${seqText}/${year}/${parts.map(restore).join('-')}`;
    } else {
      number = `${seqText}/${parts.map(restore).join('-')}`;
    }
    return { jurisdiction: j!, number, typeName, year: year || null, text: `${number} (${jurisdictionText(j!)})` };
  }
  const n = NAMED_KEY.exec(key);
  if (n) {
    const [, j, type, name] = n;
    const typeName = TYPE_BY_SLUG[type!] ?? typeByName(type!)?.name ?? type!;
    const text = `${typeName} ${name!.replace(/-/g, ' ')}`;
    return { jurisdiction: j!, number: null, typeName, year: null, text: `${text} (${jurisdictionText(j!)})` };
  }
  return null;
}
