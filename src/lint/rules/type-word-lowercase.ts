// The type name of a specific document is capitalised ("Kế hoạch số 210/KH-UBND", not
// "kế hoạch số 210/KH-UBND"); NĐ 30/2020 Phụ lục II on capitals.
import { defineRule } from '../define-rule.js';
import { capitalize, headSpan } from './util.js';

export default defineRule({
  id: 'type-word-lowercase',
  severity: 'info',
  docs: { description: 'Tên loại của một văn bản cụ thể viết thường.', descriptionEn: 'The type name of a specific document is not capitalised.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.symbol || c.sharedTypeWord) continue;
      const first = c.typeWritten[0]!;
      if (first !== first.toLowerCase()) continue;
      const fixed = `${capitalize(c.typeWritten)} số ${c.number}`;
      ctx.report({
        span: headSpan(c),
        message: `Tên loại của văn bản cụ thể phải viết hoa chữ cái đầu; viết: "${fixed}".`,
        messageEn: `Capitalise the type name of a specific document: "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
