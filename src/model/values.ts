// The closed vocabularies of the model as plain tuples: what code that must not load zod (the
// graph stores, the `cancu check` path, the browser pages) checks values against. The schemas of
// this folder build their zod enums from these same tuples, and the TypeScript types are derived
// from those schemas.

/** An instrument's status; "unknown" when no fact is known (never assumed in force). */
export const INSTRUMENT_STATUSES = ['unknown', 'in_force', 'amended', 'replaced', 'repealed', 'expired', 'partly_expired'] as const;

/** What happened to an instrument (a status event). */
export const STATUS_EVENT_KINDS = ['replaced_by', 'repealed_by', 'amended_by', 'expired', 'partly_expired'] as const;

/** How a fact is known: stated by its source, or inferred from others. */
export const CONFIDENCES = ['stated', 'inferred'] as const;

/** The numbering families of an instrument the registry can know: legal-normative, state administrative, Party. */
export const INSTRUMENT_FAMILIES = ['legal', 'admin', 'party'] as const;

/** A citation's family: an instrument family, a named instrument ("Luật Giáo dục"), or not told. */
export const CITATION_FAMILIES = [...INSTRUMENT_FAMILIES, 'named', 'unknown'] as const;

/** A cited instrument's state on the judging date, as a checked citation shows it. */
export const CITATION_STATES = ['in_force', 'amended', 'replaced', 'repealed', 'expired', 'unknown'] as const;

/** A finding's severity. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Edge kinds between instruments (CITES carries citation details). */
export const EDGE_KINDS = ['CITES', 'BASED_ON', 'IMPLEMENTS', 'AMENDS', 'GUIDES', 'REPLACES', 'REPEALS', 'CONTINUES', 'REVIEWS'] as const;

/** Levels of an issuing body. */
export const ISSUER_LEVELS = ['trung-uong', 'tinh', 'huyen', 'xa'] as const;

/** The languages of messages. */
export const LANGS = ['vi', 'en'] as const;
