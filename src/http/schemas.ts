// Zod schemas shared by several endpoints: the shapes of the graph as the API shows them.
// Each named schema (meta id) becomes a component of the OpenAPI document.
import { z } from 'zod';
import * as model from '../model/schemas.js';
import { depthValue } from '../service/values.js';

export const refParams = z.object({
  ref: z
    .string()
    .min(1)
    .max(300)
    .meta({
      description:
        'Khóa chuẩn (vn:tw:ct-tw:2016:05) hoặc trích dẫn đã mã hóa URL ("Chỉ thị 05-CT/TW" → Ch%E1%BB%89%20th%E1%BB%8B%2005-CT%2FTW). Nhiều văn bản khớp → 409 với danh sách ứng viên.',
      example: 'vn:tw:ct-tw:2016:05',
    }),
});

export const instrumentStatusSchema = model.instrumentStatusSchema.meta({
  id: 'InstrumentStatus',
  description: 'Tình trạng hiệu lực; "unknown" khi chưa có dữ kiện (không bao giờ mặc định là còn hiệu lực).',
});

export const instrumentSchema = model.instrumentNodeSchema.extend({ status: instrumentStatusSchema }).meta({ id: 'Instrument' });

export const statusEventKindSchema = model.statusEventKindSchema;

export const statusEventSchema = model.statusEventSchema.meta({ id: 'StatusEvent' });

export const lineageHitSchema = model.lineageHitSchema.meta({ id: 'LineageHit' });

export const edgeKindSchema = model.edgeKindSchema;

export const edgeSchema = z
  .object({ from: z.string(), to: z.string(), kind: edgeKindSchema })
  .meta({ id: 'Edge', description: 'Cạnh có hướng: from trích dẫn / thực hiện / căn cứ vào to' });

export const findingSchema = model.storedFindingSchema.meta({ id: 'StoredFinding' });

export const depthQuery = depthValue
  .default(3)
  .meta({ description: 'Số bước tối đa (1–10, mặc định 3)' });

export const limitQuery = z.coerce
  .number()
  .int()
  .min(1)
  .max(1000)
  .default(100)
  .meta({ description: 'Số kết quả mỗi trang (1–1000, mặc định 100)' });

export const cursorQuery = z
  .string()
  .min(1)
  .max(1000)
  .optional()
  .meta({ description: 'Giá trị nextCursor của trang trước' });

export const issuerSchema = model.issuerNodeSchema.meta({ id: 'Issuer' });

export const successionSchema = model.successionEdgeSchema.extend({ issuer: issuerSchema }).meta({ id: 'Succession' });
