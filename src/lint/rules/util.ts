// Small helpers shared by rules: spans of symbol parts, the citation as it should read, issuer
// names for suggestions. No rule logic here.
import type { AnalyzedDocument, Citation, Span } from '../../citations/model.js';
import { issuerByCode, issuerByVariant, ISSUER_CODES, type IssuerCode } from '../../citations/vocabulary/issuers.js';
import { canonicalCode } from '../../citations/identifier.js';
import { PROVINCES } from '../../citations/vocabulary/places.js';

/** A span in the analysed text from cleaned-text offsets. */
export function cleanSpan(doc: AnalyzedDocument, start: number, end: number): Span {
  const s = doc.toSource(start);
  return { offset: s, length: doc.toSource(end) - s };
}

export function numberSpan(c: Citation): Span {
  return c.numberSpan ?? c.span;
}

/** From the type word through the number ("Nghị định số 04/2015/NQ-CP"). */
export function headSpan(c: Citation): Span {
  const end = c.numberSpan ? c.numberSpan.offset + c.numberSpan.length : c.span.offset + c.span.length;
  return { offset: c.span.offset, length: end - c.span.offset };
}

/** First mentions only: completeness rules do not apply to back-references (seeds README). */
/**
 * Whether the sentence around citation `c` holds a date or the word "ngày" that is not another
 * citation's date (cleaned offsets): a date the reader could not attach to `c` — glued to the
 * symbol, before the verb, mistyped.
 */
export function sentenceHasDate(doc: AnalyzedDocument, c: Citation): boolean {
  const text = doc.cleanText;
  let a = c.cleanStart;
  const floor = Math.max(0, a - 300);
  while (a > floor && !/[.;\n]/.test(text[a - 1]!)) a--;
  let b = c.itemEnd;
  const ceil = Math.min(text.length, b + 300);
  while (b < ceil && !/[;\n]/.test(text[b]!) && !(text[b] === '.' && /\s/.test(text[b + 1] ?? ' '))) b++;
  // Dates that belong to other citations (with the "ngày" before them) do not count.
  const others = doc.citations.filter((o) => o !== c && o.dateParts && o.dateParts.end > a && o.dateParts.start < b).map((o) => [o.dateParts!.start - 8, o.dateParts!.end] as const);
  const DATE = /(?:^|[^\p{L}])ngày|\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{2,5}|tháng\s+\d{1,2}\s+năm/giu;
  const sentence = text.slice(a, b);
  for (let m = DATE.exec(sentence); m; m = DATE.exec(sentence)) {
    const at = a + m.index;
    if (!others.some(([s, e]) => at >= s && at < e)) return true;
  }
  return false;
}

/** Where the document's own header starts (its "Số:" line or type heading), 0 when unknown. */
export function headerStart(doc: AnalyzedDocument): number {
  const L = doc.layout;
  const first = [L.numberLine, L.typeLine].filter((i) => i >= 0).sort((x, y) => x - y)[0];
  if (first === undefined) return 0;
  // The header block begins up to four lines above its "Số:" line (the issuing body's name, the
  // national motto): short lines that are not list items or sentences.
  let k = first;
  while (k > 0 && k > first - 4) {
    const prev = L.lines[k - 1]!.plain.trim();
    if (prev.length > 100 || /^(?:[-+•*]|\d+[.)])/u.test(prev) || /[.;]$/u.test(prev)) break;
    k--;
  }
  return L.lines[k]!.start;
}

/** Where a web page's own text below the document starts (cleaned offset), the text's length when none. */
export function siteTextStart(doc: AnalyzedDocument): number {
  const k = doc.layout.siteTextStart;
  return k >= 0 ? doc.layout.lines[k]!.start : doc.cleanText.length;
}

/**
 * The first mention of each instrument in the author's own text, for the completeness rules
 * (date, issuer; back-references are exempt — seeds README). Not the author's text, so not a first
 * mention: what stands above the document's header (a site's title line, its list of related
 * documents) or below the document (the site's metadata and lists), the title (trích yếu names an instrument in short; the text cites it in full), and a
 * line that holds nothing but the citation (a heading or a label: "(số 22-QC/TU)"). The mention
 * after them is the first one.
 */
export function firstMentions(doc: AnalyzedDocument): Citation[] {
  const from = headerStart(doc);
  const to = siteTextStart(doc);
  const full = fullSymbols(doc);
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of doc.citations) {
    if (c.cleanStart < from || c.cleanStart >= to || c.section === 'title' || isLabelLine(doc, c)) continue;
    const ids = [c.key, c.canonicalNumber].filter((x): x is string => Boolean(x));
    if (!ids.length) ids.push(`${c.type}|${c.surface}`);
    const repeat = ids.some((id) => seen.has(id));
    for (const id of ids) seen.add(id);
    if (!repeat && !isShortForm(c, full)) out.push(c);
  }
  return out;
}

/** Type and running number of every citation the document gives with a whole symbol. */
export function fullSymbols(doc: AnalyzedDocument): Set<string> {
  const out = new Set<string>();
  for (const c of doc.citations) if (c.symbol && c.symbol.shape !== 'number-only' && c.seq) out.add(`${c.type}|${c.seq}`);
  return out;
}

/**
 * "Nghị quyết số 57" where the document also cites "Nghị quyết số 57-NQ/TW" (before or after: a
 * headline, a short name, a later mention): a short form of that instrument, not a citation that
 * lacks its symbol or date.
 */
export function isShortForm(c: Citation, full: Set<string>): boolean {
  return c.symbol?.shape === 'number-only' && c.seq !== null && full.has(`${c.type}|${c.seq}`);
}

/** The citation's line, as written, holds nothing else but spaces, brackets and table bars. */
function isLabelLine(doc: AnalyzedDocument, c: Citation): boolean {
  if (!c.numberSpan) return false;
  const text = doc.source;
  const start = c.span.offset;
  const end = Math.max(c.numberSpan.offset + c.numberSpan.length, c.dateSpan ? c.dateSpan.offset + c.dateSpan.length : 0);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  return /^[\s()[\]|]*$/u.test(text.slice(lineStart, start) + text.slice(end, lineEnd));
}

/**
 * The text stops right after the citation (a cut page or excerpt), at most a cut word's first
 * letters after it ("… số 24-KH/TU ng"): what follows is unknown, not missing.
 */
export function cutOffAfter(doc: AnalyzedDocument, c: Citation): boolean {
  const rest = doc.source.slice(c.offset + c.length, c.offset + c.length + 40);
  if (doc.source.length - (c.offset + c.length) > 40) return false;
  return /^\s*(?:\p{L}{1,3}\s*)?…?\s*$/u.test(rest);
}

/** Letters and digits of a number in capitals: "107-KH-ĐUK" and "107/KH-ĐUK" are one instrument's. */
export function looseNumber(n: string): string {
  return n.normalize('NFC').toUpperCase().replace(/Ð/g, 'Đ').replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The mention of the same instrument (type and number, separators aside) that gives the date this
 * one lacks, when this one is not the first full mention: the dated one stands before it (this is
 * a repeat written differently, "107/KH-ĐUK" after "107-KH-ĐUK … ngày 14/3/2023"), or this one is
 * a headline — a line with no closing punctuation — whose lead, within five lines, gives the date.
 */
export function datedElsewhere(doc: AnalyzedDocument, c: Citation): Citation | null {
  if (!c.number) return null;
  const id = looseNumber(c.number);
  const same = doc.citations.filter((o) => o !== c && o.date && o.number && o.type === c.type && looseNumber(o.number) === id);
  const before = same.find((o) => o.offset < c.offset);
  if (before) return before;
  const after = same.find((o) => o.line > c.line && o.line - c.line <= 5);
  if (!after) return null;
  const lineStart = doc.source.lastIndexOf('\n', c.offset) + 1;
  let lineEnd = doc.source.indexOf('\n', c.offset);
  if (lineEnd < 0) lineEnd = doc.source.length;
  const line = doc.source.slice(lineStart, lineEnd).trim();
  return line.length <= 250 && !/[.;:,]$/u.test(line) ? after : null;
}

/** The issuer a written code designates, through its informal variants. */
export function issuerOfWritten(code: string): IssuerCode | undefined {
  return issuerByCode(canonicalCode(code)) ?? issuerByVariant(code) ?? issuerByVariant(canonicalCode(code));
}

const PROVINCE_NAME = new Map(PROVINCES.map((p) => [p.slug, p.name] as const));

export function provinceName(slug: string | null): string | null {
  return slug ? PROVINCE_NAME.get(slug) ?? null : null;
}

/**
 * The issuer a symbol names beyond doubt: a central body with one name (CP → Chính phủ, TTg →
 * Thủ tướng Chính phủ, BGDĐT → Bộ Giáo dục và Đào tạo). Local codes (UBND, HĐND, TU, SGDĐT …) and
 * TW (Bộ Chính trị, Ban Bí thư or the Central Committee) leave the body to the writer: null.
 */
export function certainIssuer(c: Citation): string | null {
  const code = c.symbol?.issuerCodes[0];
  if (!code || (c.symbol?.issuerCodes.length ?? 0) > 1) return null;
  const i = issuerByCode(code) ?? ISSUER_CODES.find((x) => x.code === code);
  if (!i || i.level !== 'trung-uong' || code === 'TW') return null;
  return i.name;
}

/** What the symbol's issuer code tells about the issuer, for a message that invents nothing. */
export function issuerHint(c: Citation): { vi: string; en: string } | null {
  const code = c.symbol?.issuerCodes[0];
  if (!code) return null;
  const i = issuerByCode(code) ?? ISSUER_CODES.find((x) => x.code === code);
  if (code === 'TW') return { vi: 'một cơ quan Trung ương Đảng', en: 'a central Party body' };
  if (!i) return null;
  return { vi: `mã ${code} — ${i.name}`, en: `code ${code} — ${i.name}` };
}

// An enterprise's name: its legal form first ("Công ty cổ phần …", "Tổng Công ty … – CTCP",
// "Tập đoàn …", "Ngân hàng TMCP …", "Hợp tác xã …"), or the form's abbreviation anywhere in it.
const ENTERPRISE =
  /^(?:Tổng[ \t]+)?(?:Công[ \t]+ty|Tập[ \t]+đoàn|Doanh[ \t]+nghiệp|Hợp[ \t]+tác[ \t]+xã|Ngân[ \t]+hàng[ \t]+(?:TMCP|thương[ \t]+mại))(?![\p{L}])|(?:^|[^\p{L}])(?:CTCP|TNHH|MTV|JSC)(?![\p{L}])/iu;

/** The citation is of an enterprise's own document (its issuer is a company, a group, a bank …). */
export function issuedByEnterprise(c: Citation): boolean {
  return c.issuer !== null && ENTERPRISE.test(c.issuer);
}

/** Upper-cases the first letter. */
export function capitalize(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}

/** True when the line around an offset is written in capitals (a heading), where case rules do not apply. */
export function inAllCapsLine(doc: AnalyzedDocument, offset: number): boolean {
  // Look at most 200 characters either side: the heading a code sits in is short.
  const from = Math.max(0, offset - 200);
  const window = doc.source.slice(from, Math.min(doc.source.length, offset + 200));
  const at = offset - from;
  const start = window.lastIndexOf('\n', at) + 1;
  let end = window.indexOf('\n', at);
  if (end < 0) end = window.length;
  const line = window.slice(start, end);
  return !/\p{Ll}/u.test(line.replace(/\d+[\/-][^\s]*/g, ''));
}
