// The shapes several layers share (graph, registry, lint, API, CLI), as zod schemas with the
// TypeScript types derived from them. The model depends on nothing else in src/; every layer may
// import it. Runtime checks on paths that do not load zod use the tuples of values.ts (the same
// values these schemas are built from); import the types here with `import type`.
import { z } from 'zod';
import { CONFIDENCES, INSTRUMENT_STATUSES, STATUS_EVENT_KINDS } from './values.js';

export const instrumentStatusSchema = z.enum(INSTRUMENT_STATUSES);
export type InstrumentStatus = z.infer<typeof instrumentStatusSchema>;

export const statusEventKindSchema = z.enum(STATUS_EVENT_KINDS);
export type StatusEventKind = z.infer<typeof statusEventKindSchema>;

export const confidenceSchema = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof confidenceSchema>;

/**
 * An instrument as a search, lineage or resolver hit names it: its key and the four fields a
 * reader recognises it by.
 */
export const instrumentRefSchema = z.object({
  key: z.string(),
  type: z.string().nullable(),
  number: z.string().nullable(),
  date: z.string().nullable(),
  issuer: z.string().nullable(),
});
export type InstrumentRef = z.infer<typeof instrumentRefSchema>;
