// Spaces inside a numeric date: "ngày 28 /3/2023" (spec §5).
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'date-spacing',
  severity: 'info',
  docs: { description: 'Ngày tháng dạng số có khoảng trắng thừa.', descriptionEn: 'Spaces inside a numeric date.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.dateParts?.spaced || !c.dateSpan || !c.dateWritten) continue;
      const fixed = c.dateWritten.replace(/\s+/g, '');
      // Quote the date with its "ngày", as people read it.
      const before = ctx.doc.source.slice(Math.max(0, c.dateSpan.offset - 8), c.dateSpan.offset);
      const lead = /ngày\s+$/u.exec(before);
      const from = lead ? c.dateSpan.offset - (before.length - lead.index) : c.dateSpan.offset;
      ctx.report({
        span: { offset: from, length: c.dateSpan.offset + c.dateSpan.length - from },
        message: `Ngày "${c.dateWritten}" có khoảng trắng thừa; viết: "${fixed}".`,
        messageEn: `The date "${c.dateWritten}" contains spaces; write "${fixed}".`,
        expected: `ngày ${fixed}`,
      });
    }
  },
});
