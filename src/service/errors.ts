// Errors the use cases raise, in the words of the domain (not HTTP). Each carries its message in
// Vietnamese (default) and English; src/http/errors.ts maps them to status codes.

import type { InstrumentRef } from '../model/schemas.js';

/** An instrument an ambiguous reference may mean. */
export type Candidate = InstrumentRef;

export abstract class ServiceError extends Error {
  abstract readonly code: string;
  constructor(
    /** Vietnamese message (the default for users). */
    message: string,
    readonly messageEn: string,
    /** How to fix it, Vietnamese and English. */
    readonly hint: { vi: string; en: string } | null = null,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

const REF_HINT = {
  vi: 'Dùng khóa chuẩn (ví dụ vn:tw:ct-tw:2016:05) hoặc trích dẫn như "Chỉ thị 05-CT/TW", "Nghị định số 30/2020/NĐ-CP" (mã hóa URL, "/" thành %2F); tìm kiếm bằng GET /instruments?q=…',
  en: 'Use a canonical key (e.g. vn:tw:ct-tw:2016:05) or a citation such as "Chỉ thị 05-CT/TW", "Nghị định số 30/2020/NĐ-CP" (URL-encoded, "/" as %2F); search with GET /instruments?q=…',
};

/** The reference names nothing known to the store. */
export class UnknownRefError extends ServiceError {
  readonly code = 'not_found';
  constructor(
    readonly ref: string,
    what: { vi: string; en: string } = { vi: 'văn bản', en: 'instrument' },
    hint: { vi: string; en: string } = REF_HINT,
  ) {
    super(`Không tìm thấy ${what.vi} "${ref}" trong cơ sở dữ liệu.`, `No ${what.en} "${ref}" in the store.`, hint);
  }
}

/** The reference is a valid citation but several instruments match it (e.g. every province has a 06/CT-UBND). */
export class AmbiguousRefError extends ServiceError {
  readonly code = 'ambiguous_ref';
  constructor(readonly ref: string, readonly candidates: Candidate[]) {
    super(
      `Trích dẫn "${ref}" khớp với ${candidates.length} văn bản; hãy chọn một khóa chuẩn trong danh sách.`,
      `The citation "${ref}" matches ${candidates.length} instruments; pick one canonical key from the list.`,
      {
        vi: 'Gọi lại với khóa chuẩn (trường "key") của văn bản cần tìm.',
        en: 'Call again with the canonical key ("key" field) of the instrument you mean.',
      },
    );
  }
}

/** An uploaded or posted document cannot be read (binary, unsupported type, bad encoding …). */
export class UnreadableDocumentError extends ServiceError {
  readonly code: string;
  constructor(message: string, messageEn: string, code = 'unreadable_document', hint: { vi: string; en: string } | null = null) {
    super(message, messageEn, hint);
    this.code = code;
  }
}

/** A write cannot be applied because its input contradicts what is known (e.g. an unparseable `by`). */
export class InvalidInputError extends ServiceError {
  readonly code = 'invalid_input';
}

/** The API was started without the ingest pipeline wired in. */
export class NotConfiguredError extends ServiceError {
  readonly code = 'not_configured';
}
