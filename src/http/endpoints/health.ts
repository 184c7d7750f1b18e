// GET /health — is the API up and does its store answer? 503 when the store does not.
import { z } from 'zod';
import { checkHealth } from '../../service/health.js';
import { defineEndpoint } from '../endpoint.js';
import { HttpError } from '../errors.js';

export const healthEndpoint = defineEndpoint({
  method: 'get',
  operationId: 'health',
  summary: 'Tình trạng API và kho dữ liệu',
  description:
    'Hỏi kho dữ liệu mỗi lần gọi (không lưu kết quả cũ): 200 khi kho trả lời, 503 (store_unavailable) khi Neo4j không phản hồi. Không cần khóa API.',
  tags: ['Hệ thống'],
  access: 'public',
  input: {},
  errors: ['store_unavailable'],
  output: z
    .object({
      status: z.literal('ok'),
      store: z.enum(['memory', 'neo4j']).meta({ description: 'memory: kho nhúng mặc định; neo4j: Neo4j thật' }),
      detail: z.string(),
    })
    .meta({ id: 'Health' }),
  example: { status: 'ok', store: 'neo4j', detail: 'bolt://127.0.0.1:7687 (neo4j)' },
  async handler({ deps }) {
    const health = await checkHealth(deps.store);
    if (!health.ok) {
      const name = health.store === 'neo4j' ? 'Neo4j' : 'kho nhúng (memory)';
      const nameEn = health.store === 'neo4j' ? 'Neo4j' : 'the embedded store';
      throw new HttpError(
        503,
        'store_unavailable',
        `Kho dữ liệu ${name} không phản hồi: ${health.detail}`,
        `The ${nameEn} store does not answer: ${health.detail}`,
        {
          headers: { 'Retry-After': '5' },
          details: { store: health.store },
          hint: {
            vi: 'Kiểm tra máy chủ Neo4j (npm run db:status); API tự kết nối lại khi Neo4j hoạt động trở lại.',
            en: 'Check the Neo4j server (npm run db:status); the API reconnects by itself when Neo4j is back.',
          },
        },
      );
    }
    return { status: 'ok' as const, store: health.store, detail: health.detail };
  },
});
