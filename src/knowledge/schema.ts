// The registry's own file formats (fixtures/registry/*.jsonl), as zod schemas. Every line of every
// file is checked against these when the registry is loaded; a bad line stops the load with its
// file and line number. The shapes are documented for people in docs/registry.md.
import { z } from 'zod';
import { confidenceSchema, statusEventKindSchema } from '../model/schemas.js';
import { instrumentFamilySchema } from '../model/knowledge.js';

/** An ISO calendar date that exists (2023-02-29 is refused). */
export const isoDate = z.iso.date();

const url = z.url({ protocol: /^https?$/ });

export const confidence = confidenceSchema;
export type Confidence = z.infer<typeof confidence>;

export const eventKind = statusEventKindSchema;
export type EventKind = z.infer<typeof eventKind>;

/** One status event of an instrument: what happened to it, by which instrument, from when. */
export const statusEventSchema = z
  .object({
    kind: eventKind,
    /** Canonical number of the acting instrument, or null (an instrument that simply ran out). */
    by: z.string().min(1).nullable(),
    /** ISO date the event took effect; null when the source did not give it (the event is then never used for time checks). */
    date: isoDate.nullable(),
    /** The event touches only part of the instrument (an article, one group of addressees …). */
    partial: z.boolean(),
    confidence,
    source: url,
    note: z.string().nullable(),
  })
  .strict();
export type StatusEventRecord = z.infer<typeof statusEventSchema>;

/** One instrument and everything known about its validity. */
export const instrumentSchema = z
  .object({
    /** Canonical number/symbol as it should be written ("04/2015/NĐ-CP", "05-CT/TW", "10/2022/QH15"). */
    number: z.string().min(1),
    /** Document type without family marks ("Quy định", not "Quy định (Đảng)"). */
    type: z.string().min(1),
    family: instrumentFamilySchema,
    title: z.string().nullable(),
    issuer: z.string().nullable(),
    /** "inferred" when the source marks the issuer as deduced or unverified. */
    issuerConfidence: confidence,
    /** "tw" for central instruments, else the province slug whose numbering the number belongs to. */
    jurisdiction: z.string().min(1),
    signed: isoDate.nullable(),
    effective: isoDate.nullable(),
    events: z.array(statusEventSchema),
    notes: z.string(),
    sources: z.array(url),
  })
  .strict();
export type InstrumentRecord = z.infer<typeof instrumentSchema>;

/** A former administrative unit and what it became on 1/7/2025 (or a whole level that ended). */
export const adminUnitSchema = z
  .object({
    unit: z.string().min(1),
    /** Slug of the unit ("hoa-binh", "ho-chi-minh.thu-duc"); for a whole level, "level:huyen". */
    id: z.string().regex(/^(?:level:[a-z]+|[a-z0-9-]+(?:\.[a-z0-9-]+)?)$/),
    level: z.enum(['tinh', 'huyen']),
    /** "unit": one named unit; "level": every unit of `level` (the end of the district tier). */
    scope: z.enum(['unit', 'level']),
    /** Province slug of a district-level unit. */
    parent: z.string().nullable(),
    became: z.string().min(1),
    /** Slug of the unit it became, when it became a named unit. */
    becameId: z.string().nullable(),
    /** The unit merged into a new unit with its own name: the name stays valid. */
    continues: z.boolean(),
    effective: isoDate,
    resolutionEffective: isoDate.nullable(),
    by: z.array(z.string().min(1)).min(1),
    byText: z.string(),
    source: url,
    otherSources: z.array(url),
    confidence,
    notes: z.string(),
  })
  .strict();
export type AdminUnitRecord = z.infer<typeof adminUnitSchema>;

export const issuerLevel = z.enum(['trung-uong', 'tinh', 'huyen', 'xa', 'don-vi']);
export type IssuerLevel = z.infer<typeof issuerLevel>;

/**
 * An issuing body or an administrative unit. A body with `jurisdiction: null` is generic: it stands
 * for that body in every unit of its level ("Phòng Giáo dục và Đào tạo" of any district).
 */
export const issuerSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)?$/),
    kind: z.enum(['body', 'unit']),
    name: z.string().min(1),
    /** Prose names and short forms, matched case-insensitively after NFC ("Sở GD&ĐT", "Hòa Bình"). */
    aliases: z.array(z.string().min(1)),
    /** Issuer codes used in symbols (the official form first). */
    codes: z.array(z.string().min(1)),
    level: issuerLevel,
    party: z.boolean(),
    /** For a unit: its parent unit's id. For a body: the unit it belongs to, or null (generic). */
    jurisdiction: z.string().nullable(),
    validFrom: isoDate.nullable(),
    validTo: isoDate.nullable(),
    /** Id of the successor unit (units), or null. */
    successor: z.string().nullable(),
    /** How to name the successor to a reader. */
    successorName: z.string().nullable(),
    by: z.string().nullable(),
    source: url,
    confidence,
    note: z.string().nullable(),
  })
  .strict();
export type IssuerRecord = z.infer<typeof issuerSchema>;

/** A yearly series (the same body's plan or directive for each year): what stale-series checks. */
export const seriesSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: z.string().min(1),
    issuer: z.string().min(1),
    members: z
      .array(
        z
          .object({
            number: z.string().min(1),
            type: z.string().min(1),
            /** The school year or calendar year the member is for: "2022-2023" or "2024". */
            period: z.string().regex(/^\d{4}(?:-\d{4})?$/),
            subject: z.string().min(1),
            date: isoDate.nullable(),
            /** When the date is unknown: the latest date it is certain to have existed (end of its own period). */
            existsBy: isoDate,
            confidence,
            source: url,
          })
          .strict(),
      )
      .min(2),
  })
  .strict();
export type SeriesRecord = z.infer<typeof seriesSchema>;
