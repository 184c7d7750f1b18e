// Zod schemas shared by several endpoints: the shapes of the graph as the API shows them.
// Each named schema (meta id) becomes a component of the OpenAPI document.
import { z } from 'zod';
import { statusEventKindSchema } from '../model/schemas.js';
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

export const instrumentStatusSchema = z
  .enum(['unknown', 'in_force', 'amended', 'replaced', 'repealed', 'expired', 'partly_expired'])
  .meta({ id: 'InstrumentStatus', description: 'Tình trạng hiệu lực; "unknown" khi chưa có dữ kiện (không bao giờ mặc định là còn hiệu lực).' });

export const instrumentSchema = z
  .object({
    key: z.string().meta({ description: 'Khóa chuẩn', example: 'vn:tw:ct-tw:2016:05' }),
    type: z.string().nullable().meta({ example: 'Chỉ thị' }),
    number: z.string().nullable().meta({ description: 'Số, ký hiệu chuẩn', example: '05-CT/TW' }),
    family: z.string().nullable(),
    date: z.string().nullable().meta({ description: 'Ngày ban hành (ISO), nếu biết' }),
    year: z.number().int().nullable(),
    issuer: z.string().nullable().meta({ description: 'Cơ quan ban hành' }),
    issuerCode: z.string().nullable(),
    jurisdiction: z.string().nullable(),
    subject: z.string().nullable().meta({ description: 'Trích yếu' }),
    status: instrumentStatusSchema,
    isDocument: z.boolean().meta({ description: 'true khi là văn bản đã nạp toàn văn (kế hoạch)' }),
    file: z.string().nullable().optional(),
    contentHash: z.string().nullable().optional(),
  })
  .meta({ id: 'Instrument' });

export { statusEventKindSchema };

export const statusEventSchema = z
  .object({
    kind: statusEventKindSchema,
    by: z.string().nullable().meta({ description: 'Khóa chuẩn của văn bản tác động (thay thế, bãi bỏ …), nếu có' }),
    date: z.string().meta({ description: 'Ngày có hiệu lực (ISO)' }),
    confidence: z.enum(['stated', 'inferred']),
    source: z.string().meta({ description: 'URL hoặc khóa văn bản là nguồn của dữ kiện' }),
    note: z.string().nullable().optional(),
  })
  .meta({ id: 'StatusEvent' });

export const lineageHitSchema = z
  .object({
    key: z.string(),
    type: z.string().nullable(),
    number: z.string().nullable(),
    date: z.string().nullable(),
    issuer: z.string().nullable(),
    depth: z.number().int().meta({ description: 'Số bước từ văn bản hỏi (1 = trực tiếp)' }),
    path: z.array(z.string()).meta({ description: 'Các khóa từ văn bản hỏi đến văn bản này (gồm cả hai đầu)' }),
  })
  .meta({ id: 'LineageHit' });

export const edgeKindSchema = z.enum(['CITES', 'BASED_ON', 'IMPLEMENTS', 'AMENDS', 'GUIDES', 'REPLACES', 'REPEALS', 'CONTINUES', 'REVIEWS']);

export const edgeSchema = z
  .object({ from: z.string(), to: z.string(), kind: edgeKindSchema })
  .meta({ id: 'Edge', description: 'Cạnh có hướng: from trích dẫn / thực hiện / căn cứ vào to' });

export const findingSchema = z
  .object({
    ruleId: z.string(),
    severity: z.string(),
    message: z.string(),
    line: z.number().int(),
    column: z.number().int(),
    evidence: z.string(),
    expected: z.string().nullable().optional(),
  })
  .meta({ id: 'StoredFinding' });

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

export const issuerSchema = z
  .object({
    key: z.string().meta({ description: 'Khóa cơ quan: <địa bàn>:<mã>', example: 'hoa-binh.lac-thuy:ubnd' }),
    code: z.string().meta({ description: 'Mã trong ký hiệu văn bản', example: 'UBND' }),
    name: z.string().meta({ example: 'Ủy ban nhân dân huyện Lạc Thủy' }),
    level: z.enum(['trung-uong', 'tinh', 'huyen', 'xa']).nullable(),
    jurisdiction: z.string().meta({ description: '"tw", tỉnh, hoặc "tỉnh.huyện"' }),
    party: z.boolean().meta({ description: 'Cơ quan của Đảng' }),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable().meta({ description: 'Ngày đầu tiên cơ quan không còn tồn tại (ISO), nếu đã chấm dứt' }),
    source: z.string().nullable().meta({ description: 'Nguồn của dữ kiện hiệu lực (URL)' }),
    confidence: z.enum(['stated', 'inferred']).nullable().meta({ description: 'inferred: dữ kiện suy luận' }),
  })
  .meta({ id: 'Issuer' });

export const successionSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    date: z.string().meta({ description: 'Ngày cơ quan kế thừa bắt đầu đảm nhận (ISO)' }),
    by: z.string().nullable().meta({ description: 'Văn bản quyết định việc sắp xếp', example: '202/2025/QH15' }),
    note: z.string().nullable().meta({ description: 'Ai đảm nhận, khi không chỉ là cơ quan "to"' }),
    source: z.string(),
    confidence: z.enum(['stated', 'inferred']),
    issuer: issuerSchema,
  })
  .meta({ id: 'Succession' });
