// GET /docs — the API documentation as a readable page, rendered from the OpenAPI document.
import { z } from 'zod';
import { renderDocsPage } from '../docs-page.js';
import { defineEndpoint } from '../endpoint.js';

export const docsEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'docs',
  summary: 'Tài liệu API dạng trang HTML',
  tags: ['Hệ thống'],
  access: 'public',
  format: 'html',
  input: {},
  output: z.string(),
  async handler({ openapi }) {
    return renderDocsPage(openapi());
  },
});
