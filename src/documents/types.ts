// Shapes shared by the document adapters (txt, md, docx): a decoded text plus a map from
// offsets in the text the extractor reads back to the source file. See docs/documents.md.

import type { DocumentFormat } from './formats.js';

export type { DocumentFormat };

/** A position in the source: 1-based line and column, and the 0-based offset in `source`. */
export interface SourceLocation {
  /** 1-based line of `source` (lines end at "\n", "\r\n" or a lone "\r"). */
  line: number;
  /** 1-based column, counted in UTF-16 code units of the source line. */
  column: number;
  /** 0-based offset in `source` (UTF-16 code units). */
  sourceOffset: number;
  /** PDF only: the 1-based page, and the 1-based line within that page. */
  page?: number;
  pageLine?: number;
}

/** How the bytes were decoded (informative only). */
export type SourceEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

export interface SourceText {
  /** Path as given (or the upload's file name). */
  file: string;
  format: DocumentFormat;
  /**
   * The text the citation extractor reads. NOT Unicode-normalised here: a later cleaning step
   * composes NFD→NFC with its own offset map.
   */
  text: string;
  /**
   * The decoded source text: for txt it is === text; for md the markdown source; for docx the
   * raw text of the paragraphs joined by "\n". A byte-order mark is never part of it, so every
   * offset is relative to the text after the BOM.
   */
  source: string;
  /**
   * Map an offset in `text` (0 ≤ offset ≤ text.length) to the source. Characters that come from
   * the source map exactly; inserted characters (markdown block separators) map to the nearest
   * following source position (see docs/documents.md). Throws RangeError outside [0, text.length].
   */
  locate(textOffset: number): SourceLocation;
  /** How the file's bytes were decoded; absent for text given as a string and for docx. */
  encoding?: SourceEncoding;
}

export type DocumentErrorCode =
  | 'binary'
  | 'invalid-utf8'
  | 'invalid-utf16'
  | 'unsupported-encoding'
  | 'unsupported-format'
  | 'unreadable'
  | 'too-large'
  /** Never thrown by the adapters (an empty file yields empty text); for callers that refuse empty input. */
  | 'empty';

export interface DocumentErrorDetails {
  /** Absolute byte offset in the file (a BOM, if any, is counted). */
  byteOffset?: number;
  /** 1-based line of `byteOffset` (counting "\n" bytes / code units before it). */
  line?: number;
  cause?: unknown;
}

/**
 * A document that cannot be read as text. `message` is Vietnamese, `messageEn` English; both name
 * the file. `byteOffset` is set for invalid-utf8 / invalid-utf16 (first bad byte) and for a NUL
 * byte found by the binary check.
 */
export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  readonly code: DocumentErrorCode;
  readonly file: string;
  /** Same as `message` (Vietnamese). */
  readonly messageVi: string;
  readonly messageEn: string;
  readonly byteOffset?: number;
  readonly line?: number;

  constructor(code: DocumentErrorCode, file: string, messages: { vi: string; en: string }, details: DocumentErrorDetails = {}) {
    super(messages.vi, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.file = file;
    this.messageVi = messages.vi;
    this.messageEn = messages.en;
    if (details.byteOffset !== undefined) this.byteOffset = details.byteOffset;
    if (details.line !== undefined) this.line = details.line;
  }

  /** A plain object for JSON responses. */
  toJSON(): { name: string; code: DocumentErrorCode; file: string; message: string; messageEn: string; byteOffset?: number; line?: number } {
    return {
      name: this.name,
      code: this.code,
      file: this.file,
      message: this.message,
      messageEn: this.messageEn,
      ...(this.byteOffset !== undefined ? { byteOffset: this.byteOffset } : {}),
      ...(this.line !== undefined ? { line: this.line } : {}),
    };
  }
}
