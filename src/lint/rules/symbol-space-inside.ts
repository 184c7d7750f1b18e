// Whitespace inside a number/symbol ("15- ĐA/TU", "44 /2005/QĐ-UBND"); spec §5.
// The document's own header number is reported too, as info (seeds: "07 /KH-PGDĐT").
import { defineRule } from '../define-rule.js';
import { parseSymbol } from '../../citations/identifier.js';
import { numberSpan } from './util.js';

const hasInnerSpace = (segments: { spaceBefore: number; spaceAfter: number; sep: string | null }[]) =>
  segments.some((s) => s.sep !== ' ' && (s.spaceBefore > 0 || s.spaceAfter > 0));

export default defineRule({
  id: 'symbol-space-inside',
  severity: 'warning',
  docs: {
    description: 'Số, ký hiệu văn bản có khoảng trắng thừa quanh dấu "/" hoặc "-".',
    descriptionEn: 'Whitespace inside a document number/symbol.',
  },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.symbol || !hasInnerSpace(c.symbol.segments)) continue;
      const fixed = c.number!.replace(/\s+/g, '');
      ctx.report({
        span: numberSpan(c),
        message: `Số, ký hiệu "${c.number}" có khoảng trắng thừa; viết liền: "${fixed}".`,
        messageEn: `The symbol "${c.number}" contains spaces; write it without them: "${fixed}".`,
        expected: fixed,
      });
    }
    const h = ctx.doc.header;
    if (h.number && h.numberSpan) {
      const digit = /\d/.exec(h.number);
      const sym = digit ? parseSymbol(h.number, digit.index) : null;
      if (sym && hasInnerSpace(sym.segments)) {
        const fixed = h.number.replace(/\s+/g, '');
        ctx.report({
          span: h.numberSpan,
          severity: 'info',
          message: `Số, ký hiệu của chính văn bản "${h.number}" có khoảng trắng thừa; viết: "${fixed}".`,
          messageEn: `The document's own number "${h.number}" contains spaces; write "${fixed}".`,
          expected: fixed,
        });
      }
    }
  },
});
