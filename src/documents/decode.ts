// Bytes → string, strictly. UTF-8 (with or without BOM) and UTF-16 LE/BE with a BOM.
//
// * The BOM is stripped: offsets in the returned text are relative to the text AFTER the BOM.
//   Byte offsets reported in errors are absolute file offsets (a BOM counts).
// * Nothing is normalised: NFD stays NFD, "\r\n" stays "\r\n" (cleaning comes later).
// * Binary files are refused (magic numbers of common binary formats, or a NUL byte in the first
//   8 KB), invalid UTF-8 is refused with the offset of the first bad byte.
// * Linear time: one native validating decode; the slow byte scan only runs to locate an error.

import { binaryError, invalidUtf16Error, invalidUtf8Error, unsupportedEncodingError } from './errors.js';
import type { SourceEncoding } from './types.js';

export interface DecodedText {
  /** The decoded text, BOM removed, not normalised. */
  text: string;
  encoding: SourceEncoding;
  /** Bytes of BOM skipped before the text (0, 2 or 3). */
  bomLength: number;
}

export interface DecodeOptions {
  /** Accept a ZIP signature at the start (never needed for text; .docx goes through mammoth). */
  allowZip?: boolean;
}

/** How many leading bytes the NUL check looks at. */
export const BINARY_SNIFF_BYTES = 8192;

interface Magic {
  bytes: readonly number[];
  kind: string;
}

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

const MAGICS: readonly Magic[] = [
  { bytes: ascii('%PDF'), kind: 'PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], kind: 'ZIP (.zip/.docx/.xlsx…)' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], kind: 'ZIP (.zip/.docx/.xlsx…)' },
  { bytes: [0x50, 0x4b, 0x07, 0x08], kind: 'ZIP (.zip/.docx/.xlsx…)' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: 'PNG' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG' },
  { bytes: ascii('GIF87a'), kind: 'GIF' },
  { bytes: ascii('GIF89a'), kind: 'GIF' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: 'ELF' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], kind: 'OLE2 (.doc/.xls)' },
  { bytes: [0x1f, 0x8b], kind: 'gzip' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: '7z' },
  { bytes: ascii('Rar!\x1a\x07'), kind: 'RAR' },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

/** The kind of binary format whose signature starts `bytes`, or null. */
export function sniffBinaryFormat(bytes: Uint8Array): string | null {
  for (const m of MAGICS) if (startsWith(bytes, m.bytes)) return m.kind;
  return null;
}

export function isZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]);
}

/**
 * Offset of the first byte of the first ill-formed UTF-8 sequence in bytes[start..], or -1 when
 * all is well-formed (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
 * A truncated sequence is reported at its lead byte; a stray continuation byte at itself.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): number {
  const n = bytes.length;
  let i = start;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else return i; // 0x80–0xC1 (stray continuation / overlong lead) or 0xF5–0xFF
    if (i + need >= n) return i; // truncated at end of input
    const b1 = bytes[i + 1];
    if (b1 < lo || b1 > hi) return i;
    for (let k = 2; k <= need; k++) {
      const bk = bytes[i + k];
      if (bk < 0x80 || bk > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

function countLinesBefore(bytes: Uint8Array, end: number, start: number, unit: 1 | 2, bigEndian = false): number {
  let line = 1;
  if (unit === 1) {
    for (let i = start; i < end; i++) if (bytes[i] === 0x0a) line++;
  } else {
    for (let i = start; i + 1 < end; i += 2) {
      const u = bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8);
      if (u === 0x0a) line++;
    }
  }
  return line;
}

/** Absolute byte offset of the first bad code unit of UTF-16 data starting at `start`. */
function firstInvalidUtf16(bytes: Uint8Array, start: number, bigEndian: boolean): number {
  const n = bytes.length;
  const unitAt = (i: number) => (bigEndian ? (bytes[i] << 8) | bytes[i + 1] : bytes[i] | (bytes[i + 1] << 8));
  let i = start;
  while (i + 1 < n) {
    const u = unitAt(i);
    if (u >= 0xd800 && u <= 0xdbff) {
      if (i + 3 >= n) return i;
      const v = unitAt(i + 2);
      if (v < 0xdc00 || v > 0xdfff) return i;
      i += 4;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      return i;
    } else i += 2;
  }
  return i < n ? i : -1; // odd trailing byte
}

const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeUtf16(bytes: Uint8Array, file: string, bigEndian: boolean): DecodedText {
  const encoding = bigEndian ? 'utf-16be' : 'utf-16le';
  const body = bytes.subarray(2);
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    let bad = firstInvalidUtf16(bytes, 2, bigEndian);
    if (bad < 0) bad = bytes.length - 1;
    throw invalidUtf16Error(file, encoding, bad, countLinesBefore(bytes, bad, 2, 2, bigEndian));
  }
  const nul = text.slice(0, BINARY_SNIFF_BYTES / 2).indexOf('\u0000');
  if (nul >= 0) throw binaryError(file, null, 2 + nul * 2);
  return { text, encoding, bomLength: 2 };
}

/**
 * Decode a file's bytes. Throws DocumentError 'binary', 'invalid-utf8', 'invalid-utf16' or
 * 'unsupported-encoding' (UTF-32). Empty input gives empty text.
 */
export function decodeText(bytes: Uint8Array, file: string, opts: DecodeOptions = {}): DecodedText {
  if (bytes.length === 0) return { text: '', encoding: 'utf-8', bomLength: 0 };

  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00])) throw unsupportedEncodingError(file, 'UTF-32LE');
  if (startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) throw unsupportedEncodingError(file, 'UTF-32BE');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes, file, false);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes, file, true);

  const bomLength = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (bomLength === 0) {
    const kind = sniffBinaryFormat(bytes);
    if (kind && !(opts.allowZip && isZip(bytes))) throw binaryError(file, kind);
  }
  const sniffEnd = Math.min(bytes.length, bomLength + BINARY_SNIFF_BYTES);
  const nul = bytes.subarray(0, sniffEnd).indexOf(0, bomLength);
  if (nul >= 0) throw binaryError(file, null, nul);

  const body = bomLength ? bytes.subarray(bomLength) : bytes;
  try {
    return { text: utf8Decoder.decode(body), encoding: bomLength ? 'utf-8-bom' : 'utf-8', bomLength };
  } catch {
    const bad = firstInvalidUtf8(bytes, bomLength);
    // The native decoder and the scan agree on what is well-formed; fall back defensively.
    const at = bad >= 0 ? bad : bomLength;
    throw invalidUtf8Error(file, at, bytes[at], countLinesBefore(bytes, at, bomLength, 1));
  }
}
