// The number/symbol grammar ("số, ký hiệu"), spec/citation-format.md §1. A loose, linear
// tokenizer reads what was written — including malformed forms (spaces inside, a lost hyphen, a
// wrong separator, "&" in a code) — into segments; classification then names the family and
// builds the canonical form. Judging what is wrong is left to the lint rules, which read the
// segments: this module describes, it does not complain.
import type { Family } from './model.js';
import { detach } from './memo.js';
import {
  ADMIN_TYPE_CODES,
  LEGAL_TYPE_CODES,
  MIXED_CASE_CODES,
  PARTY_TYPE_CODES,
  typeByName,
} from './vocabulary/types.js';
import { isKnownCode, isPartyIssuerCode, issuerByCode, issuerByVariant } from './vocabulary/issuers.js';

const DATE_AFTER = /^\d{1,2}[/.\-]\d{1,2}[/.\-]\d{4}(?!\d)/;

export interface SymbolSegment {
  /** Text as written. */
  text: string;
  /** Offsets in the cleaned text. */
  start: number;
  end: number;
  /** Separator before the segment ("/", "-", "_", "." or " " when two codes are run together with a space); null for the number. */
  sep: string | null;
  /** Spaces between the previous segment and the separator. */
  spaceBefore: number;
  /** Spaces between the separator and this segment. */
  spaceAfter: number;
  kind: 'digits' | 'code';
}

export type SymbolShape = 'legal' | 'qh' | 'admin' | 'party' | 'number-only' | 'irregular';

export interface ParsedSymbol {
  start: number;
  end: number;
  raw: string;
  segments: SymbolSegment[];
  shape: SymbolShape;
  family: Family;
  seq: string;
  year: number | null;
  /** Type code as written / canonical; null when the symbol carries none. */
  typeCodeWritten: string | null;
  typeCode: string | null;
  issuerCodesWritten: string[];
  issuerCodes: string[];
  /** Index of the segment holding the type code, or -1. */
  typeSegment: number;
  /** A type code run together with the issuer code ("TTBGDĐT" → TT + BGDĐT). */
  missingHyphen: { segment: number; type: string; issuer: string } | null;
  /** Separators that break the family's shape ("82/2005-QĐ-UBND", "18-2019-TT-BGDĐT"). */
  wrongSeparators: number[];
  canonical: string;
}

/** End of a code starting at `at`: an upper-case letter, then letters, digits and "&". */
function scanCode(text: string, at: number): number {
  if (!isUpperCode(text.charCodeAt(at))) return at;
  let e = at + 1;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (isLetterCode(c) || isDigitCode(c) || c === 38) e++;
    else break;
  }
  return e;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}
function isUpperCode(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (!isLetterCode(c) || c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function isCodeText(code: string, afterSpace: boolean): boolean {
  let lower = 0;
  for (const ch of code) if (ch !== ch.toUpperCase()) lower++;
  if (lower === 0) return true;
  // "153/2006/QĐ - TTg": a registered mixed-case code after a spaced separator is still a code.
  if (afterSpace) return MIXED_CASE_CODES.includes(code);
  return lower <= 1 && code.length >= 2;
}

function stripAmp(code: string): string {
  return code.replace(/&/g, '');
}

const CANONICAL_CACHE = new Map<string, string>();

/** Canonical form of a code: "&" dropped, ASCII "D" restored to "Đ" for known codes, registered case. */
export function canonicalCode(code: string): string {
  let hit = CANONICAL_CACHE.get(code);
  if (hit === undefined) {
    hit = computeCanonicalCode(code);
    if (CANONICAL_CACHE.size > 10_000) CANONICAL_CACHE.clear();
    CANONICAL_CACHE.set(detach(code), detach(hit));
  }
  return hit;
}

function computeCanonicalCode(code: string): string {
  // A space inside a code ("QLN& TTBĐS", "BGD ĐT") is no part of it.
  let c = stripAmp(code).replace(/Ð/g, 'Đ').replace(/ /g, '');
  if (c === 'TƯ' || c === 'T.Ư') return 'TW';
  const term = /^(QH|UBTVQH)(\d{2})$/.exec(c);
  if (term) return c;
  if (issuerByCode(c) || ADMIN_TYPE_CODES.has(c) || LEGAL_TYPE_CODES.has(c) || PARTY_TYPE_CODES.has(c)) return c;
  const mixed = MIXED_CASE_CODES.find((m) => m.toUpperCase() === c.toUpperCase());
  if (mixed) return mixed;
  const variant = issuerByVariant(code) ?? issuerByVariant(c);
  if (variant && asciiFold(variant.code) === asciiFold(c)) return variant.code;
  // A lost diacritic on a known code: "BCSD" → "BCSĐ", "QD" → "QĐ".
  const folded = asciiFold(c);
  const known = KNOWN_BY_FOLD.get(folded);
  if (known && known !== c) return known;
  return c;
}

function asciiFold(s: string): string {
  return s.replace(/Đ/g, 'D').replace(/đ/g, 'd').toUpperCase();
}

const KNOWN_BY_FOLD = new Map<string, string>();
for (const code of [...ADMIN_TYPE_CODES, ...LEGAL_TYPE_CODES, ...PARTY_TYPE_CODES]) {
  if (!KNOWN_BY_FOLD.has(asciiFold(code)) || code.includes('Đ')) KNOWN_BY_FOLD.set(asciiFold(code), code);
}
for (const code of ['BGDĐT', 'BLĐTBXH', 'BKHĐT', 'HĐND', 'SGDĐT', 'PGDĐT', 'BCSĐ', 'ĐU', 'ĐUK', 'ĐĐ', 'ĐH']) {
  KNOWN_BY_FOLD.set(asciiFold(code), code);
}
// "DA" is a real code (Dự án) and "DU"/"DD" are too ambiguous to restore blindly.
KNOWN_BY_FOLD.set('DA', 'DA');
KNOWN_BY_FOLD.delete('DU');
KNOWN_BY_FOLD.delete('DD');

const TYPE_CODES_ANY = new Set([...ADMIN_TYPE_CODES, ...LEGAL_TYPE_CODES, ...PARTY_TYPE_CODES]);

function isTypeCode(code: string): boolean {
  return TYPE_CODES_ANY.has(canonicalCode(code));
}

function isIssuerCode(code: string): boolean {
  const c = canonicalCode(code);
  return isKnownCode(c) || isKnownCode(code) || isPartyIssuerCode(c);
}

/** "TTBGDĐT" → {type: "TT", issuer: "BGDĐT"}; the longest type prefix followed by a known issuer. */
export function splitRunTogether(code: string): { type: string; issuer: string } | null {
  const c = stripAmp(code);
  for (let i = Math.min(4, c.length - 2); i >= 2; i--) {
    const type = c.slice(0, i);
    const issuer = c.slice(i);
    if (isTypeCode(type) && isIssuerCode(issuer) && !isTypeCode(issuer)) {
      // Keep the issuer as written (with its "&") so rules can still see the variant.
      return { type: canonicalCode(type), issuer: restoreAmp(code, i) ?? issuer };
    }
  }
  return null;
}

function restoreAmp(code: string, typeLen: number): string | null {
  // Skip typeLen non-"&" characters and return the remainder as written.
  let n = 0;
  for (let k = 0; k < code.length; k++) {
    if (code[k] !== '&') n++;
    if (n === typeLen) return code.slice(k + 1);
  }
  return null;
}

/** Collapses one doubled letter when that yields a known code ("KHPPH" → "KHPH"). */
export function undoubleTypo(code: string): string | null {
  for (let i = 1; i < code.length; i++) {
    if (code[i] === code[i - 1]) {
      const c = code.slice(0, i) + code.slice(i + 1);
      if (TYPE_CODES_ANY.has(c)) return c;
    }
  }
  return null;
}

/**
 * Reads an identifier starting at `pos` (the first digit). Linear: a bounded number of segments,
 * each matched with a sticky pattern.
 */
export function parseSymbol(text: string, pos: number): ParsedSymbol | null {
  let dEnd = pos;
  while (dEnd < text.length && dEnd - pos < 5 && isDigitCode(text.charCodeAt(dEnd))) dEnd++;
  if (dEnd === pos) return null;
  // A letter suffix right before the separator belongs to the number ("30c/NQ-CP"); any other
  // digit run glued to letters ("2b", "5K") is not a document number.
  const suffix = text.charCodeAt(dEnd);
  if (suffix >= 97 && suffix <= 122 && (text[dEnd + 1] === '/' || text[dEnd + 1] === '-')) dEnd++;
  const m = [text.slice(pos, dEnd)];
  if (isLetterCode(text.charCodeAt(pos + m[0].length))) return null;
  const segments: SymbolSegment[] = [
    { text: m[0], start: pos, end: pos + m[0].length, sep: null, spaceBefore: 0, spaceAfter: 0, kind: 'digits' },
  ];
  let p = pos + m[0].length;
  for (let k = 0; k < 8; k++) {
    let q = p;
    let spaceBefore = 0;
    while (text[q] === ' ' && spaceBefore < 2) {
      q++;
      spaceBefore++;
    }
    const ch = text[q];
    const prev = segments[segments.length - 1]!;
    // "4814/CCTKV.05-TTKT3": a unit's number after a dot is part of its code (a tax office's team).
    if (ch === '.' && spaceBefore === 0 && prev.kind === 'code') {
      const unit = /^\.\d{1,3}(?=[-/])/.exec(text.slice(q, q + 6));
      if (unit) {
        prev.text += unit[0];
        prev.end = q + unit[0].length;
        p = prev.end;
        continue;
      }
    }
    if (ch === '/' || ch === '-' || ch === '_' || (ch === '.' && prev.kind === 'code' && isUpperCode(text.charCodeAt(q + 1)))) {
      let r = q + 1;
      let spaceAfter = 0;
      while (text[r] === ' ' && spaceAfter < 2) {
        r++;
        spaceAfter++;
      }
      const seg = readSegment(text, r, spaceAfter > 0 || spaceBefore > 0);
      if (!seg) break;
      // A date follows a bare number with a hyphen or slash only in prose like "2019-2025": stop on a 4-digit range after digits.
      if (prev.kind === 'digits' && segments.length === 1 && seg.kind === 'digits' && ch === '-' && seg.text.length === 4 && Number(prev.text) > 1900) break;
      // "2983/UBND-VP - 22/09/2020": after a code, a spaced dash before a date ends the symbol.
      if (prev.kind === 'code' && seg.kind === 'digits' && (spaceBefore > 0 || spaceAfter > 0) && DATE_AFTER.test(text.slice(seg.start, seg.start + 11))) break;
      segments.push({ text: seg.text, start: seg.start, end: seg.end, sep: ch, spaceBefore, spaceAfter, kind: seg.kind });
      p = seg.end;
      continue;
    }
    // "84 QĐ/TWĐTN": the hyphen after the number lost to a space, before a type code and a slash.
    if (spaceBefore === 1 && prev.kind === 'digits' && segments.length === 1) {
      const cEnd = scanCode(text, q);
      const code = text.slice(q, cEnd);
      if (cEnd > q && text[cEnd] === '/' && isTypeCode(code) && code === code.toUpperCase()) {
        segments.push({ text: code, start: q, end: cEnd, sep: ' ', spaceBefore: 0, spaceAfter: 0, kind: 'code' });
        p = cEnd;
        continue;
      }
    }
    if (spaceBefore === 1 && prev.kind === 'code') {
      const cEnd = scanCode(text, q);
      const c = cEnd > q ? [text.slice(q, cEnd)] : null;
      // "TT-BGD ĐT": one issuer code split by a space is read as that code.
      if (c && c[0] === c[0].toUpperCase() && !isIssuerCode(prev.text) && isIssuerCode(prev.text + c[0])) {
        const end = q + c[0].length;
        if (!isLetterCode(text.charCodeAt(end)) && !isDigitCode(text.charCodeAt(end))) {
          prev.text += c[0];
          prev.end = end;
          p = end;
          continue;
        }
      }
      // "37-NQ/TW NQ/TW": a code already read, or a type code after the symbol has its type and its
      // issuer, repeats or starts something else — the symbol ends before the space.
      const repeated = c !== null && segments.some((s) => s.kind === 'code' && s.text === c[0]);
      const complete = c !== null && isTypeCode(c[0]) && !isIssuerCode(c[0]) && segments.some((s) => s.kind === 'code' && isTypeCode(s.text)) && segments.some((s) => s.kind === 'code' && isIssuerCode(s.text));
      if (c && !repeated && !complete && c[0].length >= 2 && c[0] === c[0].toUpperCase() && (isIssuerCode(c[0]) || isTypeCode(c[0]))) {
        const end = q + c[0].length;
        if (!isLetterCode(text.charCodeAt(end)) && !isDigitCode(text.charCodeAt(end))) {
          segments.push({ text: c[0], start: q, end, sep: ' ', spaceBefore: 0, spaceAfter: 0, kind: 'code' });
          p = end;
          continue;
        }
      }
    }
    break;
  }
  return classify(text, segments);
}

function readSegment(text: string, at: number, afterSpace: boolean): Omit<SymbolSegment, 'sep' | 'spaceBefore' | 'spaceAfter'> | null {
  let e = at;
  while (e < text.length && e - at < 4 && isDigitCode(text.charCodeAt(e))) e++;
  if (e > at) {
    const next = text.charCodeAt(e);
    if (isLetterCode(next) || isDigitCode(next)) return null;
    return { text: text.slice(at, e), start: at, end: e, kind: 'digits' };
  }
  let cEnd = scanCode(text, at);
  // "02/BC-BPCngày 11 tháng 12": a code run into the word "ngày" of its date.
  if (cEnd - at > 4 && text.startsWith('ngày', cEnd - 4) && isUpperCode(text.charCodeAt(cEnd - 5))) cEnd -= 4;
  const c = cEnd > at ? [text.slice(at, cEnd)] : null;
  if (c && isCodeText(c[0], afterSpace)) {
    // "SXD-QLN& TTBĐS": a code joined by "&" to the next one across a space is one code, as written.
    if (c[0].endsWith('&') && text[cEnd] === ' ') {
      const nEnd = scanCode(text, cEnd + 1);
      const next = text.slice(cEnd + 1, nEnd);
      if (nEnd - cEnd > 2 && next === next.toUpperCase() && /^\p{Lu}/u.test(next) && !isLetterCode(text.charCodeAt(nEnd))) return { text: text.slice(at, nEnd), start: at, end: nEnd, kind: 'code' };
    }
    // Trailing "&" belongs to prose ("UBND& …"), not to the code.
    const t = c[0].replace(/&+$/, '');
    return { text: t, start: at, end: at + t.length, kind: 'code' };
  }
  return null;
}

// Object spread is slow on these wide objects: one object is built per symbol and filled in.
function classify(text: string, segments: SymbolSegment[]): ParsedSymbol {
  const start = segments[0]!.start;
  const end = segments[segments.length - 1]!.end;
  const d: ParsedSymbol = {
    start,
    end,
    raw: text.slice(start, end),
    segments,
    shape: 'irregular',
    family: 'unknown',
    seq: segments[0]!.text,
    year: null,
    typeCodeWritten: null,
    typeCode: null,
    issuerCodesWritten: [],
    issuerCodes: [],
    typeSegment: -1,
    missingHyphen: null,
    wrongSeparators: [],
    canonical: '',
  };
  classifyInto(d);
  d.canonical = buildCanonical(d);
  return d;
}

function setIssuers(d: ParsedSymbol, segs: SymbolSegment[]): void {
  d.issuerCodesWritten = segs.map((x) => x.text);
  d.issuerCodes = segs.map((x) => canonicalCode(x.text));
}

function classifyInto(d: ParsedSymbol): void {
  const s = d.segments;
  if (s.length === 1) {
    d.shape = 'number-only';
    return;
  }
  const s1 = s[1]!;
  const s2 = s[2];
  // Legal-normative: N/YYYY/… (also tolerate "-" as a wrong separator).
  if (s1.kind === 'digits' && s1.text.length === 4 && s2 && s2.kind === 'code') {
    d.year = Number(s1.text);
    d.family = 'legal';
    if (s1.sep !== '/') d.wrongSeparators.push(1);
    if (s2.sep !== '/') d.wrongSeparators.push(2);
    if (/^(QH|UBTVQH)\d{2}$/.test(s2.text)) {
      d.shape = 'qh';
      d.issuerCodesWritten = [s2.text];
      d.issuerCodes = [s2.text];
      return;
    }
    d.shape = 'legal';
    const typeSeg = s[2];
    const issuerSegs = s.slice(3);
    const legacyNqlt = typeSeg!.text === 'NQLT';
    issuerSegs.forEach((seg, i) => {
      if (seg.sep !== '-' && seg.sep !== ' ' && !(legacyNqlt && i === 0 && seg.sep === '/')) d.wrongSeparators.push(3 + i);
    });
    withTypeAndIssuers(d, typeSeg!, issuerSegs, 2);
    return;
  }
  // Party: N-TYPE/ISSUER[-UNIT].
  if ((s1.sep === '-' || s1.sep === ' ') && s1.kind === 'code' && s2 && s2.kind === 'code' && s2.sep === '/') {
    if (s1.sep === ' ') d.wrongSeparators.push(1);
    s.slice(3).forEach((seg, i) => {
      if (seg.sep !== '-' && seg.sep !== ' ') d.wrongSeparators.push(3 + i);
    });
    d.shape = 'party';
    d.family = 'party';
    d.typeCodeWritten = s1.text;
    d.typeCode = canonicalType(s1.text);
    d.typeSegment = 1;
    setIssuers(d, s.slice(2));
    return;
  }
  // State administrative: N/CODE[-CODE…] (the first code is a type code unless it is a công văn).
  if (s1.sep === '/' && s1.kind === 'code') {
    const codes = s.slice(1);
    codes.slice(1).forEach((seg, i) => {
      if (seg.sep !== '-' && seg.sep !== ' ') d.wrongSeparators.push(2 + i);
    });
    d.shape = 'admin';
    d.family = 'admin';
    const first = codes[0]!;
    const firstCanon = canonicalCode(first.text);
    const firstIsType =
      (ADMIN_TYPE_CODES.has(firstCanon) || LEGAL_TYPE_CODES.has(firstCanon) || undoubleTypo(firstCanon) !== null || (PARTY_TYPE_CODES.has(firstCanon) && codes.length > 1)) &&
      !(issuerByCode(firstCanon) && codes.length === 1);
    if (firstIsType && codes.length > 1) {
      withTypeAndIssuers(d, first, codes.slice(1), 1);
      return;
    }
    const split = codes.length === 1 ? splitRunTogether(first.text) : null;
    if (split) {
      d.typeCodeWritten = first.text;
      d.typeCode = split.type;
      d.typeSegment = 1;
      d.missingHyphen = { segment: 1, type: split.type, issuer: split.issuer };
      d.issuerCodesWritten = [split.issuer];
      d.issuerCodes = [canonicalCode(split.issuer)];
      return;
    }
    // Công văn: issuer code first, then units.
    if (isPartyIssuerCode(firstCanon)) d.family = 'party';
    setIssuers(d, codes);
    return;
  }
  // Anything else with codes: keep the segments, classify loosely.
  const codes = s.filter((x) => x.kind === 'code');
  const wrong = s.slice(1).map((_, i) => i + 1).filter((i) => s[i]!.sep !== '/' && s[i]!.sep !== '-');
  if (s1.kind === 'digits' && s1.text.length === 4 && s1.sep === '-' && codes.length) {
    // File-name style "18-2019-TT-BGDĐT".
    d.year = Number(s1.text);
    d.shape = 'legal';
    d.family = 'legal';
    d.wrongSeparators = [1, 2, ...wrong];
    const typeSeg = codes[0];
    const issuerSegs = codes.slice(1);
    withTypeAndIssuers(d, typeSeg!, issuerSegs, s.indexOf(typeSeg!));
    return;
  }
  d.wrongSeparators = wrong;
  setIssuers(d, codes);
}

function canonicalType(code: string): string {
  const c = canonicalCode(code);
  if (TYPE_CODES_ANY.has(c)) return c;
  return undoubleTypo(c) ?? c;
}

function withTypeAndIssuers(d: ParsedSymbol, typeSeg: SymbolSegment, issuerSegs: SymbolSegment[], typeIndex: number): void {
  const canon = canonicalCode(typeSeg.text);
  d.typeCodeWritten = typeSeg.text;
  d.typeSegment = typeIndex;
  if (issuerSegs.length === 0 && !TYPE_CODES_ANY.has(canon)) {
    const split = splitRunTogether(typeSeg.text);
    if (split) {
      d.typeCode = split.type;
      d.missingHyphen = { segment: typeIndex, type: split.type, issuer: split.issuer };
      d.issuerCodesWritten = [split.issuer];
      d.issuerCodes = [canonicalCode(split.issuer)];
      return;
    }
  }
  d.typeCode = canonicalType(typeSeg.text);
  setIssuers(d, issuerSegs);
}

export function buildCanonical(d: Pick<ParsedSymbol, 'shape' | 'seq' | 'year' | 'typeCode' | 'issuerCodes' | 'segments'>): string {
  const issuers = d.issuerCodes.join('-');
  const typed = d.typeCode ? (issuers ? `${d.typeCode}-${issuers}` : d.typeCode) : issuers;
  switch (d.shape) {
    case 'number-only':
      return d.seq;
    case 'qh':
      return `${d.seq}/${d.year}/${issuers}`;
    case 'legal': {
      // The legacy joint-resolution form keeps its second slash: 01/2014/NQLT/CP-UBTƯMTTQVN (spec §1.2).
      const nqltSlash = d.typeCode === 'NQLT' && d.segments[3]?.sep === '/';
      if (nqltSlash) return `${d.seq}/${d.year}/NQLT/${issuers}`;
      return `${d.seq}/${d.year}/${typed}`;
    }
    case 'party':
      return `${d.seq}-${d.typeCode}/${issuers}`;
    case 'admin':
      return `${d.seq}/${typed}`;
    default:
      return d.segments.map((s) => (s.sep && s.sep !== ' ' ? s.sep : s.sep === ' ' ? '-' : '') + s.text).join('');
  }
}

/** The code a type word expects in a given family, when the type has exactly one. */
export function expectedTypeCode(typeName: string, family: Family): string | null {
  const t = typeByName(typeName);
  if (!t) return null;
  if (family === 'legal') return t.legalCode;
  if (family === 'admin') return t.adminCode;
  if (family === 'party') return t.partyCodes[0] ?? null;
  return null;
}
