// Hand-built analysed documents for the knowledge tests: a text, and citations placed in it by
// their surface, so spans are real. Also a tiny rule runner (the lint() entry point stamps the same
// fields; these tests look at what the rules report).
import { lineLocator } from '../../src/citations/analyze.js';
import { clean } from '../../src/citations/clean.js';
import type { AnalyzedDocument, Citation, Section } from '../../src/citations/model.js';
import { layout } from '../../src/citations/sections.js';
import type { KnowledgeResolver, ReportInput, Rule, Severity } from '../../src/lint/define-rule.js';
import { familyOfNumber } from '../../src/knowledge/normalize.js';

export interface CitationSpec {
  surface: string;
  type: string;
  number?: string | null;
  date?: string | null;
  issuer?: string | null;
  subject?: string | null;
  section?: Section;
  jurisdiction?: string | null;
  relations?: Citation['relations'];
  nested?: boolean;
  repeat?: boolean;
  family?: Citation['family'];
}

export interface DocSpec {
  text: string;
  date: string | null;
  citations?: CitationSpec[];
  issuingBody?: string | null;
  title?: string | null;
  number?: string | null;
  type?: string | null;
  file?: string;
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

export function makeDoc(spec: DocSpec): AnalyzedDocument {
  const used = new Map<string, number>();
  const citations: Citation[] = (spec.citations ?? []).map((c) => {
    const from = used.get(c.surface) ?? 0;
    const offset = spec.text.indexOf(c.surface, from);
    if (offset < 0) throw new Error(`surface not in text: ${c.surface}`);
    used.set(c.surface, offset + c.surface.length);
    const number = c.number ?? null;
    const yearSeg = number ? /^\d+\/(\d{4})\//.exec(number)?.[1] : undefined;
    const issuerAt = c.issuer ? spec.text.indexOf(c.issuer, offset) : -1;
    return {
      type: c.type,
      typeWritten: c.type,
      number,
      canonicalNumber: number,
      family: c.family ?? (number ? familyOfNumber(number) : 'named'),
      seq: number ? (/^(\d+)/.exec(number)?.[1] ?? null) : null,
      year: yearSeg ? Number(yearSeg) : c.date ? Number(c.date.slice(0, 4)) : null,
      typeCode: null,
      issuerCode: null,
      date: c.date ?? null,
      dateWritten: null,
      issuer: c.issuer ?? null,
      subject: c.subject ?? null,
      section: c.section ?? 'body',
      ...lineCol(spec.text, offset),
      offset,
      length: c.surface.length,
      surface: c.surface,
      key: null,
      jurisdiction: c.jurisdiction ?? (number && familyOfNumber(number) !== 'admin' ? 'tw' : null),
      relation: c.relations?.[0] ?? null,
      relations: c.relations ?? [],
      hasSo: /\ssố\s/u.test(c.surface),
      soColon: false,
      repeat: c.repeat ?? false,
      nested: c.nested ?? false,
      sharedTypeWord: false,
      numberSpan: null,
      dateSpan: null,
      issuerSpan: issuerAt >= 0 ? { offset: issuerAt, length: c.issuer!.length } : null,
    };
  });
  const titleAt = spec.title ? spec.text.indexOf(spec.title) : -1;
  const cleaned = clean(spec.text);
  return {
    file: spec.file ?? 'test.md',
    source: spec.text,
    header: {
      number: spec.number ?? null,
      numberSpan: null,
      type: spec.type ?? 'Kế hoạch',
      typeSpan: null,
      place: null,
      date: spec.date,
      dateWritten: null,
      dateSpan: null,
      year: spec.date ? Number(spec.date.slice(0, 4)) : null,
      title: spec.title ?? null,
      titleSpan: titleAt >= 0 ? { offset: titleAt, length: spec.title!.length } : null,
      signer: null,
      signerPosition: null,
      recipients: [],
      issuingBody: spec.issuingBody ?? null,
    },
    sections: [],
    place: { province: null, district: null, source: 'none' },
    citations,
    signatureEnd: null,
    closingOffset: null,
    ownKey: null,
    cleanText: cleaned.text,
    toSource: cleaned.toSource,
    layout: layout(cleaned.text),
    locate: lineLocator(spec.text),
  };
}

export interface Reported extends ReportInput {
  ruleId: string;
  severity: Severity;
  evidence: string;
}

export function run(rule: Rule, doc: AnalyzedDocument, asOf: string | null, resolver: KnowledgeResolver | null): Reported[] {
  const out: Reported[] = [];
  rule.check({
    doc,
    asOf,
    lang: 'vi',
    resolver,
    report(input) {
      out.push({
        ...input,
        ruleId: rule.id,
        severity: input.severity ?? rule.severity,
        evidence: doc.source.slice(input.span.offset, input.span.offset + input.span.length),
      });
    },
  });
  return out;
}
