// What a check answers, the same everywhere: `cancu check --format json`, POST /check and the web
// page read one report shape; with `include=citations` each citation is shown with what was read
// and its state on the judging date.
import { z } from 'zod';
import { CITATION_STATES, SEVERITIES } from './values.js';
import { confidenceSchema } from './schemas.js';

export const severitySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof severitySchema>;

export const citationStateSchema = z.enum(CITATION_STATES);
export type CitationState = z.infer<typeof citationStateSchema>;

/** A citation as a check shows it: where it stands, what was read, and the instrument's state. */
export const citationViewSchema = z.object({
  offset: z.number().int(),
  length: z.number().int(),
  line: z.number().int(),
  column: z.number().int(),
  section: z.string().meta({ description: 'title | can_cu | body | tail' }),
  surface: z.string(),
  type: z.string(),
  number: z.string().nullable(),
  canonicalNumber: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
  subject: z.string().nullable(),
  key: z.string().nullable().meta({ description: 'Khóa chuẩn; dùng với GET /instruments/{ref}/lineage' }),
  status: z.object({
    state: citationStateSchema,
    /** Canonical number of the instrument that replaced, repealed or amended it. */
    by: z.string().nullable().meta({ description: 'Văn bản thay thế / bãi bỏ / sửa đổi' }),
    /** When that took effect. */
    since: z.string().nullable(),
    /** Where the fact comes from, and whether it is stated or inferred. */
    source: z.string().nullable().meta({ description: 'Nguồn của dữ kiện' }),
    confidence: confidenceSchema.nullable(),
  }),
});
export type CitationView = z.infer<typeof citationViewSchema>;

/** One finding in a check report. */
export const checkMessageSchema = z.object({
  ruleId: z.string(),
  severity: severitySchema,
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  offset: z.number().int().meta({ description: 'Vị trí (UTF-16) trong tệp nguồn' }),
  length: z.number().int(),
  evidence: z.string().meta({ description: 'Nguyên văn đoạn bị phát hiện' }),
  expected: z.string().nullable().meta({ description: 'Cách viết đúng, khi quy tắc biết' }),
  cause: z.string().optional().meta({ description: 'Dữ kiện làm căn cứ (nguồn, có phải suy luận)' }),
  url: z.string().optional(),
});
export type CheckMessage = z.infer<typeof checkMessageSchema>;
