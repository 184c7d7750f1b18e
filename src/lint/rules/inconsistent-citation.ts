// One instrument cited twice in the same document with a different date or a different issuer.
// Numbers without a year segment are compared within one year only.
import { defineRule } from '../define-rule.js';
import { issuerByName } from '../../citations/vocabulary/issuers.js';
import type { Citation } from '../../citations/model.js';
import { headSpan } from './util.js';

export default defineRule({
  id: 'inconsistent-citation',
  severity: 'warning',
  docs: { description: 'Cùng một văn bản được dẫn hai lần trong văn bản với ngày hoặc cơ quan ban hành khác nhau.', descriptionEn: 'One instrument cited twice in a document with a different date or issuer.' },
  check(ctx) {
    const first = new Map<string, Citation>();
    for (const c of ctx.doc.citations) {
      if (!c.canonicalNumber || c.family === 'named') continue;
      // A number with no year segment is one instrument only within a year: administrative
      // numbers start again each year ("Kế hoạch số 12/KH-UBND" of 2023 and of 2024 are two).
      const year = c.year ?? (c.date ? c.date.slice(0, 4) : '?');
      const id = `${c.type}|${c.canonicalNumber}|${year}`;
      const prev = first.get(id);
      if (!prev) {
        first.set(id, c);
        continue;
      }
      if (prev.date && c.date && prev.date !== c.date) {
        ctx.report({
          span: c.dateSpan ?? headSpan(c),
          message: `${c.type} số ${c.canonicalNumber} được ghi ngày ${c.dateWritten} ở đây nhưng ngày ${prev.dateWritten} ở dòng ${prev.line}; thống nhất ngày ban hành.`,
          messageEn: `${c.type} ${c.canonicalNumber} is dated ${c.dateWritten} here but ${prev.dateWritten} on line ${prev.line}.`,
          expected: prev.dateWritten,
        });
      }
      const a = prev.issuer ? issuerByName(prev.issuer)?.code : undefined;
      const b = c.issuer ? issuerByName(c.issuer)?.code : undefined;
      if (a && b && a !== b) {
        ctx.report({
          span: c.issuerSpan ?? headSpan(c),
          message: `${c.type} số ${c.canonicalNumber} được ghi là của "${c.issuer}" ở đây nhưng của "${prev.issuer}" ở dòng ${prev.line}; thống nhất cơ quan ban hành.`,
          messageEn: `${c.type} ${c.canonicalNumber} is attributed to "${c.issuer}" here but to "${prev.issuer}" on line ${prev.line}.`,
          expected: prev.issuer,
        });
      }
    }
  },
});
