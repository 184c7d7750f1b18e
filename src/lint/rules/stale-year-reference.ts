// A dangling "năm YYYY" of a past year tacked onto the end of a clause ("… các cơ quan, năm 2020.",
// "… phong cách Hồ Chí Minh” năm 2022.") in a plan of a later year: probably copied from an
// earlier plan. Info: the reader decides.
import { defineRule } from '../define-rule.js';
import { cleanSpan } from './util.js';

// Led by the literal "năm" (fast to find); what stands before it is checked on a short window.
const YEAR = /năm[ \t]+(\d{4})(?=[ \t]*[.;](?:[ \t]|$)|[ \t]*$)/gmu;
const BEFORE = /(?:(?<![\p{L}])[\p{L}]+,|[”"*]+)[ \t]+$/u;

export default defineRule({
  id: 'stale-year-reference',
  severity: 'info',
  docs: { description: 'Cụm "năm YYYY" của một năm đã qua gắn ở cuối câu, có thể sót từ kế hoạch năm trước.', descriptionEn: 'A dangling past "năm YYYY" at the end of a clause, probably copied from an earlier plan.' },
  check(ctx) {
    const year = ctx.doc.header.year;
    if (!year) return;
    const t = ctx.doc.cleanText;
    YEAR.lastIndex = 0;
    for (let y0 = YEAR.exec(t); y0; y0 = YEAR.exec(t)) {
      const y = Number(y0[1]);
      if (y >= year || y < year - 5) continue;
      const window = t.slice(Math.max(0, y0.index - 40), y0.index);
      const b = BEFORE.exec(window);
      if (!b) continue;
      const start = y0.index - (window.length - b.index);
      const m = { index: start, 0: t.slice(start, y0.index + y0[0].length) };
      const at = ctx.doc.toSource(m.index);
      if (ctx.doc.signatureEnd !== null && at >= ctx.doc.signatureEnd) continue;
      ctx.report({
        span: cleanSpan(ctx.doc, m.index, m.index + m[0].length),
        message: `"${m[0]}" nhắc năm ${y} trong kế hoạch năm ${year}; kiểm tra lại: có thể là phần sót từ kế hoạch năm trước (sửa thành năm ${year} hoặc bỏ).`,
        messageEn: `"${m[0]}" names ${y} in the ${year} plan; probably left over from an earlier plan (change to ${year} or drop it).`,
        expected: `năm ${year}`,
      });
    }
  },
});
