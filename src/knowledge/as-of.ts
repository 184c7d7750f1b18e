// The date a document can be judged at when its header date is missing or partial. A document is
// never older than what it cites, nor older than the first day its partial date allows, so the
// later of the two is a safe lower bound: judging at an earlier date can only hide a finding,
// never invent one. Seed 003 ("ngày … tháng 10 năm 2023") is judged at 2023-10-01; seed 004, whose
// header is lost and whose latest citation is of 22/02/2024, at 2024-02-22.
import type { AnalyzedDocument } from '../citations/model.js';

export interface JudgingDate {
  date: string;
  basis: 'header' | 'partial-header' | 'latest-citation';
}

const MONTH_YEAR = /tháng\s*(\d{1,2})\s*(?:năm|\/|-)\s*(\d{4})/u;

export function earliestDocumentDate(doc: AnalyzedDocument): JudgingDate | null {
  if (doc.header.date) return { date: doc.header.date, basis: 'header' };
  let partial: string | null = null;
  const m = doc.header.dateWritten ? MONTH_YEAR.exec(doc.header.dateWritten.normalize('NFC')) : null;
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) partial = `${m[2]}-${m[1]!.padStart(2, '0')}-01`;
  else if (doc.header.year) partial = `${doc.header.year}-01-01`;
  // A cited date past the end of the document's own year is a typo, not a bound.
  const ceiling = doc.header.year ? `${doc.header.year}-12-31` : null;
  let cited: string | null = null;
  for (const c of doc.citations) {
    if (c.date && (ceiling === null || c.date <= ceiling) && (cited === null || c.date > cited)) cited = c.date;
  }
  if (partial && (!cited || partial >= cited)) return { date: partial, basis: 'partial-header' };
  return cited ? { date: cited, basis: 'latest-citation' } : null;
}
