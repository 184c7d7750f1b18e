// GET /instruments/:ref — one instrument: identity, status and its history, issuer, who cites it.
import { z } from 'zod';
import { describeInstrument } from '../../service/instruments.js';
import { defineEndpoint } from '../endpoint.js';
import { instrumentSchema, issuerSchema, refParams, statusEventSchema } from '../schemas.js';

export const instrumentDetailSchema = z
  .object({
    instrument: instrumentSchema,
    citationCount: z.number().int().meta({ description: 'Tổng số lần được trích dẫn' }),
    citedBy: z
      .array(z.object({ key: z.string(), file: z.string().nullable(), count: z.number().int() }))
      .meta({ description: 'Văn bản đã nạp trích dẫn văn bản này, và số lần (có thể bị cắt bớt, xem citedByTotal)' }),
    citedByTotal: z.number().int().optional().meta({ description: 'Số văn bản trích dẫn khác nhau khi citedBy bị cắt bớt' }),
    statusEvents: z.array(statusEventSchema).meta({ description: 'Lịch sử hiệu lực, kèm nguồn' }),
    issuedBy: z.array(issuerSchema).optional().meta({ description: 'Cơ quan ban hành (ISSUED_BY), kèm thời hạn tồn tại' }),
    relations: z
      .array(z.object({ kind: z.string(), direction: z.enum(['out', 'in']), key: z.string() }))
      .meta({ description: 'Quan hệ có kiểu (thực hiện, căn cứ, sửa đổi …), không gồm CITES' }),
  })
  .meta({ id: 'InstrumentDetail' });

export const getInstrumentEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'getInstrument',
  summary: 'Thông tin một văn bản: tình trạng, cơ quan ban hành, lịch sử hiệu lực, ai trích dẫn',
  tags: ['Văn bản'],
  access: 'read',
  input: { params: refParams },
  errors: ['not_found', 'ambiguous_ref', 'store_unavailable'],
  output: instrumentDetailSchema,
  async handler({ params, deps }) {
    return describeInstrument(deps.store, params.ref);
  },
});
