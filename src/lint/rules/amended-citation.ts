// amended-citation: the cited instrument had been amended (or replaced or repealed in part) before
// the document's date, and the amending instrument is not cited anywhere in the same document.
// Info: citing the original alone is not wrong, but the reader should be pointed to the text in
// force. Instruments that ended altogether are left to outdated-citation.
import { numberKey } from '../../knowledge/normalize.js';
import { amendedByVi, causeOf, changesBefore, citeEn, citeVi, endingEvent, eventEn, eventVi } from '../../knowledge/status.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'amended-citation',
  severity: 'info',
  needsKnowledge: true,
  docs: {
    description: 'Văn bản được dẫn đã được sửa đổi, bổ sung nhưng văn bản sửa đổi không được dẫn kèm.',
    descriptionEn: 'The cited instrument has been amended, but the amending instrument is not cited with it.',
  },
  check(ctx) {
    const { resolver, asOf } = ctx;
    if (!resolver || !asOf) return;
    const cited = new Set(ctx.doc.citations.filter((c) => c.canonicalNumber).map((c) => numberKey(c.canonicalNumber!)));
    for (const c of ctx.doc.citations) {
      if (c.repeat) continue;
      const facts = resolver.statusOf(c);
      if (!facts || endingEvent(facts, asOf)) continue;
      const missing = changesBefore(facts, asOf).filter((e) => !cited.has(numberKey(e.by!)));
      if (missing.length === 0) continue;
      const self = citeVi(facts.number, facts.type);
      const byList = missing.map((e) => citeVi(e.by!, e.byType)).join(', ');
      const expected = `${self}, ${missing.map(amendedByVi).join('; ')}`;
      ctx.report({
        span: { offset: c.offset, length: c.length },
        message: `${self} ${missing.map(eventVi).join('; và ')}, nhưng văn bản này không dẫn ${byList}. Hãy dẫn kèm: "${expected}".`,
        messageEn:
          `${citeEn(facts.number, facts.type)} ${missing.map(eventEn).join('; and ')}, but this document does not cite ` +
          `${missing.map((e) => citeEn(e.by!, e.byType)).join(', ')}. Cite the amending instrument(s) with it.`,
        expected,
        cause: causeOf(missing),
        url: missing[0]!.source,
      });
    }
  },
});
