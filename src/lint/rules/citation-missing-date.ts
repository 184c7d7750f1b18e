// The first citation of a document (other than a luật / pháp lệnh, and not a named instrument)
// gives no date (spec §5; NĐ 34/2016 Điều 75, NQ 351/2017 Điều 24; NĐ 30/2020 Phụ lục I for
// administrative documents). A citation nested in another's description is reported as info.
import { defineRule } from '../define-rule.js';
import { firstMentions, headSpan } from './util.js';

export default defineRule({
  id: 'citation-missing-date',
  severity: 'warning',
  docs: { description: 'Lần dẫn đầu tiên của văn bản không ghi ngày ban hành.', descriptionEn: 'The first citation of a document gives no date.' },
  check(ctx) {
    for (const c of firstMentions(ctx.doc)) {
      if (!c.symbol || c.date || c.dateWritten || c.family === 'named') continue;
      if (['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp'].includes(c.type)) continue;
      ctx.report({
        span: headSpan(c),
        severity: c.nested ? 'info' : undefined,
        message: `Lần đầu dẫn ${c.type} số ${c.number} chưa ghi ngày ban hành; bổ sung: "${c.typeWritten} số ${c.number} ngày dd/mm/yyyy".`,
        messageEn: `The first citation of ${c.type} ${c.number} gives no date; add "ngày dd/mm/yyyy".`,
        expected: `${c.typeWritten} số ${c.number} ngày dd/mm/yyyy`,
      });
    }
  },
});
