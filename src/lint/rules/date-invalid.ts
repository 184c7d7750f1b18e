// Day, month and year that do not form a real date: "30/02/2023", "31 tháng 4 năm 2024".
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'date-invalid',
  severity: 'error',
  docs: { description: 'Ngày tháng không có thật (30/02, 31/4…).', descriptionEn: 'A date that does not exist.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const d = c.dateParts;
      if (!d || d.iso || d.day === null || !c.dateSpan) continue;
      ctx.report({
        span: c.dateSpan,
        message: `Ngày "${c.dateWritten}" không có thật (tháng ${d.month} năm ${d.year} không có ngày ${d.day}); kiểm tra lại ngày ban hành.`,
        messageEn: `"${c.dateWritten}" is not a real date; check the date of issue.`,
      });
    }
  },
});
