// The rule contract. A rule walks an analysed document and reports; it never decides its own
// final severity (the preset/config does) and never does I/O: knowledge comes through the
// injected resolver, so the same rule runs in the CLI (bundled registry), ingest and the API.
import type { AnalyzedDocument, Citation, Severity, Span } from '../citations/model.js';

export type Lang = 'vi' | 'en';

/** Knowledge about instruments and issuers, injected into the rule context. */
export interface KnowledgeResolver {
  /** Status facts known for an instrument key or canonical number. */
  statusOf(citation: Citation): InstrumentFacts | null;
  /** Issuer validity: does the named issuer (or place) exist on `date`? */
  issuerAt?(name: string, date: string): IssuerValidity | null;
  /** Everything known about other documents citing the same instrument (cross-document checks). */
  knownInstrument?(citation: Citation): KnownInstrument | null;
  /** A later plan of the same series known on `date` (stale-series). */
  laterInSeries?(citation: Citation, date: string): KnownInstrument | null;
  /** Status facts by canonical number alone (following a chain of replacements). */
  statusOfNumber?(number: string): InstrumentFacts | null;
  /** Do two issuer names designate the same body ("Bộ GD&ĐT" / "Bộ trưởng Bộ Giáo dục và Đào tạo")? null = cannot tell. */
  sameIssuer?(a: string, b: string): boolean | null;
}

export interface StatusFact {
  kind: 'replaced_by' | 'repealed_by' | 'amended_by' | 'expired' | 'partly_expired';
  /** Canonical number of the acting instrument ("09/2024/TT-BGDĐT"), or null. */
  by: string | null;
  byType?: string | null;
  /** ISO date the event took effect. */
  date: string;
  confidence: 'stated' | 'inferred';
  source: string;
  note?: string | null;
  /** The event touches only part of the instrument (one article, one group of addressees …). */
  partial?: boolean;
}

/** A status event whose date the sources do not give: kept for display, never used for time checks. */
export type UndatedStatusFact = Omit<StatusFact, 'date'> & { date: null };

export interface InstrumentFacts {
  number: string;
  type: string | null;
  title: string | null;
  issuer: string | null;
  signed: string | null;
  events: StatusFact[];
  effective?: string | null;
  family?: 'legal' | 'admin' | 'party' | null;
  /** How the citation was matched: by its number, by number + year + issuer despite a wrong type code, or by a law's name. */
  matchedBy?: 'number' | 'type-tolerant' | 'title';
  /** The issuer is deduced or unverified in the sources. */
  issuerConfidence?: 'stated' | 'inferred';
  /** Where the instrument's own facts (date, title, issuer) come from. */
  sources?: string[];
  undated?: UndatedStatusFact[];
}

export interface IssuerValidity {
  name: string;
  validFrom?: string | null;
  validTo: string | null;
  successor: string | null;
  by: string | null;
  source: string | null;
  confidence: 'stated' | 'inferred';
  /** How the validity was reasoned (which facts were combined). */
  note?: string | null;
}

export interface KnownInstrument {
  key: string;
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  subject: string | null;
  /** Where this is known from, and how surely. */
  source?: string | null;
  confidence?: 'stated' | 'inferred';
}

export interface ReportInput {
  /** Source span the finding is about. */
  span: Span;
  /** Message in Vietnamese. */
  message: string;
  /** Message in English. */
  messageEn: string;
  /** What to write instead. */
  expected?: string | null;
  cause?: string | null;
  url?: string | null;
  /** Severity override for this one report (rules with context-dependent severity, e.g. căn cứ vs body). */
  severity?: Severity;
}

export interface RuleContext {
  doc: AnalyzedDocument;
  /** The date the document is judged at (its own date, or --date), ISO, or null. */
  asOf: string | null;
  lang: Lang;
  resolver: KnowledgeResolver | null;
  report(input: ReportInput): void;
}

export interface RuleDocs {
  /** One Vietnamese sentence: what the rule checks. */
  description: string;
  descriptionEn: string;
}

export interface Rule {
  id: string;
  /** Default severity; a report may override it (documented per rule). */
  severity: Severity;
  docs: RuleDocs;
  /** Rules that need a resolver are skipped when none is given. */
  needsKnowledge?: boolean;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(rule.id)) throw new Error(`rule id must be kebab-case: ${rule.id}`);
  return rule;
}
