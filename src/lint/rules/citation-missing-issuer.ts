// The first citation of a document names no issuer ("của …"). Back-references and named laws
// are exempt (seeds README; NĐ 30/2020 allows laws cited by name).
import { defineRule } from '../define-rule.js';
import { certainIssuer, firstMentions, headSpan, issuerHint } from './util.js';

export default defineRule({
  id: 'citation-missing-issuer',
  severity: 'info',
  docs: { description: 'Lần dẫn đầu tiên của văn bản không ghi cơ quan ban hành ("của …").', descriptionEn: 'The first citation of a document names no issuer.' },
  check(ctx) {
    for (const c of firstMentions(ctx.doc)) {
      if (!c.symbol || c.issuer || c.family === 'named' || c.symbol.shape === 'qh') continue;
      const who = certainIssuer(c);
      // From the type word through the date; when a page gap separates the type word from the
      // number, from the number (the finding belongs where the number is).
      const from = c.numberSpan && c.surface.slice(0, c.numberSpan.offset - c.span.offset).includes('\n') ? c.numberSpan.offset : c.span.offset;
      const head = headSpan(c);
      const end = c.dateSpan ? c.dateSpan.offset + c.dateSpan.length : head.offset + head.length;
      const span = { offset: from, length: end - from };
      const hint = issuerHint(c);
      ctx.report({
        span,
        // Only a name the symbol itself makes certain is suggested; otherwise the message says
        // what is missing and what the symbol tells, and invents nothing.
        message: who
          ? `Lần đầu dẫn ${c.type} số ${c.number} chưa ghi cơ quan ban hành; bổ sung "của ${who}".`
          : `Lần đầu dẫn ${c.type} số ${c.number} chưa ghi cơ quan ban hành${hint ? ` (ký hiệu cho biết: ${hint.vi})` : ''}; ghi rõ tên cơ quan ban hành sau số, ngày.`,
        messageEn: who
          ? `The first citation of ${c.type} ${c.number} names no issuer; add "của ${who}".`
          : `The first citation of ${c.type} ${c.number} names no issuer${hint ? ` (the symbol says: ${hint.en})` : ''}; name the issuing body after the number and date.`,
        expected: who ? `của ${who}` : null,
      });
    }
  },
});
