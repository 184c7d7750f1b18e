// A type that is always normative (Nghị định, Thông tư, Thông tư liên tịch) cited without the
// year segment: "Nghị định số 30/NĐ-CP" (spec §5). Documents before 2005 predate the rule.
import { defineRule } from '../define-rule.js';
import { numberSpan } from './util.js';

const CUTOFF = 2005;

export default defineRule({
  id: 'legal-normative-missing-year',
  severity: 'error',
  symbolForm: true,
  docs: { description: 'Văn bản quy phạm pháp luật (Nghị định, Thông tư…) được dẫn thiếu năm ban hành trong số, ký hiệu.', descriptionEn: 'A legal-normative document cited without the year segment.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || s.shape !== 'admin') continue;
      if (!['Nghị định', 'Thông tư', 'Thông tư liên tịch'].includes(c.type)) continue;
      const year = c.date ? Number(c.date.slice(0, 4)) : null;
      if (year !== null && year < CUTOFF) continue;
      const fixed = `${s.seq}/${year ?? 'YYYY'}/${[s.typeCode, ...s.issuerCodes].filter(Boolean).join('-')}`;
      ctx.report({
        span: numberSpan(c),
        message: `${c.type} là văn bản quy phạm pháp luật, số ký hiệu phải có năm ban hành: "${fixed}".`,
        messageEn: `A ${c.type} is normative; its number carries the year: "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
