// An always-administrative document (Kế hoạch, Thông báo, Báo cáo, Tờ trình, công văn …) carries
// a year segment: "36/2022/KH-UBND", "4555/2025/BGDĐT-GDPT" (spec §5).
import { defineRule } from '../define-rule.js';
import { typeByName } from '../../citations/vocabulary/types.js';
import { numberSpan } from './util.js';

export default defineRule({
  id: 'admin-has-year-segment',
  severity: 'warning',
  symbolForm: true,
  docs: { description: 'Văn bản hành chính (kế hoạch, thông báo, công văn…) có năm trong số, ký hiệu.', descriptionEn: 'An administrative document carries a year segment.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || s.shape !== 'legal') continue;
      const t = typeByName(c.type);
      if (!t?.alwaysAdministrative) continue;
      const fixed = `${s.seq}/${[s.typeCode, ...s.issuerCodes].filter(Boolean).join('-')}`;
      ctx.report({
        span: numberSpan(c),
        message: `${c.type} là văn bản hành chính, số ký hiệu không ghi năm: "${fixed}".`,
        messageEn: `A ${c.type} is administrative; its number has no year: "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
