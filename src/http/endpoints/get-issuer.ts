// GET /issuers/:key — one issuing body: its validity and, when it ended, who took over.
import { z } from 'zod';
import { describeIssuer } from '../../service/issuers.js';
import { defineEndpoint } from '../endpoint.js';
import { issuerSchema, successionSchema } from '../schemas.js';

export const getIssuerEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'getIssuer',
  summary: 'Một cơ quan ban hành: thời hạn tồn tại và cơ quan kế thừa (sắp xếp đơn vị hành chính 2025)',
  tags: ['Cơ quan ban hành'],
  access: 'read',
  input: {
    params: z.object({
      key: z.string().min(1).max(200).meta({ description: 'Khóa cơ quan', example: 'hoa-binh.lac-thuy:ubnd' }),
    }),
  },
  errors: ['not_found', 'store_unavailable'],
  output: z
    .object({
      issuer: issuerSchema,
      successors: z.array(successionSchema).meta({ description: 'Chuỗi cơ quan kế thừa, gần nhất trước' }),
      predecessors: z.array(successionSchema).meta({ description: 'Cơ quan mà cơ quan này kế thừa trực tiếp' }),
      instrumentCount: z.number().int().meta({ description: 'Số văn bản trong đồ thị do cơ quan này ban hành' }),
    })
    .meta({ id: 'IssuerDetail' }),
  async handler({ params, deps }) {
    return describeIssuer(deps.store, params.key);
  },
});
