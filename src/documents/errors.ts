// Bilingual (Vietnamese / English) messages for DocumentError. Every message names the file.

import { DocumentError } from './types.js';

const LEGACY_HINT_VI = 'Có thể tệp dùng bảng mã cũ (TCVN3/ABC, VNI, Windows-1258); hãy lưu lại tệp với mã hoá UTF-8.';
const LEGACY_HINT_EN = 'It may use a legacy encoding (TCVN3/ABC, VNI, Windows-1258); save the file as UTF-8.';

function hex(byte: number): string {
  return '0x' + byte.toString(16).toUpperCase().padStart(2, '0');
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export function binaryError(file: string, kind: string | null, byteOffset?: number): DocumentError {
  const what = kind ? ` (${kind})` : '';
  const nulVi = byteOffset !== undefined ? ` Tệp chứa byte NUL tại vị trí ${byteOffset}.` : '';
  const nulEn = byteOffset !== undefined ? ` It contains a NUL byte at offset ${byteOffset}.` : '';
  return new DocumentError(
    'binary',
    file,
    {
      vi: `Tệp "${file}" là tệp nhị phân${what}, không phải văn bản.${nulVi}`,
      en: `File "${file}" is a binary file${what}, not text.${nulEn}`,
    },
    byteOffset !== undefined ? { byteOffset } : {},
  );
}

export function invalidUtf8Error(file: string, byteOffset: number, byte: number, line: number): DocumentError {
  return new DocumentError(
    'invalid-utf8',
    file,
    {
      vi: `Tệp "${file}" không phải UTF-8 hợp lệ: byte không hợp lệ tại vị trí ${byteOffset} (dòng ${line}, giá trị ${hex(byte)}). ${LEGACY_HINT_VI}`,
      en: `File "${file}" is not valid UTF-8: invalid byte at offset ${byteOffset} (line ${line}, value ${hex(byte)}). ${LEGACY_HINT_EN}`,
    },
    { byteOffset, line },
  );
}

export function invalidUtf16Error(file: string, encoding: 'utf-16le' | 'utf-16be', byteOffset: number, line: number): DocumentError {
  const enc = encoding.toUpperCase();
  return new DocumentError(
    'invalid-utf16',
    file,
    {
      vi: `Tệp "${file}" không phải ${enc} hợp lệ: dữ liệu không hợp lệ tại vị trí byte ${byteOffset} (dòng ${line}).`,
      en: `File "${file}" is not valid ${enc}: invalid data at byte offset ${byteOffset} (line ${line}).`,
    },
    { byteOffset, line },
  );
}

export function unsupportedEncodingError(file: string, encoding: string): DocumentError {
  return new DocumentError('unsupported-encoding', file, {
    vi: `Tệp "${file}" dùng mã hoá ${encoding}, không được hỗ trợ. Hãy lưu lại tệp với mã hoá UTF-8.`,
    en: `File "${file}" uses the ${encoding} encoding, which is not supported. Save the file as UTF-8.`,
  });
}

export function unsupportedFormatError(file: string, ext: string, supported: readonly string[]): DocumentError {
  const list = supported.join(', ');
  const extVi = ext ? `phần mở rộng "${ext}"` : 'không có phần mở rộng';
  const extEn = ext ? `extension "${ext}"` : 'no extension';
  return new DocumentError('unsupported-format', file, {
    vi: `Định dạng của tệp "${file}" không được hỗ trợ (${extVi}). Các định dạng được hỗ trợ: ${list}.`,
    en: `The format of file "${file}" is not supported (${extEn}). Supported formats: ${list}.`,
  });
}

export function unreadableError(file: string, reason: { vi: string; en: string }, cause?: unknown): DocumentError {
  return new DocumentError(
    'unreadable',
    file,
    {
      vi: `Không đọc được tệp "${file}": ${reason.vi}`,
      en: `Cannot read file "${file}": ${reason.en}`,
    },
    cause === undefined ? {} : { cause },
  );
}

export function tooLargeError(file: string, size: number, maxBytes: number): DocumentError {
  return new DocumentError('too-large', file, {
    vi: `Tệp "${file}" quá lớn (${formatBytes(size)}); giới hạn là ${formatBytes(maxBytes)}.`,
    en: `File "${file}" is too large (${formatBytes(size)}); the limit is ${formatBytes(maxBytes)}.`,
  });
}

/** For callers that refuse empty input (the adapters themselves return empty text). */
export function emptyDocumentError(file: string): DocumentError {
  return new DocumentError('empty', file, {
    vi: `Tệp "${file}" không có nội dung.`,
    en: `File "${file}" is empty.`,
  });
}

/** Reason texts for a failed file-system read (ENOENT, EACCES, EISDIR …). */
export function fsReason(err: unknown): { vi: string; en: string } {
  const code = (err as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return { vi: 'tệp không tồn tại.', en: 'the file does not exist.' };
    case 'EACCES':
    case 'EPERM':
      return { vi: 'không có quyền đọc tệp.', en: 'permission denied.' };
    case 'EISDIR':
      return { vi: 'đây là thư mục, không phải tệp.', en: 'it is a directory, not a file.' };
    default: {
      const msg = err instanceof Error ? err.message : String(err);
      return { vi: `lỗi hệ thống (${msg}).`, en: `system error (${msg}).` };
    }
  }
}
