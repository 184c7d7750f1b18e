// GET /issuers — the issuing bodies the graph knows, filtered by name, place or whether they ended.
import { z } from 'zod';
import { listIssuers } from '../../service/issuers.js';
import { defineEndpoint } from '../endpoint.js';
import { issuerSchema } from '../schemas.js';

export const listIssuersEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'listIssuers',
  summary: 'Danh sách cơ quan ban hành, lọc theo tên, địa bàn, hoặc đã chấm dứt hay chưa',
  tags: ['Cơ quan ban hành'],
  access: 'read',
  input: {
    query: z.object({
      q: z.string().max(200).optional().meta({ description: 'Một phần tên hoặc khóa (không phân biệt dấu)', example: 'Lạc Thủy' }),
      jurisdiction: z.string().max(200).optional().meta({ description: 'Địa bàn (gồm cả cấp dưới)', example: 'hoa-binh' }),
      ended: z.enum(['true', 'false']).optional().meta({ description: 'true: chỉ cơ quan đã chấm dứt; false: chỉ cơ quan còn tồn tại' }),
    }),
  },
  errors: ['invalid_input', 'store_unavailable'],
  output: z.object({ items: z.array(issuerSchema) }).meta({ id: 'IssuerList' }),
  async handler({ query, deps }) {
    const items = await listIssuers(deps.store, { q: query.q, jurisdiction: query.jurisdiction, ended: query.ended === undefined ? undefined : query.ended === 'true' });
    return { items };
  },
});
