// GET /instruments — search by a citation as people write it, or by filters and free text.
import { z } from 'zod';
import { searchInstruments } from '../../service/instruments.js';
import { defineEndpoint } from '../endpoint.js';
import { cursorQuery, instrumentSchema, limitQuery } from '../schemas.js';

export const searchInstrumentsEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'searchInstruments',
  summary: 'Tìm văn bản theo trích dẫn, loại, cơ quan, năm hoặc từ khóa',
  description:
    '`q` nhận trích dẫn như người viết ("Chỉ thị 05-CT/TW", "NĐ 30/2020", "Nghị định số 30/2020/NĐ-CP") hoặc khóa chuẩn; khi không phải trích dẫn (hoặc trích dẫn không khớp gì) thì tìm như từ khóa trong số hiệu, trích yếu, cơ quan ban hành.',
  tags: ['Văn bản'],
  access: 'read',
  input: {
    query: z.object({
      q: z.string().max(300).optional().meta({ description: 'Trích dẫn hoặc từ khóa', example: 'Chỉ thị 05-CT/TW' }),
      type: z.string().max(100).optional().meta({ description: 'Loại văn bản', example: 'Kế hoạch' }),
      issuer: z.string().max(200).optional().meta({ description: 'Cơ quan ban hành (một phần tên)' }),
      issuerKey: z.string().max(200).optional().meta({ description: 'Khóa cơ quan ban hành (GET /issuers): chỉ văn bản của cơ quan này', example: 'hoa-binh.lac-thuy:ubnd' }),
      year: z.coerce.number().int().min(1945).max(2100).optional(),
      limit: limitQuery,
      cursor: cursorQuery,
    }),
  },
  errors: ['invalid_input', 'store_unavailable'],
  output: z
    .object({
      interpretedAs: z
        .enum(['citation', 'text', 'none'])
        .meta({ description: 'citation: q được đọc như trích dẫn; text: như từ khóa; none: không có q' }),
      items: z.array(instrumentSchema),
      nextCursor: z.string().nullable(),
    })
    .meta({ id: 'InstrumentSearchPage' }),
  async handler({ query, deps }) {
    return searchInstruments(deps.store, query);
  },
});
