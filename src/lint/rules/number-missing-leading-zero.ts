// The document's own running number below 10 without the leading zero ("Số: 5/HD-SGDĐT"),
// NĐ 30/2020 Phụ lục I; prose citations are tolerated (spec §5).
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'number-missing-leading-zero',
  severity: 'info',
  docs: { description: 'Số của văn bản dưới 10 không có số 0 ở trước.', descriptionEn: "The document's own number below 10 lacks the leading zero." },
  check(ctx) {
    const h = ctx.doc.header;
    if (!h.number || !h.numberSpan) return;
    const m = /^(\d)(?=\s*[\/-])/.exec(h.number);
    if (!m) return;
    const fixed = `0${h.number.replace(/\s+/g, '')}`;
    ctx.report({
      span: { offset: h.numberSpan.offset, length: h.number.length },
      message: `Số văn bản dưới 10 phải có số 0 ở trước; viết: "${fixed}".`,
      messageEn: `Numbers below 10 take a leading zero; write "${fixed}".`,
      expected: fixed,
    });
  },
});
