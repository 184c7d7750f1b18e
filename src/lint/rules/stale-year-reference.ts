// A dangling "năm YYYY" of a past year tacked onto the end of a clause ("… các cơ quan, năm 2020.",
// "… phong cách Hồ Chí Minh” năm 2022.") in a plan of a later year: probably copied from an
// earlier plan. Info: the reader decides.
import { defineRule } from '../define-rule.js';
import { cleanSpan } from './util.js';

const DANGLING = /(?:(?<![\p{L}])[\p{L}]+,|(?<![”"*])[”"*]+)[ \t]+năm[ \t]+(\d{4})(?=[ \t]*[.;](?:[ \t]|$)|[ \t]*$)/gmu;

export default defineRule({
  id: 'stale-year-reference',
  severity: 'info',
  docs: { description: 'Cụm "năm YYYY" của một năm đã qua gắn ở cuối câu, có thể sót từ kế hoạch năm trước.', descriptionEn: 'A dangling past "năm YYYY" at the end of a clause, probably copied from an earlier plan.' },
  check(ctx) {
    const year = ctx.doc.header.year;
    if (!year) return;
    const t = ctx.doc.cleanText;
    DANGLING.lastIndex = 0;
    for (let m = DANGLING.exec(t); m; m = DANGLING.exec(t)) {
      const y = Number(m[1]);
      if (y >= year || y < year - 5) continue;
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
