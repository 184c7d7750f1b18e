// "Đ" lost or replaced by a look-alike inside a code: "BCSD" for "BCSĐ", "QD" for "QĐ", the
// Icelandic Eth "Ð" (U+00D0) for "Đ" (U+0110) — spec §5.
import { defineRule } from '../define-rule.js';
import { canonicalCode } from '../../citations/identifier.js';
import { numberSpan } from './util.js';

export default defineRule({
  id: 'code-missing-diacritic',
  severity: 'info',
  symbolForm: true,
  docs: { description: 'Mã trong ký hiệu mất dấu (D thay cho Đ) hoặc dùng ký tự giống "Đ" nhưng khác mã (Ð).', descriptionEn: 'A code lost its diacritic or uses a look-alike of "Đ".' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.symbol || !c.number) continue;
      const eth = c.number.includes('\u00d0');
      const codes = c.symbol.segments.filter((s) => s.kind === 'code');
      const lost = codes.some((s) => {
        const canon = canonicalCode(s.text);
        return canon !== s.text.replace(/&/g, '') && canon.includes('Đ') && canon.replace(/Đ/g, 'D') === s.text.replace(/&/g, '').replace(/Đ/g, 'D');
      });
      if (!eth && !lost) continue;
      ctx.report({
        span: numberSpan(c),
        message: eth
          ? `Ký hiệu "${c.number}" dùng ký tự "Ð" (U+00D0) thay cho chữ "Đ" tiếng Việt; viết: "${c.canonicalNumber}".`
          : `Ký hiệu "${c.number}" thiếu dấu chữ "Đ"; viết: "${c.canonicalNumber}".`,
        messageEn: eth ? `"${c.number}" uses "Ð" (U+00D0) for "Đ"; write "${c.canonicalNumber}".` : `"${c.number}" lost the "Đ"; write "${c.canonicalNumber}".`,
        expected: c.canonicalNumber,
      });
    }
  },
});
