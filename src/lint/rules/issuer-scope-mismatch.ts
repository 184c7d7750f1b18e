// A provincial instrument (of a Tỉnh ủy, a Sở, a provincial People's Committee) described as
// being about one district ("Đề án số 15-ĐA/TU … trên địa bàn huyện Lạc Thủy"): the district
// scope belongs to the citing plan, not to the instrument. When "của …" follows the district
// phrase, the phrase reads as the plan's own scope and nothing is reported.
import { defineRule } from '../define-rule.js';
import { cleanSpan } from './util.js';

const DISTRICT_SCOPE = /trên địa bàn[ \t]+(?:huyện|quận|thị xã|thành phố)[ \t]+(?:\p{Lu}[\p{Ll}]*)(?:[ \t]+\p{Lu}[\p{Ll}]*){0,3}/u;
const PROVINCIAL = new Set(['TU', 'SGDĐT', 'BDVTU', 'UBKTTU', 'SYT']);

export default defineRule({
  id: 'issuer-scope-mismatch',
  severity: 'warning',
  docs: { description: 'Văn bản cấp tỉnh được mô tả như văn bản về phạm vi một huyện.', descriptionEn: 'A provincial instrument is described as being about one district.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.subject || !c.symbol) continue;
      const provincial = c.symbol.issuerCodes.some((x) => PROVINCIAL.has(x)) || (c.symbol.issuerCodes[0] === 'UBND' && /tỉnh/u.test(c.issuer ?? ''));
      if (!provincial) continue;
      const m = DISTRICT_SCOPE.exec(c.subject);
      if (!m) continue;
      const after = c.subject.slice(m.index + m[0].length);
      if (/^[ \t]*của/u.test(after) || after.trim().length > 0) continue;
      const at = ctx.doc.cleanText.indexOf(m[0], c.cleanStart);
      if (at < 0) continue;
      ctx.report({
        span: cleanSpan(ctx.doc, at, at + m[0].length),
        message: `${c.type} số ${c.number} là văn bản cấp tỉnh nhưng được mô tả "${m[0]}"; ghi đúng trích yếu của văn bản (phạm vi toàn tỉnh) và nêu phạm vi huyện của kế hoạch này ở chỗ khác. Nếu đây là văn bản của cấp huyện, ký hiệu phải là của Huyện ủy (…/HU) hoặc UBND huyện.`,
        messageEn: `${c.type} ${c.number} is provincial but described "${m[0]}"; give the instrument's own (provincial) subject and state this plan's district scope separately.`,
      });
    }
  },
});
