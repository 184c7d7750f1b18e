// Document adapters: a file (path, upload buffer or string) → SourceText, chosen by extension.
// See docs/documents.md for the offset model.

import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fsReason, tooLargeError, unreadableError, unsupportedFormatError } from './errors.js';
import { identitySourceText, textFromBytes, textFromString } from './text.js';
import { DOCUMENT_EXTENSIONS, formatOfName } from './formats.js';
import { DocumentError } from './types.js';
import type { DocumentFormat, SourceLocation, SourceText } from './types.js';

export { DocumentError } from './types.js';
export { DOCUMENT_EXTENSIONS, DOCUMENT_FORMATS, SUPPORTED_EXTENSIONS, extensionOf, formatOfName, isDocumentName } from './formats.js';
export type { DocumentErrorCode, DocumentErrorDetails, DocumentFormat, SourceEncoding, SourceLocation, SourceText } from './types.js';
export { decodeText, firstInvalidUtf8, sniffBinaryFormat } from './decode.js';
export type { DecodedText } from './decode.js';
export { emptyDocumentError } from './errors.js';
export { textFromBytes, textFromString } from './text.js';
/** The markdown adapter, loaded on first use (unified + remark are large; plain-text checks should not pay for them). */
export async function markdownFromBytes(bytes: Uint8Array, file: string): Promise<SourceText> {
  return (await import('./markdown.js')).markdownFromBytes(bytes, file);
}
export async function markdownFromString(text: string, file: string): Promise<SourceText> {
  return (await import('./markdown.js')).markdownFromString(text, file);
}
/** The .docx adapter, loaded on first use (mammoth is large; plain-text checks should not pay for it). */
export async function docxFromBuffer(buffer: Uint8Array, file: string): Promise<SourceText> {
  return (await import('./docx.js')).docxFromBuffer(buffer, file);
}

/** The .pdf adapter, loaded on first use (PDF.js is large). */
export async function pdfFromBuffer(buffer: Uint8Array, file: string): Promise<SourceText> {
  return (await import('./pdf.js')).pdfFromBuffer(buffer, file);
}

/**
 * Source range of the text span [offset, offset + length). `locate(end)` maps the character AT
 * `end` (which may sit after skipped markup, e.g. after a link's URL); the end here is instead
 * "just after the span's last character": locate(end - 1) plus one code unit. For length 0 both
 * are locate(offset).
 */
export function locateSpan(st: SourceText, offset: number, length: number): { start: SourceLocation; end: SourceLocation } {
  const start = st.locate(offset);
  if (length <= 0) return { start, end: start };
  const last = st.locate(offset + length - 1);
  return { start, end: { line: last.line, column: last.column + 1, sourceOffset: last.sourceOffset + 1 } };
}

/** Default size limit: 200 MB (MiB). */
export const DEFAULT_MAX_BYTES = 200 * 1024 * 1024;

/** How each format is read: from a file's bytes, and from text that is already a string (an API body). */
interface Adapter {
  fromBytes(bytes: Uint8Array, file: string): Promise<SourceText> | SourceText;
  fromString(text: string, file: string): Promise<SourceText> | SourceText;
}

/** The adapter of each format of the registry (./formats.ts). */
const ADAPTERS: Readonly<Record<DocumentFormat, Adapter>> = {
  txt: { fromBytes: textFromBytes, fromString: textFromString },
  md: { fromBytes: markdownFromBytes, fromString: markdownFromString },
  docx: { fromBytes: docxFromBuffer, fromString: (text, file) => identitySourceText(text, file, 'docx') },
  pdf: { fromBytes: pdfFromBuffer, fromString: (text, file) => identitySourceText(text, file, 'pdf') },
};

export interface ReadOptions {
  /** Refuse files larger than this many bytes (DocumentError 'too-large'). Default 200 MB. */
  maxBytes?: number;
}

/** The format for a file name by its extension (case-insensitive), or DocumentError 'unsupported-format'. */
export function formatOf(file: string): DocumentFormat {
  const format = formatOfName(file);
  if (!format) throw unsupportedFormatError(file, extname(file), [...DOCUMENT_EXTENSIONS]);
  return format;
}

/** Read a file from disk, choosing the adapter by its extension. */
export async function readDocument(path: string, opts: ReadOptions = {}): Promise<SourceText> {
  formatOf(path); // refuse unsupported formats before touching the disk
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let buffer: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) {
      throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    }
    if (st.size > maxBytes) throw tooLargeError(path, st.size, maxBytes);
    buffer = await readFile(path);
  } catch (err) {
    if (err instanceof DocumentError) throw err;
    throw unreadableError(path, fsReason(err), err);
  }
  return fromBuffer(buffer, path, { maxBytes });
}

/** Bytes of an upload (or any buffer) named `file`; the adapter is chosen by the name's extension. */
export async function fromBuffer(buffer: Uint8Array, file: string, opts: ReadOptions = {}): Promise<SourceText> {
  const format = formatOf(file);
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (buffer.length > maxBytes) throw tooLargeError(file, buffer.length, maxBytes);
  return ADAPTERS[format].fromBytes(buffer, file);
}

/**
 * Text that is already a string (an API body). 'txt': identity; 'md': parsed as markdown;
 * 'docx' / 'pdf': taken as already-extracted lines (identity). Nothing is stripped
 * (a leading U+FEFF stays) or normalised.
 */
export async function fromString(text: string, file: string, format: DocumentFormat = 'txt'): Promise<SourceText> {
  return ADAPTERS[format].fromString(text, file);
}
