// A cited document dated after the citing document's own date (a document cannot cite one not
// yet issued), spec §5.
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'date-after-citing-document',
  severity: 'error',
  docs: { description: 'Văn bản được dẫn có ngày ban hành sau ngày của chính văn bản dẫn nó.', descriptionEn: 'A cited document is dated after the citing document.' },
  check(ctx) {
    const own = ctx.doc.header.date;
    if (!own) return;
    for (const c of ctx.doc.citations) {
      if (!c.date || c.date <= own || !c.dateSpan) continue;
      ctx.report({
        span: c.dateSpan,
        message: `${c.type} số ${c.number} ghi ngày ${c.dateWritten}, sau ngày ban hành của văn bản này (${own.split('-').reverse().join('/')}); kiểm tra lại ngày.`,
        messageEn: `${c.type} ${c.number} is dated ${c.dateWritten}, after this document (${own}); check the date.`,
      });
    }
  },
});
