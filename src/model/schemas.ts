// The shapes several layers share (graph, registry, lint, API, CLI), as zod schemas with the
// TypeScript types derived from them. The model depends on nothing else in src/; every layer may
// import it. Runtime checks on paths that do not load zod use the tuples of values.ts (the same
// values these schemas are built from); import the types here with `import type`.
// The descriptions (meta) are the API's documentation of each field: src/http gives the shapes
// their component names (meta id) for the OpenAPI document.
import { z } from 'zod';
import { CONFIDENCES, EDGE_KINDS, INSTRUMENT_STATUSES, ISSUER_LEVELS, LANGS, STATUS_EVENT_KINDS } from './values.js';

export const instrumentStatusSchema = z.enum(INSTRUMENT_STATUSES);
export type InstrumentStatus = z.infer<typeof instrumentStatusSchema>;

export const statusEventKindSchema = z.enum(STATUS_EVENT_KINDS);
export type StatusEventKind = z.infer<typeof statusEventKindSchema>;

export const confidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof confidenceSchema>;

/** The language of messages: Vietnamese (the default) or English. */
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;

export const edgeKindSchema = z.enum(EDGE_KINDS);
export type EdgeKind = z.infer<typeof edgeKindSchema>;

export const issuerLevelSchema = z.enum(ISSUER_LEVELS);
export type IssuerLevel = z.infer<typeof issuerLevelSchema>;

/**
 * An instrument as a search, lineage or resolver hit names it: its key and the four fields a
 * reader recognises it by (also the candidates of an ambiguous reference).
 */
export const instrumentRefSchema = z.object({
  key: z.string(),
  type: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
});
export type InstrumentRef = z.infer<typeof instrumentRefSchema>;

/** An instrument of the graph (a node): a cited instrument, or an ingested document. */
export const instrumentNodeSchema = z.object({
  /** Canonical key (src/citations/keys.ts), e.g. "vn:tw:nd-cp:2015:04". */
  key: z.string().meta({ description: 'Khóa chuẩn', example: 'vn:tw:ct-tw:2016:05' }),
  type: z.string().nullable().meta({ example: 'Chỉ thị' }),
  /** Canonical number/symbol, e.g. "04/2015/NĐ-CP"; null for named instruments. */
  number: z.string().nullable().meta({ description: 'Số, ký hiệu chuẩn', example: '05-CT/TW' }),
  family: z.string().nullable(),
  /** ISO date, when known. */
  date: z.string().nullable().meta({ description: 'Ngày ban hành (ISO), nếu biết' }),
  year: z.number().int().nullable(),
  /** Issuer name as best known (the first citation's "của …" phrase, or the registry name). */
  issuer: z.string().nullable().meta({ description: 'Cơ quan ban hành' }),
  issuerCode: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  subject: z.string().nullable().meta({ description: 'Trích yếu' }),
  status: instrumentStatusSchema,
  /** True when the node is an ingested document (label :Document in Neo4j). */
  isDocument: z.boolean().meta({ description: 'true khi là văn bản đã nạp toàn văn (kế hoạch)' }),
  /** Source file (relative path) of an ingested document. */
  file: z.string().nullable().optional(),
  /** sha256 of the ingested file's bytes. */
  contentHash: z.string().nullable().optional(),
});
export type InstrumentNode = z.infer<typeof instrumentNodeSchema>;

/** A status event of an instrument as the graph stores it (the acting instrument by key). */
export const statusEventSchema = z.object({
  kind: statusEventKindSchema,
  /** Key of the acting instrument, when there is one. */
  by: z.string().nullable().meta({ description: 'Khóa chuẩn của văn bản tác động (thay thế, bãi bỏ …), nếu có' }),
  /** ISO date the event took effect. */
  date: z.string().meta({ description: 'Ngày có hiệu lực (ISO)' }),
  confidence: confidenceSchema,
  /** URL or document key the fact comes from. */
  source: z.string().meta({ description: 'URL hoặc khóa văn bản là nguồn của dữ kiện' }),
  note: z.string().nullable().optional(),
});
export type StatusEvent = z.infer<typeof statusEventSchema>;

/** One answer of an implementers / basis question: the instrument, how far, and by which path. */
export const lineageHitSchema = instrumentRefSchema.extend({
  /** Number of hops from the start node (1 = direct). */
  depth: z.number().int().meta({ description: 'Số bước từ văn bản hỏi (1 = trực tiếp)' }),
  /** Keys from the start node to this node, both included. */
  path: z.array(z.string()).meta({ description: 'Các khóa từ văn bản hỏi đến văn bản này (gồm cả hai đầu)' }),
});
export type LineageHit = z.infer<typeof lineageHitSchema>;

/** A finding as the graph keeps it with an ingested document. */
export const storedFindingSchema = z.object({
  ruleId: z.string(),
  severity: z.string(),
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  evidence: z.string(),
  expected: z.string().nullable().optional(),
});
export type StoredFinding = z.infer<typeof storedFindingSchema>;

/**
 * An issuing body (cơ quan ban hành) in one place: "UBND tỉnh Hòa Bình" is `hoa-binh:ubnd`,
 * "Chính phủ" `tw:cp`.
 */
export const issuerNodeSchema = z.object({
  key: z.string().meta({ description: 'Khóa cơ quan: <địa bàn>:<mã>', example: 'hoa-binh.lac-thuy:ubnd' }),
  /** Official code in symbols ("UBND", "SGDĐT", "TU"). */
  code: z.string().meta({ description: 'Mã trong ký hiệu văn bản', example: 'UBND' }),
  name: z.string().meta({ example: 'Ủy ban nhân dân huyện Lạc Thủy' }),
  level: issuerLevelSchema.nullable(),
  /** "tw", a province slug, or "province.district". */
  jurisdiction: z.string().meta({ description: '"tw", tỉnh, hoặc "tỉnh.huyện"' }),
  party: z.boolean().meta({ description: 'Cơ quan của Đảng' }),
  /** First day it existed, when known. */
  validFrom: z.string().nullable(),
  /** First day it no longer existed (ISO), when it ended. */
  validTo: z.string().nullable().meta({ description: 'Ngày đầu tiên cơ quan không còn tồn tại (ISO), nếu đã chấm dứt' }),
  /** Where validity comes from (URL), null for a body with no recorded end. */
  source: z.string().nullable().meta({ description: 'Nguồn của dữ kiện hiệu lực (URL)' }),
  confidence: confidenceSchema.nullable().meta({ description: 'inferred: dữ kiện suy luận' }),
});
export type IssuerNode = z.infer<typeof issuerNodeSchema>;

/** `from` ended and `to` took over its functions on `date`. */
export const successionEdgeSchema = z.object({
  from: z.string(),
  to: z.string(),
  date: z.string().meta({ description: 'Ngày cơ quan kế thừa bắt đầu đảm nhận (ISO)' }),
  /** Instruments that decided it ("202/2025/QH15"). */
  by: z.string().nullable().meta({ description: 'Văn bản quyết định việc sắp xếp', example: '202/2025/QH15' }),
  /** What took over, in words, when it is more than `to`. */
  note: z.string().nullable().meta({ description: 'Ai đảm nhận, khi không chỉ là cơ quan "to"' }),
  source: z.string(),
  confidence: confidenceSchema,
});
export type SuccessionEdge = z.infer<typeof successionEdgeSchema>;
