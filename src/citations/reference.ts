// A reference as people type it into a search box or a URL: "Chỉ thị 05-CT/TW", "NĐ 30/2020",
// "Nghị định số 30/2020/NĐ-CP", "04/2015/NĐ-CP", or a canonical key "vn:tw:nd-cp:2020:30".
import { clean } from './clean.js';
import { extractCitations } from './extract.js';
import { parseSymbol } from './identifier.js';
import { buildKey, isKey, printKey } from './keys.js';
import { jurisdictionFor } from './resolve.js';
import { typeByName } from './vocabulary/types.js';

export interface Reference {
  type: string | null;
  /** As typed (trimmed). */
  number: string | null;
  /** Canonical number when the symbol is complete, else null. */
  canonicalNumber: string | null;
  seq: string | null;
  year: number | null;
  issuerCode: string | null;
  /** Canonical key when it can be built from the reference alone (central issuers, or a key given). */
  key: string | null;
}

const ABBREVIATIONS: Record<string, string> = {
  'NĐ': 'Nghị định',
  'ND': 'Nghị định',
  'TT': 'Thông tư',
  'TTLT': 'Thông tư liên tịch',
  'QĐ': 'Quyết định',
  'QD': 'Quyết định',
  'CT': 'Chỉ thị',
  'NQ': 'Nghị quyết',
  'KH': 'Kế hoạch',
  'KL': 'Kết luận',
  'CV': 'Công văn',
  'ĐA': 'Đề án',
  'HD': 'Hướng dẫn',
  'QC': 'Quy chế',
  'TB': 'Thông báo',
  'L': 'Luật',
};

export function parseReference(input: string): Reference | null {
  const raw = input.trim();
  if (!raw || raw.length > 300) return null;
  if (isKey(raw)) {
    const p = printKey(raw);
    return { type: p?.typeName ?? null, number: p?.number ?? null, canonicalNumber: p?.number ?? null, seq: null, year: p?.year ?? null, issuerCode: null, key: raw };
  }
  let text = clean(raw.normalize('NFC')).text.replace(/\s+/g, ' ');
  const abbr = /^([A-ZĐ]{1,4})\.?\s+(?=\d)/u.exec(text);
  if (abbr && ABBREVIATIONS[abbr[1]!]) text = `${ABBREVIATIONS[abbr[1]!]} ${text.slice(abbr[0].length)}`;
  const cits = extractCitations(text);
  const c = cits[0];
  if (c?.symbol) return fromSymbol(c.type.name, c.symbol, text.slice(c.symbol.start, c.symbol.end));
  // A bare symbol: "04/2015/NĐ-CP", "05-CT/TW".
  const digit = /\d/.exec(text);
  if (!digit || digit.index > 0) return c ? { type: c.type.name, number: null, canonicalNumber: null, seq: null, year: null, issuerCode: null, key: null } : null;
  const sym = parseSymbol(text, 0);
  if (!sym) return null;
  return fromSymbol(null, sym, text.slice(sym.start, sym.end));
}

function fromSymbol(typeName: string | null, sym: NonNullable<ReturnType<typeof parseSymbol>>, written: string): Reference {
  const complete = sym.shape !== 'number-only' && sym.shape !== 'irregular';
  const year = sym.year ?? (sym.shape === 'irregular' ? yearOf(sym) : null);
  let key: string | null = null;
  const type = typeName ?? guessType(sym);
  if (complete && year) {
    const j = jurisdictionFor(sym.issuerCodes, null, { province: null, district: null, source: 'none' });
    if (j === 'tw') {
      key = buildKey({ jurisdiction: j, typeCode: sym.typeCode, typeName: type ?? '', issuerCodes: sym.issuerCodes, year, seq: sym.seq, legal: sym.shape === 'legal' });
    }
  }
  return {
    type,
    number: written.trim(),
    canonicalNumber: complete ? sym.canonical : null,
    seq: sym.seq,
    year,
    issuerCode: sym.issuerCodes.length ? sym.issuerCodes.join('-') : null,
    key,
  };
}

function yearOf(sym: NonNullable<ReturnType<typeof parseSymbol>>): number | null {
  const y = sym.segments.find((s, i) => i > 0 && s.kind === 'digits' && s.text.length === 4);
  return y ? Number(y.text) : null;
}

function guessType(sym: NonNullable<ReturnType<typeof parseSymbol>>): string | null {
  if (sym.shape === 'qh') return null;
  const code = sym.typeCode;
  if (!code) return sym.shape === 'admin' ? 'Công văn' : null;
  const name = ABBREVIATIONS[code];
  return name && typeByName(name) ? name : null;
}
