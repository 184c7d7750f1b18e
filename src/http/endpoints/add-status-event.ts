// POST /instruments/:ref/status — record a validity event (replaced, repealed, amended, expired)
// with the source it comes from. Needs an API key.
import { z } from 'zod';
import { confidenceSchema } from '../../model/schemas.js';
import { recordStatusEvent } from '../../service/status.js';
import { defineEndpoint } from '../endpoint.js';
import { refParams, statusEventKindSchema, statusEventSchema } from '../schemas.js';
import { instrumentDetailSchema } from './get-instrument.js';

export const addStatusEventEndpoint = defineEndpoint({
  method: 'post',
  operationId: 'addStatusEvent',
  summary: 'Ghi một sự kiện hiệu lực của văn bản (bị thay thế, bãi bỏ, sửa đổi, hết hiệu lực), kèm nguồn',
  description:
    'Cần khóa API. `by` là khóa chuẩn hoặc trích dẫn của văn bản tác động (có thể chưa có trong đồ thị). `source` bắt buộc: URL hoặc khóa văn bản nêu dữ kiện; `confidence` = inferred khi là suy luận.',
  tags: ['Văn bản'],
  access: 'write',
  status: 201,
  input: {
    params: refParams,
    body: z
      .strictObject({
        kind: statusEventKindSchema,
        by: z.string().min(1).max(300).nullable().default(null),
        date: z.iso.date().meta({ description: 'Ngày sự kiện có hiệu lực (YYYY-MM-DD)' }),
        confidence: confidenceSchema.default('stated'),
        source: z.string().min(3).max(2000).meta({ description: 'URL hoặc khóa văn bản là nguồn của dữ kiện' }),
        note: z.string().max(4000).nullable().default(null),
      })
      .meta({
        id: 'StatusEventInput',
        example: {
          kind: 'replaced_by',
          by: 'Nghị định số 30/2020/NĐ-CP',
          date: '2020-03-05',
          confidence: 'stated',
          source: 'https://vanban.chinhphu.vn/?pageid=27160&docid=199531',
        },
      }),
  },
  errors: ['invalid_json', 'unauthorized', 'writes_disabled', 'not_found', 'ambiguous_ref', 'invalid_input', 'payload_too_large', 'store_unavailable'],
  output: z
    .object({ key: z.string(), event: statusEventSchema, instrument: instrumentDetailSchema })
    .meta({ id: 'RecordedStatus' }),
  async handler({ params, body, deps }) {
    return recordStatusEvent(deps.store, params.ref, body!);
  },
});
