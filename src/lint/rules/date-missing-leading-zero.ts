// Day below 10 or month 1–2 written without the leading zero (NĐ 30/2020 Phụ lục I): a warning
// in the header date, info in citations (spec §4.2, §5). In the strict preset.
import { defineRule } from '../define-rule.js';
import { parseDateAt } from '../../citations/dates.js';

const pad = (n: number) => String(n).padStart(2, '0');

export default defineRule({
  id: 'date-missing-leading-zero',
  severity: 'warning',
  docs: { description: 'Ngày dưới 10 hoặc tháng 1, 2 không có số 0 ở trước.', descriptionEn: 'Day < 10 or month 1–2 without the leading zero.' },
  check(ctx) {
    const check = (day: string | null, month: string | null, year: number | null, written: string, span: { offset: number; length: number }, header: boolean) => {
      const d = day ? Number(day) : null;
      const m = month ? Number(month) : null;
      const dayBad = d !== null && d < 10 && day!.length === 1;
      const monthBad = m !== null && m <= 2 && month!.length === 1;
      if (!dayBad && !monthBad) return;
      const fixed = written.replace(/^\d{1,2}/, d !== null ? pad(d) : '').replace(/(tháng\s+|[\/.\-]\s*)(\d{1,2})(?=\s*(?:năm|[\/.\-]))/u, (_, a: string, b: string) => a + (Number(b) <= 2 ? pad(Number(b)) : String(Number(b))));
      ctx.report({
        span,
        severity: header ? 'warning' : 'info',
        message: `Ngày dưới 10 và tháng 1, 2 phải có số 0 ở trước; viết: "${fixed}".`,
        messageEn: `Days below 10 and months 1–2 take a leading zero; write "${fixed}".`,
        expected: fixed,
      });
      void year;
    };
    const h = ctx.doc.header;
    if (h.dateSpan && h.dateWritten) {
      const at = h.dateWritten.search(/\d/);
      const d = at >= 0 ? parseDateAt(h.dateWritten, at) : null;
      if (d) check(d.dayText, d.monthText, d.year, d.written, { offset: h.dateSpan.offset + at, length: d.written.length }, true);
    }
    for (const c of ctx.doc.citations) {
      const d = c.dateParts;
      if (!d || !c.dateSpan || !c.dateWritten) continue;
      check(d.dayText, d.monthText, d.year, c.dateWritten, c.dateSpan, false);
    }
  },
});
