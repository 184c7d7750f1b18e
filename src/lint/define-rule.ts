// The rule contract. A rule walks an analysed document and reports; it never decides its own
// final severity (the preset/config does) and never does I/O: knowledge comes through the
// injected resolver (its port is src/model/knowledge.ts, re-exported here for the rules), so the
// same rule runs in the CLI (bundled registry), ingest and the API.
import type { AnalyzedDocument, Severity, Span } from '../citations/model.js';
import type { KnowledgeResolver } from '../model/knowledge.js';
import type { Lang } from '../model/schemas.js';

export type { Lang } from '../model/schemas.js';
export type {
  CitedInstrument,
  InstrumentFacts,
  IssuerValidity,
  KnowledgeResolver,
  KnownInstrument,
  StatusFact,
  UndatedStatusFact,
} from '../model/knowledge.js';

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
  /**
   * The rule judges a symbol by the state and Party tables (NĐ 30/2020, HD 36-HD/VPTW): it does not
   * see citations of an enterprise's own letters ("25-2303/PBHC-KD của Tổng Công ty …"), whose
   * symbols follow no such table and are cited as the enterprise wrote them.
   */
  symbolForm?: boolean;
  /**
   * The rule reports on the text's layout (what follows the signature), not on what the author
   * cites: a site's text around the document is what it reports, so it is not made a notice there.
   */
  layout?: boolean;
  check(ctx: RuleContext): void;
}

export function defineRule(rule: Rule): Rule {
  if (!/^[a-z]+(?:-[a-z]+)*$/.test(rule.id)) throw new Error(`rule id must be kebab-case: ${rule.id}`);
  return rule;
}
