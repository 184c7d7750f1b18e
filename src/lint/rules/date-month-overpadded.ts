// Month 3–12 written with a leading zero: "ngày 14 tháng 03 năm 2023" (spec §4.2, §5). Strict preset.
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'date-month-overpadded',
  severity: 'info',
  docs: { description: 'Tháng từ 3 đến 12 viết có số 0 ở trước.', descriptionEn: 'Months 3–12 written with a leading zero.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const d = c.dateParts;
      if (!d || !c.dateSpan || !c.dateWritten || !d.monthText || d.monthText.length !== 2 || !d.monthText.startsWith('0') || Number(d.monthText) < 3) continue;
      const fixed = c.dateWritten.replace(new RegExp(`(tháng\\s+|[/.\\-]\\s*)${d.monthText}(?=\\s*(?:năm|[/.\\-]))`, 'u'), `$1${Number(d.monthText)}`);
      ctx.report({
        span: c.dateSpan,
        message: `Tháng ${Number(d.monthText)} không cần số 0 ở trước; viết: "${fixed}".`,
        messageEn: `Month ${Number(d.monthText)} takes no leading zero; write "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
