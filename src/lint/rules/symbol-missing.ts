// A document cited by its running number only ("Chỉ thị số 35 ngày 30/5/2019"), spec §5.
import { defineRule } from '../define-rule.js';
import { cutOffAfter, fullSymbols, headSpan, isShortForm } from './util.js';

export default defineRule({
  id: 'symbol-missing',
  severity: 'warning',
  docs: {
    description: 'Văn bản được dẫn chỉ bằng số thứ tự, thiếu ký hiệu.',
    descriptionEn: 'A document cited by number only, without its symbol.',
  },
  check(ctx) {
    const full = fullSymbols(ctx.doc);
    for (const c of ctx.doc.citations) {
      if (c.symbol?.shape !== 'number-only') continue;
      // The document gives the whole symbol elsewhere ("Nghị quyết số 57-NQ/TW … Nghị quyết số 57").
      if (isShortForm(c, full)) continue;
      // "… tại Tờ trình số 31" at the very end of a cut excerpt: the symbol may follow on the lost page.
      if (cutOffAfter(ctx.doc, c)) continue;
      ctx.report({
        span: headSpan(c),
        message: `${c.type} số ${c.number} được dẫn thiếu ký hiệu; ghi đủ số và ký hiệu (ví dụ "${c.number}/KH-UBND", "${c.number}-CT/TW").`,
        messageEn: `${c.type} ${c.number} is cited without its symbol; give the full number and symbol.`,
      });
    }
  },
});
