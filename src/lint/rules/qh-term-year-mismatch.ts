// The National Assembly term in "…/QHnn" or "…/UBTVQHnn" does not fit the year (spec §5:
// QH12 ≈ 2007–2011, QH13 ≈ 2011–2016, QH14 ≈ 2016–2021, QH15 ≈ 2021–2026; both terms accepted
// in an election year).
import { defineRule } from '../define-rule.js';
import { numberSpan } from './util.js';

const TERMS: Record<number, [number, number]> = { 11: [2002, 2007], 12: [2007, 2011], 13: [2011, 2016], 14: [2016, 2021], 15: [2021, 2026], 16: [2026, 2031] };

export default defineRule({
  id: 'qh-term-year-mismatch',
  severity: 'warning',
  docs: { description: 'Khóa Quốc hội trong ký hiệu (QH14, UBTVQH15…) không khớp với năm ban hành.', descriptionEn: 'The National Assembly term in the symbol does not fit the year.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || s.shape !== 'qh' || !s.year) continue;
      const m = /(\d{2})$/.exec(s.issuerCodes[0] ?? '');
      const term = m ? Number(m[1]) : NaN;
      const range = TERMS[term];
      if (!range || (s.year >= range[0] && s.year <= range[1])) continue;
      const right = Object.entries(TERMS).find(([, [a, b]]) => s.year! >= a && s.year! <= b)?.[0];
      ctx.report({
        span: numberSpan(c),
        message: `Năm ${s.year} không thuộc nhiệm kỳ Quốc hội khóa ${term}${right ? ` (năm ${s.year} thuộc khóa ${right})` : ''}; kiểm tra lại số ký hiệu.`,
        messageEn: `The year ${s.year} is outside the term of the ${term}th National Assembly${right ? ` (it falls in term ${right})` : ''}.`,
      });
    }
  },
});
