// The closed vocabularies of the model as plain tuples: what code that must not load zod (the
// graph stores, the `cancu check` path) checks values against. schemas.ts builds the zod schemas
// from these same tuples, and the TypeScript types are derived from those schemas.

/** An instrument's status; "unknown" when no fact is known (never assumed in force). */
export const INSTRUMENT_STATUSES = ['unknown', 'in_force', 'amended', 'replaced', 'repealed', 'expired', 'partly_expired'] as const;

/** What happened to an instrument (a status event). */
export const STATUS_EVENT_KINDS = ['replaced_by', 'repealed_by', 'amended_by', 'expired', 'partly_expired'] as const;

/** How a fact is known: stated by its source, or inferred from others. */
export const CONFIDENCES = ['stated', 'inferred'] as const;
