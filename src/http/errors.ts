// The one error handler: every failure leaves as {"error": {"code", "message", …}} with a status
// code, its message in Vietnamese (or English on request), never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import multer from 'multer';
import { z } from 'zod';
import { DocumentError } from '../documents/index.js';
import { GraphInputError, StoreUnavailableError } from '../graph/errors.js';
import { instrumentRefSchema } from '../model/schemas.js';
import {
  AmbiguousRefError,
  InvalidInputError,
  NotConfiguredError,
  ServiceError,
  UnknownRefError,
  UnreadableDocumentError,
} from '../service/errors.js';
import { requestLang, type Lang } from './lang.js';

/** A failure decided by the HTTP layer itself (auth, validation, size, routing). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly extra: { hint?: { vi: string; en: string }; headers?: Record<string, string>; details?: unknown } = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const candidateSchema = instrumentRefSchema.meta({ id: 'Candidate' });

export const errorEnvelopeSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'Mã lỗi ổn định, dành cho máy đọc (not_found, invalid_request, …)' }),
      message: z.string().meta({ description: 'Thông báo cho người đọc (tiếng Việt; tiếng Anh với ?lang=en)' }),
      hint: z.string().optional().meta({ description: 'Cách khắc phục' }),
      candidates: z.array(candidateSchema).optional().meta({ description: 'Các văn bản khớp khi tham chiếu mơ hồ (409)' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'ErrorEnvelope' });

export type ErrorEnvelope = z.infer<typeof errorEnvelopeSchema>;

/** Every error code the API answers with, its status and what it means (OpenAPI and docs/api.md). */
export const ERROR_CODES = {
  invalid_json: { status: 400, description: 'Thân yêu cầu không phải JSON hợp lệ' },
  invalid_request: { status: 400, description: 'Tham số, truy vấn hoặc thân yêu cầu sai kiểu, thiếu hoặc ngoài khoảng cho phép' },
  invalid_input: { status: 400, description: 'Dữ liệu đúng kiểu nhưng không dùng được (ví dụ con trỏ phân trang lạ)' },
  unauthorized: { status: 401, description: 'Thiếu hoặc sai khóa API' },
  writes_disabled: { status: 403, description: 'Máy chủ chưa cấu hình khóa API nên không nhận thao tác ghi' },
  not_found: { status: 404, description: 'Không có văn bản hoặc đường dẫn này' },
  method_not_allowed: { status: 405, description: 'Đường dẫn có nhưng không nhận phương thức này' },
  ambiguous_ref: { status: 409, description: 'Trích dẫn khớp nhiều văn bản; danh sách ở error.candidates' },
  payload_too_large: { status: 413, description: 'Thân yêu cầu hoặc tệp vượt giới hạn CANCU_BODY_LIMIT' },
  unsupported_media_type: { status: 415, description: 'Content-Type hoặc loại tệp không được hỗ trợ' },
  unreadable_document: { status: 422, description: 'Tệp không đọc được (nhị phân, sai mã hóa, rỗng …)' },
  ingest_failed: { status: 422, description: 'Tệp đọc được nhưng không nạp được (ví dụ trùng khóa với văn bản khác đã nạp)' },
  internal_error: { status: 500, description: 'Lỗi ngoài dự kiến của máy chủ (chi tiết chỉ ghi vào nhật ký)' },
  not_configured: { status: 501, description: 'Tính năng chưa được nối vào máy chủ này' },
  store_unavailable: { status: 503, description: 'Kho dữ liệu (Neo4j) không phản hồi; thử lại sau' },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

interface Rendered {
  status: number;
  headers?: Record<string, string>;
  body: ErrorEnvelope;
}

function render(
  status: number,
  code: string,
  lang: Lang,
  message: { vi: string; en: string },
  extra: { hint?: { vi: string; en: string } | null; candidates?: ErrorEnvelope['error']['candidates']; details?: unknown; headers?: Record<string, string> } = {},
): Rendered {
  const error: ErrorEnvelope['error'] = { code, message: message[lang] };
  if (extra.hint) error.hint = extra.hint[lang];
  if (extra.candidates) error.candidates = extra.candidates;
  if (extra.details !== undefined) error.details = extra.details;
  return { status, headers: extra.headers, body: { error } };
}

const SERVICE_STATUS: Record<string, number> = {
  not_found: 404,
  ambiguous_ref: 409,
  invalid_input: 400,
  unreadable_document: 422,
  ingest_failed: 422,
  unsupported_media_type: 415,
  payload_too_large: 413,
  not_configured: 501,
};

const DOCUMENT_STATUS: Partial<Record<DocumentError['code'], number>> = {
  'unsupported-format': 415,
  'unsupported-encoding': 415,
  'too-large': 413,
};

function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError || (error instanceof Error && error.name === 'StoreUnavailableError');
}

/** Maps any thrown value to the envelope. Unknown failures are logged in full and answered as 500. */
export function renderError(error: unknown, lang: Lang, log: (line: string) => void): Rendered {
  if (error instanceof HttpError) {
    return render(error.status, error.code, lang, { vi: error.message, en: error.messageEn }, error.extra);
  }
  if (error instanceof AmbiguousRefError) {
    return render(409, error.code, lang, { vi: error.message, en: error.messageEn }, { hint: error.hint, candidates: error.candidates });
  }
  if (
    error instanceof UnknownRefError ||
    error instanceof InvalidInputError ||
    error instanceof UnreadableDocumentError ||
    error instanceof NotConfiguredError ||
    error instanceof ServiceError
  ) {
    return render(SERVICE_STATUS[error.code] ?? 400, error.code, lang, { vi: error.message, en: error.messageEn }, { hint: error.hint });
  }
  if (isStoreUnavailable(error)) {
    const en = (error as { messageEn?: string }).messageEn ?? error.message;
    return render(
      503,
      'store_unavailable',
      lang,
      { vi: error.message, en },
      {
        headers: { 'Retry-After': '5' },
        hint: {
          vi: 'Kiểm tra máy chủ Neo4j (npm run db:status); API tự kết nối lại khi Neo4j hoạt động trở lại.',
          en: 'Check the Neo4j server (npm run db:status); the API reconnects by itself when Neo4j is back.',
        },
      },
    );
  }
  if (error instanceof GraphInputError) {
    return render(400, 'invalid_input', lang, { vi: error.message, en: error.messageEn });
  }
  if (error instanceof DocumentError) {
    const status = DOCUMENT_STATUS[error.code] ?? 422;
    const code = status === 413 ? 'payload_too_large' : status === 415 ? 'unsupported_media_type' : 'unreadable_document';
    return render(status, code, lang, { vi: error.messageVi, en: error.messageEn });
  }
  const bodyError = bodyParserError(error);
  if (bodyError) return render(bodyError.status, bodyError.code, lang, bodyError.message);
  if (error instanceof multer.MulterError) {
    if (error.code === 'LIMIT_FILE_SIZE' || error.code === 'LIMIT_FIELD_VALUE') {
      return render(413, 'payload_too_large', lang, TOO_LARGE);
    }
    return render(400, 'invalid_request', lang, {
      vi: `Dữ liệu multipart không hợp lệ (${error.code}): chỉ gửi một tệp ở trường "file" cùng các trường văn bản đã mô tả.`,
      en: `Invalid multipart data (${error.code}): send one file in the "file" field plus the documented text fields.`,
    });
  }
  // Other client errors raised by Express itself (e.g. a path parameter that is not valid percent-encoding).
  const status = typeof error === 'object' && error !== null ? (error as { status?: unknown }).status : undefined;
  if (typeof status === 'number' && status >= 400 && status < 500 && (error as { expose?: unknown }).expose !== false) {
    return render(400, 'invalid_request', lang, {
      vi: 'Yêu cầu không hợp lệ: đường dẫn hoặc tham số không giải mã được (kiểm tra mã hóa URL, ví dụ "/" là %2F, khoảng trắng là %20).',
      en: 'Invalid request: the path or a parameter cannot be decoded (check the URL encoding, e.g. "/" is %2F, a space is %20).',
    });
  }
  log(`[cancu http] unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return render(500, 'internal_error', lang, {
    vi: 'Lỗi ngoài dự kiến của máy chủ; chi tiết đã được ghi vào nhật ký. Vui lòng thử lại hoặc báo quản trị viên.',
    en: 'Unexpected server error; the details were logged. Please retry or tell the administrator.',
  });
}

const TOO_LARGE = {
  vi: 'Thân yêu cầu hoặc tệp quá lớn (vượt giới hạn CANCU_BODY_LIMIT của máy chủ); hãy gửi tệp nhỏ hơn.',
  en: 'Request body or file too large (over the server\'s CANCU_BODY_LIMIT); send a smaller file.',
};

/** Errors raised by express.json (body-parser) carry a `type` and a `status`. */
function bodyParserError(error: unknown): { status: number; code: string; message: { vi: string; en: string } } | null {
  if (typeof error !== 'object' || error === null || !('type' in error)) return null;
  switch ((error as { type: unknown }).type) {
    case 'entity.too.large':
      return { status: 413, code: 'payload_too_large', message: TOO_LARGE };
    case 'entity.parse.failed':
      return {
        status: 400,
        code: 'invalid_json',
        message: {
          vi: 'Thân yêu cầu không phải JSON hợp lệ; kiểm tra dấu ngoặc, dấu phẩy và dấu nháy kép.',
          en: 'The request body is not valid JSON; check brackets, commas and double quotes.',
        },
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: { vi: 'Chỉ nhận nội dung mã hóa UTF-8.', en: 'Only UTF-8 content is accepted.' },
      };
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return {
        status: 400,
        code: 'invalid_request',
        message: { vi: 'Yêu cầu bị ngắt hoặc độ dài không khớp.', en: 'The request was aborted or its length does not match.' },
      };
    default:
      return null;
  }
}

export function errorHandler(log: (line: string) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const rendered = renderError(error, requestLang(req), log);
    if (res.headersSent) {
      res.end();
      return;
    }
    res.status(rendered.status);
    for (const [name, value] of Object.entries(rendered.headers ?? {})) res.setHeader(name, value);
    res.json(rendered.body);
  };
}

/** Unknown paths: 404 in the envelope, with a hint for the common mistake of an unencoded "/". */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(
    new HttpError(404, 'not_found', `Không có đường dẫn ${req.method} ${req.path}.`, `No route ${req.method} ${req.path}.`, {
      hint: {
        vi: 'Xem danh sách tại GET /docs. Trích dẫn trong đường dẫn phải được mã hóa URL ("/" thành %2F), ví dụ /instruments/Ch%E1%BB%89%20th%E1%BB%8B%2005-CT%2FTW.',
        en: 'See GET /docs for the routes. A citation inside the path must be URL-encoded ("/" as %2F), e.g. /instruments/Ch%E1%BB%89%20th%E1%BB%8B%2005-CT%2FTW.',
      },
    }),
  );
};
