// The extraction pipeline for one document: clean → reflow → layout (header, sections) → extract →
// resolve, with every span mapped back to the original text. Pure: text in, structure out.
import type { AnalyzedDocument, Citation, DocumentHeader, Relation, Section, Span } from './model.js';
import { LineIndex } from '../model/lines.js';
import { clean } from './clean.js';
import { reflow } from './reflow.js';
import { layout, sectionRanges } from './sections.js';
import { documentPlace, readHeader } from './header.js';
import { extractCitations } from './extract.js';
import { jurisdictionFor, resolveCitations, unitName } from './resolve.js';
import { parseSymbol, type ParsedSymbol } from './identifier.js';
import { buildKey } from './keys.js';
import { issuerByName } from './vocabulary/issuers.js';

export interface Locator {
  (offset: number): { line: number; column: number; sourceOffset: number };
}

export interface AnalyzeOptions {
  file: string;
  /** Maps an offset in the analysed text to the source file (markdown, docx). Default: the text is the source. */
  locate?: Locator;
}

/** Offsets of a plain text to line/column, by the one line index (lines end at \n, \r\n or \r). */
export function lineLocator(text: string): Locator {
  const index = new LineIndex(text);
  return (offset: number) => {
    const { line, column } = index.position(offset);
    return { line, column, sourceOffset: offset };
  };
}

/**
 * What analyze reads: the text, the name its findings carry, and where the text is not the file
 * itself (markdown, docx, pdf) the map back to the file. A SourceText of src/documents is one.
 */
export interface AnalysisSource {
  text: string;
  file: string;
  locate?: Locator;
}

/** Analyses one document read by an adapter (src/documents). */
export function analyze(source: AnalysisSource): AnalyzedDocument;
/** Analyses a bare string (tests, benchmarks): the text is its own source. */
export function analyze(text: string, opts: AnalyzeOptions): AnalyzedDocument;
export function analyze(input: string | AnalysisSource, options?: AnalyzeOptions): AnalyzedDocument {
  const { text, ...opts } = typeof input === 'string' ? { text: input, ...options! } : input;
  const cleaned = clean(text);
  // Soft wraps joined; offsets go back through the reflow map, then the cleaning map.
  const flowed = reflow(cleaned.text);
  const t = flowed.text;
  const src = flowed.identity ? (o: number) => cleaned.toSource(o) : (o: number) => cleaned.toSource(flowed.toSource(o));
  const L = layout(t);
  const head = readHeader(t, L);
  const ranges = sectionRanges(L, t.length);
  const sectionAt = (offset: number): Section => {
    let lo = 0;
    let hi = ranges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = ranges[mid]!;
      if (offset < r.start) hi = mid - 1;
      else if (offset >= r.end) lo = mid + 1;
      else return r.section;
    }
    return 'body';
  };
  const place = documentPlace(t, head.place);
  // The document's own number is not a citation, in its header or anywhere else ("Quyết định
  // này", a site's title line "Quyết định 1281/QĐ-UBND năm 2014 …" above the text) — unless it is
  // dated in another year: "Chỉ thị số 07/CT-UBND ngày 31/5/2021" cited by the Chỉ thị 07/CT-UBND
  // of 2023 is an earlier instrument with the same number.
  const owns = ownSymbols(t, head);
  const ownType = head.type?.name ?? null;
  const numberLine = L.numberLine >= 0 ? L.lines[L.numberLine]! : null;
  // The number line up to its subject ("Số: 19046/BTC-TCHQ V/v hướng dẫn … Luật hải quan 2014"):
  // what the "V/v" line cites on the same line is the document's own subject's citation.
  const vv = numberLine ? /[ \t](?:V\/v|v\/v|V\/V|Về việc)[ \t]/u.exec(t.slice(numberLine.start, numberLine.end)) : null;
  const numberEnd = numberLine ? (vv ? numberLine.start + vv.index : numberLine.end) : 0;
  const all = extractCitations(t);
  const kept = all.map((r) => !(numberLine && r.start >= numberLine.start && r.start < numberEnd) && !(r.symbol && owns.some((own) => isOwn(r.symbol!, own, r.type.name === ownType)) && !(r.date && head.date?.year && r.date.year !== head.date.year)));
  const raws = all.filter((_, i) => kept[i]);
  // Relations name their targets by index in the unfiltered list: renumber them, and drop those
  // whose target stood in the header.
  if (raws.length !== all.length) {
    const newIndex: number[] = [];
    let n = 0;
    for (let i = 0; i < all.length; i++) newIndex.push(kept[i] ? n++ : -1);
    for (const r of raws) r.relations = r.relations.filter((rel) => newIndex[rel.target]! >= 0).map((rel) => ({ ...rel, target: newIndex[rel.target]! }));
  }
  const docYear = head.date?.year ?? titleYear(head.title?.text ?? null);
  const resolved = resolveCitations(raws, place, docYear);
  const locate = opts.locate ?? lineLocator(text);
  const span = (start: number, end: number): Span => {
    const s = src(start);
    return { offset: s, length: src(end) - s };
  };
  const citations: Citation[] = raws.map((r, i) => {
    const res = resolved[i]!;
    const s = src(r.start);
    const e = src(r.end);
    const loc = locate(s);
    return {
      type: r.type.name,
      typeWritten: r.sharedTypeWord ? r.typeWritten : text.slice(s, src(r.start + r.typeWritten.length)),
      number: r.symbol ? text.slice(src(r.symbol.start), src(r.symbol.end)).trim() : null,
      canonicalNumber: res.canonicalNumber,
      family: res.family,
      seq: r.symbol?.seq ?? null,
      year: res.year,
      typeCode: res.typeCode,
      issuerCode: res.issuerCode,
      date: r.date?.iso ?? null,
      dateWritten: r.date ? text.slice(src(r.date.start), src(r.date.end)) : r.badDate ? text.slice(src(r.badDate.start), src(r.badDate.end)) : null,
      // A name wrapped over lines is one name: its line break reads as a space.
      issuer: r.issuer ? oneLine(text.slice(src(r.issuer.start), src(r.issuer.end))) : null,
      subject: r.subject ? r.subject.text.normalize('NFC') : r.name,
      section: sectionAt(r.start),
      line: loc.line,
      column: loc.column,
      offset: loc.sourceOffset,
      length: e - s,
      surface: text.slice(s, e),
      key: res.key,
      jurisdiction: res.jurisdiction,
      relation: null,
      relations: [],
      hasSo: r.hasSo,
      soColon: r.soColon,
      repeat: res.repeat,
      nested: r.nested,
      sharedTypeWord: r.sharedTypeWord,
      numberSpan: r.symbol ? span(r.symbol.start, r.symbol.end) : null,
      dateSpan: r.date ? span(r.date.start, r.date.end) : null,
      issuerSpan: r.issuer ? span(r.issuer.start, r.issuer.end) : null,
      symbol: r.symbol,
      dateParts: r.date,
      cleanStart: r.start,
      itemEnd: Math.max(r.end, r.issuer?.end ?? 0, r.subject?.end ?? 0),
      span: { offset: s, length: e - s },
    };
  });
  raws.forEach((r, i) => {
    const rels: Relation[] = r.relations.map((rel) => {
      const target = citations[rel.target]!;
      return { kind: rel.kind, target: target.key ?? target.canonicalNumber ?? target.surface, targetNumber: target.canonicalNumber };
    });
    citations[i]!.relations = rels;
    citations[i]!.relation = rels[0] ?? null;
  });
  const header = buildHeader(text, head, src, place);
  return {
    file: opts.file,
    source: text,
    header,
    sections: ranges.map((r) => ({ section: r.section, offset: src(r.start), length: src(r.end) - src(r.start) })),
    place,
    citations,
    signatureEnd: L.tailStart >= 0 ? src(L.lines[L.tailStart]!.start) : null,
    closingOffset: L.signatureStart >= 0 && L.signatureStart < L.lines.length ? src(L.lines[L.signatureStart]!.start) : null,
    ownKey: ownKey(t, head, place),
    cleanText: t,
    toSource: src,
    layout: L,
    locate,
  };
}

function titleYear(title: string | null): number | null {
  const m = title ? /năm(?:\s+học)?\s+(\d{4})/u.exec(title) : null;
  return m ? Number(m[1]) : null;
}

function buildHeader(text: string, h: ReturnType<typeof readHeader>, src: (o: number) => number, place: AnalyzedDocument['place']): DocumentHeader {
  const sp = (x: { start: number; end: number } | null): Span | null => (x ? { offset: src(x.start), length: src(x.end) - src(x.start) } : null);
  void place;
  return {
    number: h.number ? text.slice(src(h.number.start), src(h.number.end)) : null,
    numberSpan: sp(h.number),
    type: h.type?.name ?? null,
    typeSpan: sp(h.type),
    place: h.place,
    date: h.date?.iso ?? null,
    dateWritten: h.date ? text.slice(src(h.date.start), src(h.date.end)) : null,
    dateSpan: sp(h.date),
    year: h.date?.year ?? titleYear(h.title?.text ?? null),
    title: h.title?.text ?? null,
    titleSpan: sp(h.title),
    signer: h.signer,
    signerPosition: h.signerPosition,
    recipients: h.recipients,
    issuingBody: h.issuingBody,
  };
}

/** The document's own number as parsed from its header's "Số: …", or null. */
// "… BINH VÀ XÃ HỘI Độc lập – Tự do – Hạnh phúc ******* Số: 23/2007/QĐ-BLĐTBXH Hà Nội, ngày …": a
// header flattened into one line still gives its number after a capital "Số:" (a citation writes
// "số" in lower case).
// "Số: 12/KH-UBND" in running text, or a legal site's metadata table ("**Số hiệu:**" ⏎ "|" ⏎
// "5706/CT-CS"), whose number is the page's own document.
const OWN_NUMBER_INLINE = /(?<![\p{L}\d])(?:(?:Số|SỐ)[ \t]*:\s{0,8}|Số[ \t]+hiệu[ \t]*:[ \t]*\**[ \t]*(?:\r?\n[ \t]*\|?[ \t]*){0,3})(?=\d)/u;

function ownSymbol(t: string, h: ReturnType<typeof readHeader>): ParsedSymbol | null {
  if (!h.number) return inlineOwnSymbol(t, 4000);
  const digit = /\d/.exec(h.number.text);
  if (!digit) return null;
  const sym = parseSymbol(t, h.number.start + digit.index);
  return sym ?? null;
}

function inlineOwnSymbol(t: string, within: number): ParsedSymbol | null {
  const m = OWN_NUMBER_INLINE.exec(t.slice(0, within));
  if (!m) return null;
  const sym = parseSymbol(t, m.index + m[0].length);
  return sym && sym.shape !== 'number-only' && sym.shape !== 'irregular' ? sym : null;
}

/**
 * The document's own numbers: its header's, and the one a site's metadata above the header gives
 * when it differs ("Số hiệu: 37999/CHQ-GSQL" over "Số: 3799/CHQ-GSQL" — one is a slip, and the
 * site's lists below the document cite the page's own document by the site's number).
 */
function ownSymbols(t: string, h: ReturnType<typeof readHeader>): ParsedSymbol[] {
  const own = ownSymbol(t, h);
  if (!h.number) return own ? [own] : [];
  const site = inlineOwnSymbol(t, h.number.start);
  return [own, site].filter((x): x is ParsedSymbol => x !== null);
}

/**
 * A citation of the document's own number: the same canonical symbol, or — when the header's
 * number is damaged ("Số: 1281/-UBND", "Số: 1961/QĐUBND" cited by a site as "1961/2019/QĐ-UBND")
 * — the same running number, type code and last issuer code, with no other year.
 */
function isOwn(sym: ParsedSymbol, own: ParsedSymbol, sameType: boolean): boolean {
  if (sym.canonical === own.canonical) return own.shape !== 'number-only';
  // "Số: 1281/-UBND": only the running number survives; the type heading says the rest.
  if (own.shape === 'number-only') return sameType && sym.seq === own.seq && (own.year === null || sym.year === null || own.year === sym.year);
  if (sym.seq !== own.seq || (own.typeCode && own.typeCode !== sym.typeCode) || (own.year !== null && sym.year !== null && own.year !== sym.year)) return false;
  const last = (codes: string[]) => codes[codes.length - 1] ?? null;
  return last(own.issuerCodes) !== null && last(own.issuerCodes) === last(sym.issuerCodes);
}

/** The document's own canonical key, when its header gives number and date. */
function ownKey(t: string, h: ReturnType<typeof readHeader>, place: AnalyzedDocument['place']): string | null {
  if (!h.number || !h.date?.year) return null;
  const digit = /\d/.exec(h.number.text);
  if (!digit) return null;
  const sym = parseSymbol(t, h.number.start + digit.index);
  if (!sym || sym.shape === 'number-only' || sym.shape === 'irregular') return null;
  const body = h.issuingBody ? issuerByName(h.issuingBody) : undefined;
  // The document's own UBND/HĐND sits where its header place does: a district name → the district.
  const j = jurisdictionFor(sym.issuerCodes, h.issuingBody, place, undefined, place.source === 'header' && place.district ? 'huyen' : 'tinh');
  if (!j || j.endsWith('.?')) return null;
  void body;
  return buildKey({
    jurisdiction: j,
    typeCode: sym.typeCode,
    typeName: h.type?.name ?? 'Kế hoạch',
    issuerCodes: sym.issuerCodes,
    year: sym.year ?? h.date.year,
    seq: sym.seq,
    legal: sym.shape === 'legal',
    unit: unitName(sym.issuerCodes, h.issuingBody),
  });
}

/** Runs of white space (a wrapped line's break, a doubled space) as one space. */
function oneLine(s: string): string {
  return /[\s\u00a0]{2}|[\n\r\t\u00a0]/u.test(s) ? s.replace(/[\s\u00a0]+/gu, ' ') : s;
}
