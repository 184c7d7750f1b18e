// A separator of the wrong kind for the family's shape: "82/2005-QĐ-UBND", "18-2019-TT-BGDĐT",
// "01/QCPH/UBND-UBMTTQ", "10_2016_BGD" (spec §5). The legacy "NQLT/" form is accepted.
import { defineRule } from '../define-rule.js';
import { numberSpan } from './util.js';

export default defineRule({
  id: 'symbol-wrong-separator',
  severity: 'error',
  symbolForm: true,
  docs: {
    description: 'Dấu phân cách trong số, ký hiệu sai loại (gạch nối thay cho gạch chéo, dấu gạch dưới, dấu chấm…).',
    descriptionEn: 'A wrong separator inside the number/symbol.',
  },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s) continue;
      const odd = s.segments.some((seg) => seg.sep === '_' || seg.sep === '.');
      if (!s.wrongSeparators.length && !odd) continue;
      ctx.report({
        span: numberSpan(c),
        message: `Ký hiệu "${c.number}" dùng sai dấu phân cách; viết: "${c.canonicalNumber}".`,
        messageEn: `The symbol "${c.number}" uses a wrong separator; write "${c.canonicalNumber}".`,
        expected: c.canonicalNumber,
      });
    }
  },
});
