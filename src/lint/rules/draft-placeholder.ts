// Blank or dotted slots left from a draft template in the number or date: "Số: /KH-UBND",
// "ngày tháng 10 năm 2023", "Quyết định số: /QĐ-STNMT" (spec §5).
import { defineRule } from '../define-rule.js';
import { cleanSpan } from './util.js';

// No two adjacent optional runs of spaces: the pattern stays linear on long runs of blanks.
const BLANK_NUMBER = /(?<![\p{L}])(?:Số|số)[ \t]*(?::[ \t]*)?(?:(?:\.{2,}|…+|_+)[ \t]*)?\/(?:[ \t]*[\p{Lu}][\p{L}&\-]*)/gu;
const BLANK_DATE = /(?<![\p{L}])ngày[ \t]+(?:(?:\.{2,}|…+|_+)[ \t]*)?tháng[ \t]+(?:(?:\.{2,}|…+|_+|\d{1,2})[ \t]+)?năm[ \t]+\d{4}/gu;

export default defineRule({
  id: 'draft-placeholder',
  severity: 'warning',
  docs: { description: 'Số hoặc ngày còn để trống theo mẫu dự thảo.', descriptionEn: 'A blank number or date left from a draft template.' },
  check(ctx) {
    const t = ctx.doc.cleanText;
    const head = ctx.doc.layout.typeLine >= 0 ? ctx.doc.layout.lines[ctx.doc.layout.typeLine]!.start : Math.min(t.length, 2000);
    BLANK_NUMBER.lastIndex = 0;
    for (let m = BLANK_NUMBER.exec(t); m; m = BLANK_NUMBER.exec(t)) {
      const inHeader = m.index < head;
      ctx.report({
        span: cleanSpan(ctx.doc, m.index, m.index + m[0].length),
        message: inHeader ? `Số văn bản còn để trống ("${m[0]}"); điền số đã đăng ký trước khi ban hành.` : `Số văn bản được dẫn còn để trống ("${m[0]}"); điền số, ký hiệu đầy đủ.`,
        messageEn: `The number is left blank ("${m[0]}"); fill in the registered number before issue.`,
      });
    }
    BLANK_DATE.lastIndex = 0;
    for (let m = BLANK_DATE.exec(t); m; m = BLANK_DATE.exec(t)) {
      const example = m[0].replace(/^ngày[ \t]+(?:(?:\.{2,}|…+|_+)[ \t]*)?/u, 'ngày 05 ').replace(/tháng[ \t]+(?:(?:\.{2,}|…+|_+)[ \t]+)?năm/u, (x) => (/\d/.test(x) ? x : 'tháng 10 năm'));
      ctx.report({
        span: cleanSpan(ctx.doc, m.index, m.index + m[0].length),
        message: `Ngày ban hành còn để trống ("${m[0]}"); điền đủ ngày, ví dụ "${example}".`,
        messageEn: `The date is left blank ("${m[0]}"); fill in the day, e.g. "${example}".`,
      });
    }
  },
});
