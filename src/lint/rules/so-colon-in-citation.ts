// "Quyết định số: 979/QĐ-…" — the colon belongs only to the header "Số:" (spec §5).
import { defineRule } from '../define-rule.js';
import { headSpan } from './util.js';

export default defineRule({
  id: 'so-colon-in-citation',
  severity: 'info',
  docs: { description: 'Dấu hai chấm sau chữ "số" khi dẫn văn bản trong câu.', descriptionEn: 'A colon after "số" inside running text.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      if (!c.soColon || !c.number) continue;
      const fixed = `${c.typeWritten} số ${c.number.replace(/\s+/g, '')}`;
      ctx.report({
        span: headSpan(c),
        message: `Khi dẫn văn bản không dùng dấu hai chấm sau "số"; viết: "${fixed}".`,
        messageEn: `No colon after "số" in a citation; write "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
