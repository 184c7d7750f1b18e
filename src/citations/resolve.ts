// Resolution: which issuer a citation names, where it sits (jurisdiction), its canonical number
// once the issuer is known, its canonical key, whether it repeats an earlier citation of the same
// instrument, and the keys of the instruments its description relates it to.
import type { DocumentPlace, Family } from './model.js';
import type { RawCitation } from './extract.js';
import { buildCanonical, expectedTypeCode, type ParsedSymbol } from './identifier.js';
import { buildKey, buildNamedKey, normalizeSeq } from './keys.js';
import { issuerByCode, issuerByName, type IssuerLevel } from './vocabulary/issuers.js';
import { resolvePlace } from './header.js';
import { slugify } from './vocabulary/places.js';

export interface Resolved {
  canonicalNumber: string | null;
  family: Family;
  typeCode: string | null;
  issuerCode: string | null;
  year: number | null;
  key: string | null;
  jurisdiction: string | null;
  repeat: boolean;
}

const CENTRAL = new Set(['trung-uong']);
const PROVINCIAL_CODES = new Set(['TU', 'SGDĐT', 'BDVTU', 'UBKTTU', 'ĐUK', 'SYT', 'STNMT']);
const DISTRICT_CODES = new Set(['HU', 'QU', 'PGDĐT', 'GDĐT', 'BDVHU']);

function levelOfCode(code: string): IssuerLevel | 'unknown' {
  if (PROVINCIAL_CODES.has(code)) return 'tinh';
  if (DISTRICT_CODES.has(code)) return 'huyen';
  if (/^(QH|UBTVQH)\d{2}$/.test(code)) return 'trung-uong';
  const i = issuerByCode(code);
  if (i) return i.level;
  if (/^S[\p{Lu}]/u.test(code) && code.length <= 6) return 'tinh';
  if (/^P[\p{Lu}]/u.test(code) && code.length <= 6) return 'huyen';
  return 'unknown';
}

const ISSUER_PLACE = /(tỉnh|huyện|quận|thị xã|thành phố|Thành phố|TP\.?)\s+((?:\p{Lu}[\p{Ll}]*|\d+)(?:\s+\p{Lu}[\p{Ll}]*){0,3})/u;

/** Place named inside an issuer phrase ("UBND tỉnh Hòa Bình", "Ủy ban nhân dân Thành phố"). */
function placeInIssuer(issuer: string): { level: 'tinh' | 'huyen' | null; province: string | null; district: string | null } {
  const m = ISSUER_PLACE.exec(issuer);
  if (m) {
    const word = m[1]!;
    // Try the longest prefix of the name that is a known place.
    const words = m[2]!.split(/\s+/);
    for (let n = words.length; n >= 1; n--) {
      const name = words.slice(0, n).join(' ');
      const p = resolvePlace(name);
      if (word === 'tỉnh' && p.province && !p.district) return { level: 'tinh', province: p.province, district: null };
      if ((word === 'Thành phố' || word.startsWith('TP')) && p.province && !p.district) return { level: 'tinh', province: p.province, district: null };
      if (p.district) return { level: 'huyen', province: p.province, district: p.district };
      if (p.province) return { level: 'tinh', province: p.province, district: null };
    }
    const level = word === 'tỉnh' || word === 'Thành phố' ? 'tinh' : 'huyen';
    return { level, province: null, district: level === 'huyen' ? slugify(words.slice(0, 2).join(' ')) : null };
  }
  // "Ủy ban nhân dân Thành phố" (capitalised: the centrally-run city), "UBND tỉnh", "UBND huyện".
  if (/(?:^|\s)(?:tỉnh|Thành phố)\s*$/u.test(issuer) || /(?:^|\s)(?:tỉnh|Tỉnh ủy|Thành ủy)(?:\s|$)/u.test(issuer)) return { level: 'tinh', province: null, district: null };
  if (/(?:^|\s)(?:huyện|quận|thị xã|Huyện ủy|Quận ủy)(?:\s|$)/u.test(issuer)) return { level: 'huyen', province: null, district: null };
  return { level: null, province: null, district: null };
}

export function jurisdictionFor(
  codes: string[],
  issuerText: string | null,
  place: DocumentPlace,
  named?: { typeName: string; name: string },
  /** Level to assume for a body of any level (UBND, HĐND) that its words do not place. */
  anyLevel: 'tinh' | 'huyen' = 'tinh',
): string | null {
  if (named) {
    if (['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp'].includes(named.typeName)) return 'tw';
    if (/toàn quốc|Trung ương/iu.test(named.name)) return 'tw';
    const p = placeInIssuer(named.name);
    if (p.province) return p.district ? `${p.province}.${p.district}` : p.province;
    return place.province;
  }
  const primary = codes[0];
  const levels = codes.map(levelOfCode);
  let level: IssuerLevel | 'unknown' = primary ? levels[0]! : 'unknown';
  if (levels.some((l) => CENTRAL.has(l))) level = 'trung-uong';
  if (level === 'trung-uong') return 'tw';
  // A joint document takes the most local level among its issuers ("CTPH/BDVHU-PGDĐT" → district).
  if (levels.includes('huyen')) level = 'huyen';
  const fromText = issuerText ? placeInIssuer(issuerText) : { level: null, province: null, district: null };
  const byName = issuerText ? issuerByName(issuerText) : undefined;
  if (level === 'any' || level === 'unknown' || level === 'unit') {
    level = fromText.level ?? (byName && (byName.level === 'tinh' || byName.level === 'huyen') ? byName.level : null) ?? (level === 'unit' || level === 'unknown' ? (place.district ? 'huyen' : 'tinh') : anyLevel);
  }
  const province = fromText.province ?? place.province;
  if (!province) return null;
  if (level === 'huyen' || level === 'xa') {
    const district = fromText.district ?? (fromText.province && fromText.province !== place.province ? null : place.district);
    return district ? `${province}.${district}` : `${province}.?`;
  }
  return province;
}

/** Adjusts the symbol once the type word and the issuer are known, and rebuilds the canonical form. */
export function canonicalize(symbol: ParsedSymbol, typeName: string, issuerText: string | null): ParsedSymbol {
  let typeCode = symbol.typeCode;
  const issuerCodes = [...symbol.issuerCodes];
  // A Nghị định or Thông tư has exactly one code: "Nghị định số 04/2015/NQ-CP" is 04/2015/NĐ-CP.
  if (symbol.shape === 'legal' && ['Nghị định', 'Thông tư', 'Thông tư liên tịch'].includes(typeName)) {
    const expected = expectedTypeCode(typeName, 'legal');
    if (expected && typeCode && typeCode !== expected) typeCode = expected;
  }
  // "GD&ĐT" serves both the Sở and the Phòng; the issuer's name decides.
  const i = issuerCodes.indexOf('GDĐT');
  if (i >= 0 && issuerText && /^Sở(?![\p{L}])/u.test(issuerText.trim())) issuerCodes[i] = 'SGDĐT';
  if (typeCode === symbol.typeCode && issuerCodes.every((c, k) => c === symbol.issuerCodes[k])) return symbol;
  // A copy (never mutate what the parser returned), built field by field: spreads are slow here.
  const next: ParsedSymbol = Object.assign(Object.create(null), symbol);
  next.typeCode = typeCode;
  next.issuerCodes = issuerCodes;
  next.canonical = buildCanonical(next);
  return next;
}

export function resolveCitations(raws: RawCitation[], place: DocumentPlace, docYear: number | null): Resolved[] {
  const out: Resolved[] = [];
  const firstByNumber = new Map<string, number>();
  const yearByNumber = new Map<string, number>();
  // Years known anywhere in the document for a number (a back-reference without its date).
  for (const r of raws) {
    if (!r.symbol) continue;
    const y = r.symbol.year ?? r.date?.year ?? null;
    if (y) {
      const n = canonicalize(r.symbol, r.type.name, r.issuer?.text ?? null).canonical;
      if (!yearByNumber.has(n)) yearByNumber.set(n, y);
    }
  }
  for (const r of raws) {
    if (!r.symbol) {
      const jurisdiction = jurisdictionFor([], null, place, { typeName: r.type.name, name: r.name ?? '' });
      const key = jurisdiction ? buildNamedKey(jurisdiction, r.type.name, namedKeyName(r.type.name, r.name ?? '')) : null;
      const id = key ?? `named:${r.name}`;
      const repeat = firstByNumber.has(id);
      if (!repeat) firstByNumber.set(id, out.length);
      out.push({ canonicalNumber: null, family: 'named', typeCode: null, issuerCode: null, year: null, key, jurisdiction, repeat });
      continue;
    }
    const sym = canonicalize(r.symbol, r.type.name, r.issuer?.text ?? null);
    r.symbol = sym;
    const canonicalNumber = sym.canonical;
    const year = sym.year ?? r.date?.year ?? yearByNumber.get(canonicalNumber) ?? null;
    const codes = sym.issuerCodes;
    const jurisdiction = sym.shape === 'number-only' ? null : jurisdictionFor(codes, r.issuer?.text ?? null, place);
    let key: string | null = null;
    if (jurisdiction && year && sym.shape !== 'number-only' && sym.shape !== 'irregular' && !jurisdiction.endsWith('.?')) {
      key = buildKey({
        jurisdiction,
        typeCode: sym.typeCode,
        typeName: r.type.name,
        issuerCodes: codes,
        year,
        seq: sym.seq,
        legal: sym.shape === 'legal',
        unit: unitName(codes, r.issuer?.text ?? null),
      });
    }
    const id = key ?? `${canonicalNumber}|${normalizeSeq(sym.seq)}`;
    const repeat = firstByNumber.has(id) || firstByNumber.has(canonicalNumber);
    if (!repeat) {
      firstByNumber.set(id, out.length);
      firstByNumber.set(canonicalNumber, out.length);
    }
    out.push({
      canonicalNumber,
      family: sym.family,
      typeCode: sym.typeCode,
      issuerCode: codes.length ? codes.join('-') : null,
      year,
      key,
      jurisdiction,
      repeat,
    });
  }
  void docYear;
  return out;
}

/** The unit's name when no issuer code of the symbol is known to the vocabulary (schools, units). */
export function unitName(codes: string[], issuerText: string | null): string | null {
  if (!issuerText || !codes.length || codes.some((c) => levelOfCode(c) !== 'unknown')) return null;
  return issuerText.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** One key for the many ways a Party resolution is named ("Đại hội Đảng toàn quốc lần thứ XIII" = "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng"). */
function namedKeyName(typeName: string, name: string): string {
  if (typeName === 'Nghị quyết') {
    const dh = /Đại hội.*?lần thứ ([IVXLC]+)/u.exec(name);
    if (dh) {
      const where = /(tỉnh|huyện|thành phố|quận)\s+((?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){0,3})/u.exec(name);
      return `dai-hoi-${where ? slugify(where[2]!) + '-' : /toàn quốc/u.test(name) ? 'toan-quoc-' : ''}lan-thu-${dh[1]!.toLowerCase()}`;
    }
    const tw = /Trung ương (\d{1,2}),? (?:khóa|khoá) ([IVXLC]+)/u.exec(name);
    if (tw) return `trung-uong-${tw[1]}-khoa-${tw[2]!.toLowerCase()}`;
  }
  return name.replace(/[“”"]/g, '');
}
