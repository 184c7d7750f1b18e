// Type code and issuer code run together or separated by a space instead of "-" (spec §5):
// "36/2017/TTBGDĐT", "693/QĐSGD&ĐT", "19/KH UBND".
import { defineRule } from '../define-rule.js';
import { numberSpan } from './util.js';

export default defineRule({
  id: 'symbol-missing-hyphen',
  severity: 'error',
  symbolForm: true,
  docs: {
    description: 'Thiếu dấu gạch nối "-" giữa mã loại văn bản và mã cơ quan ban hành.',
    descriptionEn: 'Missing hyphen between the type code and the issuer code.',
  },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s) continue;
      // A space between two codes ("19/KH UBND"); one between the number and the type code
      // ("84 QĐ/TWĐTN") is a wrong separator, reported by symbol-wrong-separator.
      const spaced = s.segments.some((seg, i) => seg.sep === ' ' && !(i === 1 && s.segments[0]!.kind === 'digits'));
      if (!s.missingHyphen && !spaced) continue;
      const fixed = c.canonicalNumber!;
      ctx.report({
        span: numberSpan(c),
        message: `Ký hiệu "${c.number}" thiếu dấu gạch nối giữa mã loại văn bản và mã cơ quan; viết: "${fixed}".`,
        messageEn: `The symbol "${c.number}" lacks the hyphen between type and issuer codes; write "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
