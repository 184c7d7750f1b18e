// GET /instruments/:ref/basis — what `ref` rests on, transitively, up to the central instruments.
import { z } from 'zod';
import { findBasis } from '../../service/instruments.js';
import { defineEndpoint } from '../endpoint.js';
import { cursorQuery, depthQuery, limitQuery, refParams } from '../schemas.js';
import { lineagePageSchema } from './list-implementers.js';

export const listBasisEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'listBasis',
  summary: 'Các văn bản làm căn cứ cho văn bản này (trực tiếp và gián tiếp)',
  description: 'Theo các cạnh CITES / BASED_ON / IMPLEMENTS / CONTINUES / GUIDES / AMENDS đi ra, tối đa `depth` bước.',
  tags: ['Phả hệ'],
  access: 'read',
  input: {
    params: refParams,
    query: z.object({ depth: depthQuery, limit: limitQuery, cursor: cursorQuery }),
  },
  errors: ['not_found', 'ambiguous_ref', 'store_unavailable'],
  output: lineagePageSchema,
  async handler({ params, query, deps }) {
    return findBasis(deps.store, params.ref, query);
  },
});
