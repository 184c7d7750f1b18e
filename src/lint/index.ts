// The linter: runs rules over an analysed document and stamps each report with rule id,
// severity (from the preset, unless the rule chose one for this report), position and message
// in the requested language. Rules never see severity configuration; formatters never see rules.
import type { AnalyzedDocument, Finding, Severity, Span } from '../citations/model.js';
import type { KnowledgeResolver, Lang, ReportInput, Rule, RuleContext } from './define-rule.js';
import { RULES } from './rules/index.js';
import { headerStart, issuedByEnterprise, siteTextStart } from './rules/util.js';
import { PRESETS, type PresetName } from './presets/index.js';
import { earliestDocumentDate } from '../knowledge/as-of.js';

export interface LintOptions {
  /** ISO date the document is judged at; default its own header date. */
  asOf?: string | null;
  lang?: Lang;
  resolver?: KnowledgeResolver | null;
  preset?: PresetName;
  /** Per-rule severity or "off", applied after the preset. */
  rules?: Record<string, Severity | 'off'>;
  /** Extra rules (plugins, tests). */
  extraRules?: Rule[];
}

export function lint(doc: AnalyzedDocument, opts: LintOptions = {}): Finding[] {
  const lang = opts.lang ?? 'vi';
  const preset = PRESETS[opts.preset ?? 'recommended'];
  // An undated draft is judged at the earliest date it can bear: its partial header date
  // ("ngày tháng 10 năm 2023" → 2023-10-01), else the latest date it cites.
  const asOf = opts.asOf ?? doc.header.date ?? earliestDocumentDate(doc)?.date ?? null;
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // What stands above the document's own header (a site's title line, its metadata, its list of
  // related documents) is not the author's text: a finding there is at most a notice.
  const start = headerStart(doc);
  const authorFrom = start > 0 ? doc.toSource(start) : 0;
  // So is what a site writes below the document (its metadata, its lists of other documents).
  const end = siteTextStart(doc);
  const authorTo = end < doc.cleanText.length ? doc.toSource(end) : Infinity;
  // The rules on a symbol's form see the document without the citations of enterprises' letters.
  let stateDoc: AnalyzedDocument | null = null;
  const symbolFormDoc = (): AnalyzedDocument => {
    if (stateDoc) return stateDoc;
    const own = doc.citations.filter((c) => !issuedByEnterprise(c));
    stateDoc = own.length === doc.citations.length ? doc : { ...doc, citations: own };
    return stateDoc;
  };
  for (const rule of [...RULES, ...(opts.extraRules ?? [])]) {
    const configured = opts.rules?.[rule.id] ?? preset[rule.id] ?? (opts.extraRules?.includes(rule) ? rule.severity : 'off');
    if (configured === 'off') continue;
    if (rule.needsKnowledge && !opts.resolver) continue;
    const ctx: RuleContext = {
      doc: rule.symbolForm ? symbolFormDoc() : doc,
      asOf,
      lang,
      resolver: opts.resolver ?? null,
      report(input: ReportInput) {
        let severity: Severity = configured === rule.severity ? input.severity ?? configured : configured;
        if ((input.span.offset < authorFrom || (input.span.offset >= authorTo && !rule.layout)) && severity !== 'info') severity = 'info';
        const f = toFinding(doc, rule, severity, input, lang);
        // One finding per rule, line and evidence: the same slip twice on a line is one thing to fix.
        const id = `${f.ruleId}|${f.line}|${f.evidence}`;
        if (seen.has(id)) return;
        seen.add(id);
        findings.push(f);
      },
    };
    rule.check(ctx);
  }
  // Rule ids are ASCII (a-z, 0-9, '-'), where code-point order is the collation order: no ICU
  // collator to load for it (its first use costs a command-line check several milliseconds).
  return findings.sort((a, b) => a.offset - b.offset || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
}

function toFinding(doc: AnalyzedDocument, rule: Rule, severity: Severity, input: ReportInput, lang: Lang): Finding {
  const start = doc.locate(input.span.offset);
  const endOffset = input.span.offset + input.span.length;
  const end = doc.locate(endOffset);
  return {
    ruleId: rule.id,
    severity,
    message: lang === 'en' ? input.messageEn : input.message,
    file: doc.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    offset: start.sourceOffset,
    length: end.sourceOffset - start.sourceOffset,
    evidence: doc.source.slice(input.span.offset, endOffset),
    expected: input.expected ?? null,
    cause: input.cause ?? null,
    url: input.url ?? null,
  };
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const n = { error: 0, warning: 0, info: 0 };
  for (const f of findings) n[f.severity]++;
  return n;
}

export type { Span };
export { RULES };
