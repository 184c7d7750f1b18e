// GET /instruments/:ref/implementers — plans and instruments that implement `ref`, transitively.
import { z } from 'zod';
import { findImplementers } from '../../service/instruments.js';
import { defineEndpoint } from '../endpoint.js';
import { cursorQuery, depthQuery, limitQuery, lineageHitSchema, refParams } from '../schemas.js';

export const lineagePageSchema = z
  .object({
    key: z.string().meta({ description: 'Khóa chuẩn của văn bản được hỏi' }),
    depth: z.number().int(),
    items: z.array(lineageHitSchema),
    nextCursor: z.string().nullable().meta({ description: 'Con trỏ trang sau, null khi hết' }),
  })
  .meta({ id: 'LineagePage' });

export const listImplementersEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'listImplementers',
  summary: 'Các văn bản thực hiện văn bản này (trực tiếp và gián tiếp)',
  description: 'Theo các cạnh IMPLEMENTS / CONTINUES / GUIDES đi vào, tối đa `depth` bước; sắp theo độ sâu.',
  tags: ['Phả hệ'],
  access: 'read',
  input: {
    params: refParams,
    query: z.object({ depth: depthQuery, limit: limitQuery, cursor: cursorQuery }),
  },
  errors: ['not_found', 'ambiguous_ref', 'store_unavailable'],
  output: lineagePageSchema,
  async handler({ params, query, deps }) {
    return findImplementers(deps.store, params.ref, query);
  },
});
