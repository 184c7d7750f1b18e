// "Nghị định 90/2020/NĐ-CP": the word "số" is missing between the type word and the number.
import { defineRule } from '../define-rule.js';
import { headSpan } from './util.js';

export default defineRule({
  id: 'citation-missing-so',
  severity: 'info',
  docs: { description: 'Thiếu chữ "số" giữa tên loại văn bản và số, ký hiệu.', descriptionEn: 'The word "số" is missing before the number.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.symbol || c.hasSo || c.sharedTypeWord) continue;
      const fixed = `${c.typeWritten} số ${c.number}`;
      ctx.report({
        span: headSpan(c),
        message: `Thiếu chữ "số" trước số, ký hiệu; viết: "${fixed}".`,
        messageEn: `"số" is missing before the number; write "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
