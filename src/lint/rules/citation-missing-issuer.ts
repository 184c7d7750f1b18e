// The first citation of a document names no issuer ("của …"). Back-references and named laws
// are exempt (seeds README; NĐ 30/2020 allows laws cited by name).
import { defineRule } from '../define-rule.js';
import { firstMentions, headSpan, suggestedIssuer } from './util.js';

export default defineRule({
  id: 'citation-missing-issuer',
  severity: 'info',
  docs: { description: 'Lần dẫn đầu tiên của văn bản không ghi cơ quan ban hành ("của …").', descriptionEn: 'The first citation of a document names no issuer.' },
  check(ctx) {
    for (const c of firstMentions(ctx.doc)) {
      if (!c.symbol || c.issuer || c.family === 'named' || c.symbol.shape === 'qh') continue;
      const who = suggestedIssuer(c, ctx.doc);
      // From the type word through the date; when a page gap separates the type word from the
      // number, from the number (the finding belongs where the number is).
      const from = c.numberSpan && c.surface.slice(0, c.numberSpan.offset - c.span.offset).includes('\n') ? c.numberSpan.offset : c.span.offset;
      const head = headSpan(c);
      const end = c.dateSpan ? c.dateSpan.offset + c.dateSpan.length : head.offset + head.length;
      const span = { offset: from, length: end - from };
      ctx.report({
        span,
        message: who
          ? `Lần đầu dẫn ${c.type} số ${c.number} chưa ghi cơ quan ban hành; bổ sung "của ${who}"${who.includes('…') || c.symbol.issuerCodes[0] === 'UBND' ? ' (cần kiểm tra)' : ''}.`
          : `Lần đầu dẫn ${c.type} số ${c.number} chưa ghi cơ quan ban hành; bổ sung "của …".`,
        messageEn: `The first citation of ${c.type} ${c.number} names no issuer; add "của ${who ?? '…'}".`,
        expected: who ? `của ${who}` : null,
      });
    }
  },
});
