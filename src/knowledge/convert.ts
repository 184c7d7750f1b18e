// Conversion of the researched raw facts (../shared/registry/*.jsonl, see its README) into the
// registry's own format (schema.ts). The conversion restructures, it never changes meaning:
//   - "Quy định (Đảng)" becomes type "Quy định" with family "party" (the family is read off the number);
//   - "Ban Bí thư (suy luận)" / "(theo đề bài)" becomes issuer "Ban Bí thư" with issuerConfidence "inferred";
//   - an event whose own note says it touches only part of the instrument ("Bãi bỏ một phần",
//     "Thay thế một phần", "Chỉ phần áp dụng cho …", "phần về …") gets partial: true, and a partial
//     "expired" becomes "partly_expired";
//   - the "by" of an administrative-unit line ("72/2025/QH15 (Luật …); 203/2025/QH15 (…)") is split
//     into the instrument numbers, the original text kept in byText.
// Confidence marks, dates, sources and notes are copied as they are.
// Used by scripts/build-registry.ts, and by a test that keeps fixtures/registry in step with the source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { slugify } from '../citations/vocabulary/places.js';
import { confidenceSchema, statusEventKindSchema } from '../model/schemas.js';
import { familyOfNumber, isCentralKey, numberKey } from './normalize.js';
import {
  adminUnitSchema,
  instrumentSchema,
  type AdminUnitRecord,
  type InstrumentRecord,
} from './schema.js';

const rawEvent = z.object({
  /** The researched facts never say "partly_expired": a partial "expired" becomes it here. */
  kind: statusEventKindSchema.exclude(['partly_expired']),
  by: z.string().nullable(),
  date: z.string().nullable(),
  confidence: confidenceSchema,
  source: z.string(),
  note: z.string().optional(),
});

export const rawInstrumentSchema = z.object({
  ref: z.string(),
  type: z.string(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  signed: z.string().nullable(),
  effective: z.string().nullable(),
  events: z.array(rawEvent),
  notes: z.string().optional(),
  sources: z.array(z.string()).optional(),
});
export type RawInstrument = z.infer<typeof rawInstrumentSchema>;

export const rawAdminUnitSchema = z.object({
  unit: z.string(),
  became: z.string(),
  effective: z.string(),
  resolution_effective: z.string().nullable().optional(),
  by: z.string(),
  source: z.string(),
  other_sources: z.array(z.string()).optional(),
  confidence: confidenceSchema,
  level: z.enum(['tỉnh', 'huyện']),
  notes: z.string().optional(),
});
export type RawAdminUnit = z.infer<typeof rawAdminUnitSchema>;

/** Words in an event's own note that say it touches only part of the instrument. */
const PARTIAL_NOTE = /(?:một phần|chỉ phần|phần về|phần áp dụng)/iu;
const INFERRED_ISSUER = /\s*\((?:suy luận|theo đề bài)\)\s*$/u;

export function convertInstrument(raw: RawInstrument): InstrumentRecord {
  const family = familyOfNumber(raw.ref);
  if (!isCentralKey(numberKey(raw.ref))) {
    throw new Error(`${raw.ref}: a local instrument needs a jurisdiction the raw format does not carry`);
  }
  const issuerInferred = raw.issuer !== null && INFERRED_ISSUER.test(raw.issuer);
  const record: InstrumentRecord = {
    number: raw.ref,
    type: raw.type.replace(/\s*\(Đảng\)\s*$/u, ''),
    family,
    title: raw.title,
    issuer: raw.issuer === null ? null : raw.issuer.replace(INFERRED_ISSUER, ''),
    issuerConfidence: issuerInferred ? 'inferred' : 'stated',
    jurisdiction: 'tw',
    signed: raw.signed,
    effective: raw.effective,
    events: raw.events.map((e) => {
      const partial = e.note !== undefined && PARTIAL_NOTE.test(e.note);
      return {
        kind: e.kind === 'expired' && partial ? 'partly_expired' : e.kind,
        by: e.by,
        date: e.date,
        partial,
        confidence: e.confidence,
        source: e.source,
        note: e.note ?? null,
      };
    }),
    notes: raw.notes ?? '',
    sources: raw.sources ?? [],
  };
  return instrumentSchema.parse(record);
}

const UNIT_PREFIX = /^(?:tỉnh|thành phố|tp\.?)\s+/iu;

/** "tỉnh Hòa Bình" → "hoa-binh"; "Thành phố Hồ Chí Minh" → "ho-chi-minh". */
export function unitSlug(name: string): string {
  return slugify(name.trim().replace(UNIT_PREFIX, ''));
}

export function convertAdminUnit(raw: RawAdminUnit): AdminUnitRecord {
  const level = raw.level === 'tỉnh' ? 'tinh' : 'huyen';
  const wholeLevel = /^cấp huyện\b/u.test(raw.unit);
  // "thành phố Thủ Đức (thuộc Thành phố Hồ Chí Minh)"
  const within = /^(.*?)\s*\(thuộc\s+([^)]+)\)\s*$/u.exec(raw.unit);
  const name = within ? within[1]! : raw.unit;
  const parent = within ? unitSlug(within[2]!) : null;
  const id = wholeLevel ? `level:${level}` : parent ? `${parent}.${unitSlug(name)}` : unitSlug(name);
  const becameNamed = level === 'tinh' && !wholeLevel;
  const by = raw.by
    .split(';')
    .map((part) => /^\s*([^\s(;]+)/u.exec(part)?.[1] ?? '')
    .filter((n) => n.length > 0);
  const record: AdminUnitRecord = {
    unit: raw.unit,
    id,
    level,
    scope: wholeLevel ? 'level' : 'unit',
    parent,
    became: raw.became,
    becameId: becameNamed ? unitSlug(raw.became) : null,
    continues: becameNamed && unitSlug(raw.became) === unitSlug(name),
    effective: raw.effective,
    resolutionEffective: raw.resolution_effective ?? null,
    by,
    byText: raw.by,
    source: raw.source,
    otherSources: raw.other_sources ?? [],
    confidence: raw.confidence,
    notes: raw.notes ?? '',
  };
  return adminUnitSchema.parse(record);
}

/** Parses a JSONL text line by line with `schema`; errors name the line. */
export function parseJsonl<T>(text: string, schema: z.ZodType<T>, file: string): T[] {
  const out: T[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${i + 1}: not JSON (${(e as Error).message})`);
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      const issues = r.error.issues.map((x) => `${x.path.join('.') || '(line)'}: ${x.message}`).join('; ');
      throw new Error(`${file}:${i + 1}: ${issues}`);
    }
    out.push(r.data);
  }
  return out;
}

export function toJsonl(records: readonly unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** The two converted files, as JSONL text, from a raw directory holding status-facts.jsonl and admin-units-2025.jsonl. */
export function buildRegistryFiles(rawDir: string): { instruments: string; adminUnits: string } {
  const rawFacts = join(rawDir, 'status-facts.jsonl');
  const rawUnits = join(rawDir, 'admin-units-2025.jsonl');
  const instruments = parseJsonl(readFileSync(rawFacts, 'utf8'), rawInstrumentSchema, rawFacts).map(convertInstrument);
  const adminUnits = parseJsonl(readFileSync(rawUnits, 'utf8'), rawAdminUnitSchema, rawUnits).map(convertAdminUnit);
  return { instruments: toJsonl(instruments), adminUnits: toJsonl(adminUnits) };
}
