// The OpenAPI 3.1 document, generated from the same zod schemas the endpoints validate with
// (zod-to-openapi): one source of truth for validation, responses and documentation.
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Config } from '../config.js';
import { querySchemaOf, type Endpoint } from './endpoint.js';
import { ERROR_CODES, errorEnvelopeSchema, type ErrorCode } from './errors.js';
import type { Routing } from './routes.js';

/** Express "/instruments/:ref" → OpenAPI "/instruments/{ref}". */
export const toOpenApiPath = (path: string) => path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');

const API_DESCRIPTION = `API phả hệ văn bản của cancu: tra cứu văn bản được trích dẫn trong các kế hoạch, văn bản thực hiện và căn cứ (trực tiếp và gián tiếp), kiểm tra trích dẫn của một dự thảo.

Mọi câu trả lời JSON dùng một phong bì: {"data": …} khi thành công, {"error": {"code", "message", "hint"?, "candidates"?}} khi lỗi. Thông báo bằng tiếng Việt; thêm ?lang=en hoặc Accept-Language: en để nhận tiếng Anh.

Tham chiếu :ref là khóa chuẩn (vn:tw:ct-tw:2016:05) hoặc trích dẫn như người viết, mã hóa URL ("/" thành %2F). Khi trích dẫn khớp nhiều văn bản mà không có văn bản nào khớp chính xác số, ký hiệu và mã cơ quan, API trả 409 ambiguous_ref với danh sách error.candidates.

Thao tác đọc mở theo mặc định (CANCU_READS_REQUIRE_KEY=true để đóng); thao tác ghi cần khóa API: Authorization: Bearer <khóa> hoặc X-API-Key: <khóa>.`;

/** Codes any endpoint may answer with, by its access. */
function errorCodesOf(endpoint: Endpoint, config: Config): ErrorCode[] {
  const codes = new Set<ErrorCode>(['invalid_request', 'internal_error', ...(endpoint.errors ?? [])]);
  if (endpoint.access === 'write') ['unauthorized', 'writes_disabled'].forEach((code) => codes.add(code as ErrorCode));
  if (endpoint.access === 'read' && config.readsRequireKey) codes.add('unauthorized');
  return [...codes];
}

function errorResponses(codes: ErrorCode[]): Record<string, ResponseConfig> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) byStatus.set(ERROR_CODES[code].status, [...(byStatus.get(ERROR_CODES[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, group]) => [
        String(status),
        {
          description: group.map((code) => `${code}: ${ERROR_CODES[code].description}`).join('; '),
          content: { 'application/json': { schema: errorEnvelopeSchema } },
        },
      ]),
  );
}

function successResponse(endpoint: Endpoint): ResponseConfig {
  const format = endpoint.format ?? 'envelope';
  if (format === 'html') return { description: 'Trang HTML', content: { 'text/html': { schema: endpoint.output } } };
  const schema = format === 'json' ? endpoint.output : z.object({ data: endpoint.output });
  const example = endpoint.example === undefined ? undefined : format === 'json' ? endpoint.example : { data: endpoint.example };
  return {
    description: endpoint.status === 201 ? 'Đã ghi' : 'Thành công',
    content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
  };
}

function requestBody(endpoint: Endpoint) {
  const { body, form, upload } = endpoint.input;
  if (!body && !form) return undefined;
  const content: Record<string, { schema: z.ZodType }> = {};
  if (body) content['application/json'] = { schema: body };
  if (form && upload) {
    content['multipart/form-data'] = {
      schema: form.extend({
        [upload.field]: z.string().meta({
          description: `Tệp ${upload.extensions.join(', ')}`,
          format: 'binary',
          contentMediaType: 'application/octet-stream',
        }),
      }),
    };
  }
  return { required: true, content };
}

export function buildOpenApiDocument(routing: Routing, config: Config): Record<string, unknown> {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'Khóa API trong CANCU_API_KEYS: Authorization: Bearer <khóa>',
  });
  registry.registerComponent('securitySchemes', 'apiKeyHeader', {
    type: 'apiKey',
    in: 'header',
    name: 'X-API-Key',
    description: 'Hoặc gửi khóa trong tiêu đề X-API-Key',
  });
  for (const [path, methods] of Object.entries(routing)) {
    for (const [method, endpoint] of Object.entries(methods) as [string, Endpoint][]) {
      const keyed = endpoint.access === 'write' || (endpoint.access === 'read' && config.readsRequireKey);
      registry.registerPath({
        method: method as 'get' | 'post',
        path: toOpenApiPath(path),
        operationId: endpoint.operationId,
        summary: endpoint.summary,
        ...(endpoint.description ? { description: endpoint.description } : {}),
        tags: endpoint.tags,
        ...(keyed ? { security: [{ bearerAuth: [] }, { apiKeyHeader: [] }] } : {}),
        request: {
          ...(endpoint.input.params ? { params: endpoint.input.params } : {}),
          query: querySchemaOf(endpoint),
          ...(requestBody(endpoint) ? { body: requestBody(endpoint) } : {}),
        },
        responses: {
          [String(endpoint.status ?? 200)]: successResponse(endpoint),
          ...errorResponses(errorCodesOf(endpoint, config)),
        },
      });
    }
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'cancu — API phả hệ văn bản', version: '0.1.0', description: API_DESCRIPTION },
    tags: [
      { name: 'Văn bản', description: 'Tra cứu, tìm kiếm và ghi tình trạng hiệu lực' },
      { name: 'Phả hệ', description: 'Văn bản thực hiện, căn cứ, đồ thị phả hệ' },
      { name: 'Kế hoạch', description: 'Văn bản đã nạp, kiểm tra trích dẫn, nạp văn bản mới' },
      { name: 'Hệ thống', description: 'Tình trạng và tài liệu' },
    ],
  }) as unknown as Record<string, unknown>;
}
