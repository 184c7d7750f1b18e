// The resolver's port: what rules, the checker and ingest may ask about instruments and issuers,
// and the shapes of the answers. The bundled registry (src/knowledge/resolver.ts) and the graph
// (src/service/knowledge.ts) implement it; src/lint injects it into every rule's context.
import { z } from 'zod';
import { CITATION_FAMILIES, INSTRUMENT_FAMILIES } from './values.js';
import { confidenceSchema, instrumentRefSchema, statusEventKindSchema } from './schemas.js';

export const instrumentFamilySchema = z.enum(INSTRUMENT_FAMILIES);
export type InstrumentFamily = z.infer<typeof instrumentFamilySchema>;

export const citationFamilySchema = z.enum(CITATION_FAMILIES);
export type CitationFamily = z.infer<typeof citationFamilySchema>;

/**
 * A cited instrument as the resolver reads it: the fields of a citation that identify what it
 * names (a citation of src/citations is one).
 */
export const citedInstrumentSchema = z.object({
  /** Normalised type word ("Nghị định", "Luật"). */
  type: z.string(),
  /** The symbol as it should be written, or null for a named instrument. */
  canonicalNumber: z.string().nullable(),
  family: citationFamilySchema,
  /** Year segment of a legal-normative number, or the year of the date. */
  year: z.number().int().nullable(),
  /** ISO date of the cited instrument. */
  date: z.string().nullable(),
  /** Subject (trích yếu), or the named title. */
  subject: z.string().nullable(),
  /** Source text of the citation. */
  surface: z.string(),
  /** Canonical key; null when it cannot be keyed. */
  key: z.string().nullable(),
  /** Jurisdiction part of the key ("tw", "hoa-binh", "hoa-binh.lac-thuy"). */
  jurisdiction: z.string().nullable(),
});
export type CitedInstrument = z.infer<typeof citedInstrumentSchema>;

/** A status fact known for an instrument (the acting instrument by its canonical number). */
export const statusFactSchema = z.object({
  kind: statusEventKindSchema,
  /** Canonical number of the acting instrument ("09/2024/TT-BGDĐT"), or null. */
  by: z.string().nullable(),
  byType: z.string().nullable().optional(),
  /** ISO date the event took effect. */
  date: z.string(),
  confidence: confidenceSchema,
  source: z.string(),
  note: z.string().nullable().optional(),
  /** The event touches only part of the instrument (one article, one group of addressees …). */
  partial: z.boolean().optional(),
});
export type StatusFact = z.infer<typeof statusFactSchema>;

/** A status event whose date the sources do not give: kept for display, never used for time checks. */
export const undatedStatusFactSchema = statusFactSchema.extend({ date: z.null() });
export type UndatedStatusFact = z.infer<typeof undatedStatusFactSchema>;

/** Everything known about one instrument's validity. */
export const instrumentFactsSchema = z.object({
  number: z.string(),
  type: z.string().nullable(),
  title: z.string().nullable(),
  issuer: z.string().nullable(),
  signed: z.string().nullable(),
  events: z.array(statusFactSchema),
  effective: z.string().nullable().optional(),
  family: instrumentFamilySchema.nullable().optional(),
  /** How the citation was matched: by its number, by number + year + issuer despite a wrong type code, or by a law's name. */
  matchedBy: z.enum(['number', 'type-tolerant', 'title']).optional(),
  /** The issuer is deduced or unverified in the sources. */
  issuerConfidence: confidenceSchema.optional(),
  /** Where the instrument's own facts (date, title, issuer) come from. */
  sources: z.array(z.string()).optional(),
  undated: z.array(undatedStatusFactSchema).optional(),
});
export type InstrumentFacts = z.infer<typeof instrumentFactsSchema>;

/** Whether an issuer (or place) exists on a date, and what took over. */
export const issuerValiditySchema = z.object({
  name: z.string(),
  validFrom: z.string().nullable().optional(),
  validTo: z.string().nullable(),
  successor: z.string().nullable(),
  by: z.string().nullable(),
  source: z.string().nullable(),
  confidence: confidenceSchema,
  /** How the validity was reasoned (which facts were combined). */
  note: z.string().nullable().optional(),
});
export type IssuerValidity = z.infer<typeof issuerValiditySchema>;

/** An instrument known from the registry or from other documents. */
export const knownInstrumentSchema = instrumentRefSchema.extend({
  subject: z.string().nullable(),
  /** Where this is known from, and how surely. */
  source: z.string().nullable().optional(),
  confidence: confidenceSchema.optional(),
});
export type KnownInstrument = z.infer<typeof knownInstrumentSchema>;

/** Knowledge about instruments and issuers, injected into the rule context. */
export interface KnowledgeResolver {
  /** Status facts known for an instrument key or canonical number. */
  statusOf(citation: CitedInstrument): InstrumentFacts | null;
  /** Issuer validity: does the named issuer (or place) exist on `date`? */
  issuerAt?(name: string, date: string): IssuerValidity | null;
  /** Everything known about other documents citing the same instrument (cross-document checks). */
  knownInstrument?(citation: CitedInstrument): KnownInstrument | null;
  /** A later plan of the same series known on `date` (stale-series). */
  laterInSeries?(citation: CitedInstrument, date: string): KnownInstrument | null;
  /** Status facts by canonical number alone (following a chain of replacements). */
  statusOfNumber?(number: string): InstrumentFacts | null;
  /** Do two issuer names designate the same body ("Bộ GD&ĐT" / "Bộ trưởng Bộ Giáo dục và Đào tạo")? null = cannot tell. */
  sameIssuer?(a: string, b: string): boolean | null;
}
