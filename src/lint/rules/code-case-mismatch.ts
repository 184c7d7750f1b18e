// Registered mixed-case codes written in the wrong case outside a heading in capitals
// ("TTG" for "TTg", "CTR" for "CTr"), spec §5.
import { defineRule } from '../define-rule.js';
import { MIXED_CASE_CODES } from '../../citations/vocabulary/types.js';
import { inAllCapsLine, numberSpan } from './util.js';

const MIXED_UPPER = new Set(MIXED_CASE_CODES.map((m) => m.toUpperCase()));

export default defineRule({
  id: 'code-case-mismatch',
  severity: 'warning',
  symbolForm: true,
  docs: { description: 'Mã viết hoa/thường sai so với dạng đã đăng ký (TTg, CTr, TTr, QyĐ, TrS).', descriptionEn: 'A mixed-case code written in the wrong case.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.symbol || !c.symbol.segments.some((seg) => seg.kind === 'code' && MIXED_UPPER.has(seg.text.toUpperCase()))) continue;
      if (inAllCapsLine(ctx.doc, c.span.offset)) continue;
      for (const seg of c.symbol.segments) {
        if (seg.kind !== 'code') continue;
        const right = MIXED_CASE_CODES.find((m) => m.toUpperCase() === seg.text.toUpperCase() && m !== seg.text);
        if (!right) continue;
        ctx.report({
          span: numberSpan(c),
          message: `Mã "${seg.text}" phải viết là "${right}"; viết: "${c.canonicalNumber}".`,
          messageEn: `Code "${seg.text}" is written "${right}"; write "${c.canonicalNumber}".`,
          expected: c.canonicalNumber,
        });
      }
    }
  },
});
