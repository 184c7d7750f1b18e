// Mechanical fixes: the findings whose `expected` is the corrected form of exactly the text they
// point at, decided by the text alone (spelling of a number, a symbol, a date, a type word).
// `cancu check --fix` and the web page's "sửa tất cả" both apply them with applyFixes(), so the
// two give the same corrected text. Findings that rest on knowledge (an outdated or unverified
// instrument, an issuer, a series, a year) are suggestions for a person: never applied here.

/** Rules whose `expected` replaces the finding's span (offset, length) as it stands. */
export const MECHANICAL_RULES: ReadonlySet<string> = new Set([
  'admin-has-year-segment',
  'citation-missing-so',
  'code-case-mismatch',
  'code-missing-diacritic',
  'date-missing-leading-zero',
  'date-month-overpadded',
  'date-spacing',
  'description-typo',
  'issuer-unofficial-variant',
  'legal-normative-missing-year',
  'number-missing-leading-zero',
  'party-symbol-state-style',
  'so-colon-in-citation',
  'state-symbol-party-style',
  'symbol-missing-hyphen',
  'symbol-space-inside',
  'symbol-wrong-separator',
  'type-word-lowercase',
]);

/**
 * Rules whose `expected` also stands for the whole span, but is a suggestion that rests on
 * knowledge (a person decides): the page offers the corrected line to copy, never applies it.
 */
export const REPLACING_SUGGESTIONS: ReadonlySet<string> = new Set([
  'amended-citation',
  'citation-missing-date',
  'inconsistent-citation',
  'issuer-name-code-mismatch',
  'outdated-citation',
  'plan-issuer-mismatch',
  'plan-year-mismatch',
  'type-code-unknown',
  'type-word-code-mismatch',
  'unverified-citation',
]);

/** Rules whose `expected` is to be written just after the span ("của …" for a missing issuer). */
export const INSERTING_SUGGESTIONS: ReadonlySet<string> = new Set(['citation-missing-issuer']);

/**
 * The line of `source` holding the finding, as it reads once the suggestion is taken; null when
 * the suggestion is not a wording of that span (an instruction, a partial phrase).
 */
export function correctedLineOf(source: string, m: FixableMessage): string | null {
  if (m.expected == null || source.slice(m.offset, m.offset + m.length) !== m.evidence) return null;
  let start = m.offset;
  let end = m.offset + m.length;
  let insert = m.expected;
  if (INSERTING_SUGGESTIONS.has(m.ruleId)) {
    start = end;
    insert = ` ${m.expected}`;
  } else if (!MECHANICAL_RULES.has(m.ruleId) && !REPLACING_SUGGESTIONS.has(m.ruleId)) {
    return null;
  }
  const lineStart = source.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = source.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = source.length;
  return (source.slice(lineStart, start) + insert + source.slice(end, lineEnd)).replace(/\r$/, '');
}

/** The fields of a finding a fix reads (a Finding, or a message of the JSON report). */
export interface FixableMessage {
  ruleId: string;
  offset: number;
  length: number;
  evidence: string;
  expected?: string | null;
}

/** Is this finding fixed mechanically (and does it still point at its evidence in `source`)? */
export function isMechanicalFix(m: FixableMessage, source?: string): boolean {
  if (!MECHANICAL_RULES.has(m.ruleId) || m.expected == null || m.expected === m.evidence) return false;
  if (source !== undefined && source.slice(m.offset, m.offset + m.length) !== m.evidence) return false;
  return true;
}

export interface FixResult<M extends FixableMessage> {
  /** The source with the fixes applied. */
  text: string;
  /** Fixes applied, in source order. */
  applied: M[];
  /** Mechanical fixes left out because they overlap one applied before them (apply again after a new check). */
  overlapping: M[];
}

/**
 * Applies every mechanical fix of `messages` to `source` (offsets are offsets in `source`). Fixes
 * are taken in source order; one that overlaps an earlier one is left for the next round.
 */
export function applyFixes<M extends FixableMessage>(source: string, messages: readonly M[]): FixResult<M> {
  const candidates = messages.filter((m) => isMechanicalFix(m, source)).sort((a, b) => a.offset - b.offset || a.length - b.length);
  const applied: M[] = [];
  const overlapping: M[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const m of candidates) {
    if (m.offset < at) {
      // Same span and same replacement as the one just applied: a duplicate, not a conflict.
      const last = applied[applied.length - 1];
      if (!(last && last.offset === m.offset && last.length === m.length && last.expected === m.expected)) overlapping.push(m);
      continue;
    }
    parts.push(source.slice(at, m.offset), m.expected!);
    at = m.offset + m.length;
    applied.push(m);
  }
  parts.push(source.slice(at));
  return { text: parts.join(''), applied, overlapping };
}
