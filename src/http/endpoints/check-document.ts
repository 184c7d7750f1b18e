// POST /check — lint a draft's citations: the same JSON `cancu check --format json` prints.
import { z } from 'zod';
import { DOCUMENT_EXTENSIONS, DOCUMENT_FORMATS } from '../../documents/formats.js';
import * as model from '../../model/check.js';
import { checkDocument } from '../../service/check.js';
import { isoDateValue, langValue } from '../../service/values.js';
import { defineEndpoint } from '../endpoint.js';

/** What src/documents reads (one list: a format added there is accepted here too). */
const UPLOAD_EXTENSIONS = [...DOCUMENT_EXTENSIONS];

const options = {
  date: isoDateValue.optional().meta({ description: 'Ngày dùng để xét hiệu lực (YYYY-MM-DD); mặc định là ngày của văn bản' }),
  lang: langValue.optional().meta({ description: 'Ngôn ngữ của thông báo phát hiện (mặc định theo ?lang / Accept-Language)' }),
  include: z
    .string()
    .regex(/^(?:source|citations)(?:,(?:source|citations))?$/, 'chỉ nhận "source", "citations" hoặc "source,citations"')
    .optional()
    .meta({
      description:
        'Trả thêm: "source" = văn bản đã đọc (với .docx, .pdf là chữ trích ra; offset của phát hiện tính trên chuỗi này), "citations" = từng trích dẫn với những gì cancu đọc được và tình trạng hiệu lực tại ngày xét. Nhiều giá trị cách nhau bằng dấu phẩy.',
    }),
};

const citationViewSchema = model.citationViewSchema.meta({ id: 'CheckedCitation' });

export const checkReportSchema = z
  .object({
    results: z.array(
      z.object({
        file: z.string(),
        error: z.string().optional(),
        asOf: z.string().nullable().optional().meta({ description: 'Ngày đã dùng để xét hiệu lực (khi có include)' }),
        format: z.enum(DOCUMENT_FORMATS).optional(),
        source: z.string().optional().meta({ description: 'Văn bản đã đọc (include=source)' }),
        citations: z.array(citationViewSchema).optional().meta({ description: 'Trích dẫn (include=citations)' }),
        messages: z.array(model.checkMessageSchema.meta({ id: 'CheckMessage' })),
      }),
    ),
    errorCount: z.number().int(),
    warningCount: z.number().int(),
    infoCount: z.number().int(),
  })
  .meta({ id: 'CheckReport' });

export const checkDocumentEndpoint = defineEndpoint({
  method: 'post',
  operationId: 'checkDocument',
  summary: 'Kiểm tra trích dẫn của một dự thảo (như cancu check --format json)',
  description:
    `Gửi JSON {text, filename?, date?, lang?} hoặc multipart/form-data với tệp ${UPLOAD_EXTENSIONS.join(', ')} ở trường "file". Khi máy chủ có kho dữ liệu, các dữ kiện trong kho (tình trạng hiệu lực, văn bản đã biết) được dùng thêm cho các quy tắc cần tri thức.`,
  tags: ['Kế hoạch'],
  access: 'read',
  input: {
    body: z
      .strictObject({
        text: z.string().meta({ description: 'Toàn văn dự thảo' }),
        filename: z
          .string()
          .min(1)
          .max(255)
          .optional()
          .meta({ description: 'Tên tệp hiển thị trong kết quả; phần mở rộng (.txt, .md) chọn cách đọc. Mặc định draft.txt' }),
        ...options,
      })
      .meta({ id: 'CheckRequest' }),
    form: z.strictObject(options),
    upload: { field: 'file', extensions: UPLOAD_EXTENSIONS },
  },
  errors: ['invalid_json', 'payload_too_large', 'unsupported_media_type', 'unreadable_document', 'store_unavailable'],
  output: checkReportSchema,
  async handler({ body, form, file, lang, deps }) {
    const includeOf = (value: string | undefined) => (value ? (value.split(',') as ('source' | 'citations')[]) : []);
    const input = file
      ? { bytes: file.buffer, filename: file.filename, date: form?.date ?? null, lang: form?.lang ?? lang, include: includeOf(form?.include) }
      : { text: body!.text, filename: body!.filename ?? 'draft.txt', date: body!.date ?? null, lang: body!.lang ?? lang, include: includeOf(body!.include) };
    return checkDocument(input, { store: deps.store, resolver: deps.resolver });
  },
});
