// The shapes that flow through cancu: a source text, the citations found in it, the
// document header and sections, and the findings rules report. Pure types, no logic.
import type { ParsedSymbol } from './identifier.js';
import type { ParsedDate } from './dates.js';
import type { Layout } from './sections.js';
import type { CitationFamily } from '../model/knowledge.js';
import type { Severity } from '../model/check.js';

export type { Severity };

/** Where a citation stands in the plan. */
export type Section = 'title' | 'can_cu' | 'body' | 'tail';

/** Numbering family (spec §1): legal-normative, state administrative, Party, or a named instrument. */
export type Family = CitationFamily;

export type RelationKind = 'implements' | 'continues' | 'guides' | 'amends' | 'reviews' | 'replaces' | 'repeals';

export interface Relation {
  kind: RelationKind;
  /** Canonical key of the related instrument when it can be keyed, else its canonical number. */
  target: string;
  /** The related instrument's canonical number as it should be written. */
  targetNumber: string | null;
}

/** A half-open span [offset, offset + length) in the *source* text (before cleaning). */
export interface Span {
  offset: number;
  length: number;
}

export interface Citation {
  /** Normalised, capitalised type word as written: "Nghị định", "Kế hoạch", "Công văn" … */
  type: string;
  /** The type word exactly as written (case kept), e.g. "kế hoạch". */
  typeWritten: string;
  /** Number/symbol as written (whitespace trimmed), or null for a named instrument. */
  number: string | null;
  /** The symbol as it should be written (hyphens restored, stray spaces and "&" removed …). */
  canonicalNumber: string | null;
  family: Family;
  /** Running number (digits only), e.g. "04". */
  seq: string | null;
  /** Year segment of a legal-normative number, or the year of the date. */
  year: number | null;
  /** Type code in the symbol as canonicalised ("NĐ", "KH", "CT" …), null for công văn / QH laws. */
  typeCode: string | null;
  /** Issuer code(s) of the symbol, canonicalised ("CP", "UBND", "SGDĐT", "TU" …). */
  issuerCode: string | null;
  /** ISO date of the cited instrument, or null. */
  date: string | null;
  /** The date exactly as written, e.g. "28 /3/2023", "14 tháng 03 năm 2023". */
  dateWritten: string | null;
  /** Issuer phrase after "của …", raw (source) text, or null. */
  issuer: string | null;
  /** Subject (trích yếu) after "về …" / "về việc …", or the named title. */
  subject: string | null;
  section: Section;
  /** 1-based line and column of the citation start in the source file. */
  line: number;
  column: number;
  offset: number;
  length: number;
  /** Exact source text from the type word through the date (or symbol / name). */
  surface: string;
  /** Canonical key (see keys.ts); null when it cannot be keyed. */
  key: string | null;
  /** Jurisdiction part of the key ("tw", "hoa-binh", "hoa-binh.lac-thuy"). */
  jurisdiction: string | null;
  /** First relation hint (contract field), or null. */
  relation: Relation | null;
  /** All relation hints from the citation's own description. */
  relations: Relation[];
  /** "số" was written before the number. */
  hasSo: boolean;
  /** A colon followed "số" ("số: 123/…"). */
  soColon: boolean;
  /** The citation repeats an instrument already cited earlier in the same document. */
  repeat: boolean;
  /** The citation sits inside another citation's subject (nested). */
  nested: boolean;
  /** The citation lives in a list introduced by one shared type word ("các Quyết định: số …; số …"). */
  sharedTypeWord: boolean;
  /** Spans in the source of the number/symbol and the date, for precise findings. */
  numberSpan: Span | null;
  dateSpan: Span | null;
  issuerSpan: Span | null;
  /** The number/symbol as parsed (segments with cleaned-text offsets), for rules. */
  symbol: ParsedSymbol | null;
  /** The date as parsed (day/month text, form, spacing), for rules. */
  dateParts: ParsedDate | null;
  /** Offset of the citation in the cleaned text. */
  cleanStart: number;
  /** End (cleaned text) of the whole item: the citation with its issuer and subject. */
  itemEnd: number;
  /** The citation's span in the analysed text (equal to offset/length for plain text). */
  span: Span;
}

export interface DocumentHeader {
  /** The document's own number as written ("07 /KH-PGDĐT", "/KH-GD&ĐT"), or null. */
  number: string | null;
  numberSpan: Span | null;
  /** Document type from the header ("Kế hoạch"). */
  type: string | null;
  typeSpan: Span | null;
  /** Place name (địa danh) as written. */
  place: string | null;
  /** ISO date, or null when absent or unfilled. */
  date: string | null;
  /** The date line as written ("ngày tháng 10 năm 2023"). */
  dateWritten: string | null;
  dateSpan: Span | null;
  /** Year stated in the header date even when the day is blank. */
  year: number | null;
  /** Title (trích yếu). */
  title: string | null;
  titleSpan: Span | null;
  signer: string | null;
  signerPosition: string | null;
  recipients: string[];
  /** The issuing unit as far as the text shows ("Phòng Giáo dục và Đào tạo huyện Lạc Thủy"). */
  issuingBody: string | null;
}

export interface SectionRange {
  section: Section;
  offset: number;
  length: number;
}

/** Where the document sits: used to key local issuers (spec: jurisdiction from the citing place). */
export interface DocumentPlace {
  /** Province slug ("hoa-binh"), or null. */
  province: string | null;
  /** District slug within the province ("lac-thuy"), or null. */
  district: string | null;
  /** How the place was found: header place line, or mentions in the text. */
  source: 'header' | 'text' | 'none';
}

export interface AnalyzedDocument {
  file: string;
  /** The original text as decoded (not normalised). */
  source: string;
  header: DocumentHeader;
  sections: SectionRange[];
  place: DocumentPlace;
  citations: Citation[];
  /** Offset where the signature block ends (start of the tail), or null. */
  signatureEnd: number | null;
  /** Source offset where the signature block starts (after "Nơi nhận"/closing "./."), or null. */
  closingOffset: number | null;
  /** The document's own canonical key when its header gives number and date. */
  ownKey: string | null;
  /** The cleaned text (NFC, dashes folded …) that rules may scan; map offsets back with toSource. */
  cleanText: string;
  toSource(cleanOffset: number): number;
  layout: Layout;
  /** Maps an offset in `source` (the analysed text) to the file: line, column and file offset. */
  locate(offset: number): { line: number; column: number; sourceOffset: number };
}

/** One finding, the same shape everywhere (CLI, API, ingest report). */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  /** The exact source text the finding is about. */
  evidence: string;
  /** What to write instead, when the rule knows. */
  expected?: string | null;
  /** Extra facts (the fact's source, whether it is inferred …). */
  cause?: string | null;
  url?: string | null;
}
