// expired-period: an instrument made for a period ("giai đoạn 2019-2025", "năm học 2022-2023",
// "năm 2021") is cited as a basis after that period ended. Only citations in the căn cứ preamble and
// the title count (body text often recalls past plans on purpose); a document whose title says it
// reviews (tổng kết, sơ kết, báo cáo kết quả) is exempt, and so is a Báo cáo (a report looks back on
// the plans it reports on), as are citations marked as reviewed, citations the sentence tells of
// being issued ("ngày 13/5/2011, Ủy ban nhân dân huyện ban hành Kế hoạch số 42/KH-UBND …": an
// account of what was done, not a basis) and instruments issued after their own period. Instruments the registry knows to have ended are left
// to outdated-citation, and yearly plans with a known successor to stale-series.
import { dateEn, dateVi } from '../../knowledge/normalize.js';
import { periodOf } from '../../knowledge/periods.js';
import { citeEn, citeVi, endingEvent } from '../../knowledge/status.js';
import { defineRule } from '../define-rule.js';

const REVIEW_TITLE = /(?:tổng\s+kết|sơ\s+kết|báo\s+cáo\s+kết\s+quả)/iu;
// The words just before a citation that tell of its issue: "… ban hành", "… đã ban hành".
const TOLD_ISSUED = /(?:^|[^\p{L}])ban\s+hành\s*$/iu;

export default defineRule({
  id: 'expired-period',
  severity: 'warning',
  needsKnowledge: true,
  docs: {
    description: 'Văn bản được ban hành cho một giai đoạn, năm hoặc năm học đã kết thúc vẫn được dẫn làm căn cứ.',
    descriptionEn: 'An instrument made for a period, year or school year that has ended is still cited as a basis.',
  },
  check(ctx) {
    const { resolver, asOf, doc } = ctx;
    if (!resolver || !asOf) return;
    if (doc.header.title && REVIEW_TITLE.test(doc.header.title.normalize('NFC'))) return;
    if (doc.header.type === 'Báo cáo') return;
    for (const c of doc.citations) {
      if (c.repeat || (c.section !== 'can_cu' && c.section !== 'title')) continue;
      if (c.relations.some((r) => r.kind === 'reviews')) continue;
      if (TOLD_ISSUED.test(doc.source.slice(Math.max(0, c.offset - 24), c.offset).normalize('NFC'))) continue;
      const facts = resolver.statusOf(c);
      const subjects = [c.subject, facts?.title].filter((s): s is string => !!s);
      const periods = subjects.map((s) => periodOf(s, c.type)).filter((p) => p !== null);
      if (periods.length === 0) continue;
      const period = periods.reduce((a, b) => (b.end > a.end ? b : a));
      if (period.end >= asOf) continue;
      if (c.date && c.date > period.end) continue;
      if (facts && endingEvent(facts, asOf)) continue;
      if (resolver.laterInSeries?.(c, asOf)) continue;
      const what = c.canonicalNumber ? citeVi(c.canonicalNumber, c.type) : c.surface;
      const whatEn = c.canonicalNumber ? citeEn(c.canonicalNumber, c.type) : c.surface;
      ctx.report({
        span: { offset: c.offset, length: c.length },
        message:
          `${what} được ban hành cho ${period.label}, đã kết thúc ngày ${dateVi(period.end)}, trước ngày ${dateVi(asOf)} của văn bản này. ` +
          'Không nên dẫn văn bản này như văn bản còn áp dụng: hãy dẫn văn bản của giai đoạn (năm) hiện hành, hoặc ghi rõ là tổng kết giai đoạn đó.',
        messageEn:
          `${whatEn} was made for "${period.label}", which ended on ${dateEn(period.end)}, before this document's date (${dateEn(asOf)}). ` +
          'Do not cite it as still applying: cite the instrument for the current period (year), or say that the period is being reviewed.',
        expected: null,
        cause: facts?.title && !c.subject ? `Trích yếu theo sổ đăng ký: ${facts.title}` : null,
        url: facts?.sources?.[0] ?? null,
      });
    }
  },
});
