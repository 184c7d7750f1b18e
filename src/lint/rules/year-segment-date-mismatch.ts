// The year in a legal-normative number differs from the year of its date:
// "Nghị định số 30/2020/NĐ-CP ngày 05/3/2021" (spec §5).
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'year-segment-date-mismatch',
  severity: 'error',
  symbolForm: true,
  docs: { description: 'Năm trong số ký hiệu khác năm của ngày ban hành đi kèm.', descriptionEn: 'The year in the number differs from the year of the date.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || (s.shape !== 'legal' && s.shape !== 'qh') || !s.year || !c.dateParts?.year) continue;
      if (s.year === c.dateParts.year) continue;
      ctx.report({
        span: c.span,
        message: `Số ký hiệu "${c.number}" mang năm ${s.year} nhưng ngày ban hành ghi năm ${c.dateParts.year}; kiểm tra lại số hoặc ngày.`,
        messageEn: `"${c.number}" carries the year ${s.year} but is dated ${c.dateParts.year}; check the number or the date.`,
      });
    }
  },
});
