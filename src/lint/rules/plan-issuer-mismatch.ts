// The closing sentence names another unit than the plan's own ("Trên đây là kế hoạch … của
// trường mầm non Thanh Hà" in the plan of Trường Mầm non Đỗ Đình Thiện).
import { defineRule } from '../define-rule.js';
import { slugify } from '../../citations/vocabulary/places.js';
import { cleanSpan } from './util.js';

const CLOSING = /Trên đây là[ \t]+[^\n]{0,200}?[ \t]của[ \t]+((?:[Tt]rường|[Pp]hòng|[Ss]ở|UBND|Ủy ban|[Bb]an)[ \t][^\n.\/]{2,80}?)[ \t]*(?:\.\/\.|\.\/|\.|$)/gmu;

export default defineRule({
  id: 'plan-issuer-mismatch',
  severity: 'error',
  docs: { description: 'Câu kết của kế hoạch ghi tên đơn vị khác với đơn vị ban hành.', descriptionEn: 'The closing sentence names another unit than the issuing one.' },
  check(ctx) {
    const t = ctx.doc.cleanText;
    const units: { name: string; start: number; end: number }[] = [];
    CLOSING.lastIndex = 0;
    for (let m = CLOSING.exec(t); m; m = CLOSING.exec(t)) {
      const start = m.index + m[0].indexOf(m[1]!);
      units.push({ name: m[1]!.trim(), start, end: start + m[1]!.trim().length });
    }
    const own = ctx.doc.header.issuingBody ?? units[0]?.name ?? null;
    if (!own) return;
    const ownSlug = slugify(own);
    for (const u of units) {
      const s = slugify(u.name);
      if (s.includes(ownSlug) || ownSlug.includes(s)) continue;
      ctx.report({
        span: cleanSpan(ctx.doc, u.start, u.end),
        message: `Câu kết ghi kế hoạch "của ${u.name}" nhưng đơn vị ban hành là ${own}; sửa tên đơn vị hoặc xóa phần còn sót của văn bản khác.`,
        messageEn: `The closing sentence says "của ${u.name}" but the plan is issued by ${own}; fix the unit or delete the leftover text.`,
        expected: own,
      });
    }
  },
});
