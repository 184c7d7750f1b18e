// POST /documents — ingest one uploaded plan into the graph (API key required).
import { z } from 'zod';
import { DOCUMENT_EXTENSIONS } from '../../documents/formats.js';
import { ingestUpload } from '../../service/documents.js';
import { defineEndpoint } from '../endpoint.js';

/** What src/documents reads (one list: a format added there is accepted here too). */
const UPLOAD_EXTENSIONS = [...DOCUMENT_EXTENSIONS];

export const ingestDocumentEndpoint = defineEndpoint({
  method: 'post',
  operationId: 'ingestDocument',
  summary: `Nạp một văn bản (${UPLOAD_EXTENSIONS.join(', ')}) vào đồ thị`,
  description:
    'Cần khóa API. Gửi multipart/form-data với tệp ở trường "file". Văn bản đi qua đúng quy trình của "cancu ingest": đọc, trích xuất, chuẩn hóa, ghi; nạp lại cùng nội dung không tạo bản sao.',
  tags: ['Kế hoạch'],
  access: 'write',
  status: 201,
  input: {
    form: z.strictObject({}),
    upload: { field: 'file', extensions: UPLOAD_EXTENSIONS },
  },
  errors: ['unauthorized', 'writes_disabled', 'payload_too_large', 'unsupported_media_type', 'unreadable_document', 'ingest_failed', 'not_configured', 'store_unavailable'],
  output: z
    .object({
      file: z.string().meta({ description: 'Tên tệp được ghi nhận' }),
      key: z.string().nullable().meta({ description: 'Khóa của văn bản vừa nạp (dùng cho GET /documents/{ref}/citations)' }),
      written: z.boolean().meta({ description: 'false khi tệp cùng tên, cùng nội dung đã được nạp trước đó' }),
      citations: z.number().int().meta({ description: 'Số trích dẫn đã ghi' }),
      findings: z
        .object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() })
        .meta({ description: 'Số phát hiện theo mức độ' }),
    })
    .meta({ id: 'IngestResult' }),
  async handler({ file, deps }) {
    return ingestUpload(deps.store, deps.ingest, { bytes: file!.buffer, filename: file!.filename });
  },
});
