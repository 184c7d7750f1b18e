// GET /openapi.json — the OpenAPI 3.1 document of this API.
import { z } from 'zod';
import { defineEndpoint } from '../endpoint.js';

export const openapiEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'openapi',
  summary: 'Tài liệu OpenAPI 3.1 (JSON) của API',
  tags: ['Hệ thống'],
  access: 'public',
  format: 'json',
  input: {},
  output: z.looseObject({ openapi: z.string(), info: z.looseObject({ title: z.string() }), paths: z.record(z.string(), z.unknown()) }),
  async handler({ openapi }) {
    return openapi() as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
  },
});
