// GET /instruments/:ref/lineage — the neighbourhood of `ref` as a graph {nodes, edges}.
import { z } from 'zod';
import { traceLineage } from '../../service/instruments.js';
import { defineEndpoint } from '../endpoint.js';
import { edgeSchema, instrumentSchema, refParams } from '../schemas.js';

const hops = (what: string) =>
  z.coerce.number().int().min(0).max(10).default(2).meta({ description: `Số bước ${what} (0–10, mặc định 2)` });

export const getLineageEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'getLineage',
  summary: 'Phả hệ của văn bản: đồ thị căn cứ (lên) và văn bản thực hiện (xuống)',
  tags: ['Phả hệ'],
  access: 'read',
  input: {
    params: refParams,
    query: z.object({ up: hops('lên phía căn cứ'), down: hops('xuống phía văn bản thực hiện') }),
  },
  errors: ['not_found', 'ambiguous_ref', 'store_unavailable'],
  output: z
    .object({
      key: z.string(),
      nodes: z.array(instrumentSchema),
      edges: z.array(edgeSchema),
    })
    .meta({ id: 'Lineage' }),
  async handler({ params, query, deps }) {
    return traceLineage(deps.store, params.ref, query);
  },
});
