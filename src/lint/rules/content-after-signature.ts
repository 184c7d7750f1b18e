// Substantive text after the signature block: the remains of another document pasted below the
// signature (seed 004 lines 76–126 are an older plan of another school).
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'content-after-signature',
  // A warning: the text after the signature may be a leftover — or a part of the document the
  // layout did not recognise; the reader decides.
  severity: 'warning',
  layout: true,
  docs: { description: 'Có nội dung sau phần chữ ký, nơi nhận (phần còn sót của văn bản khác).', descriptionEn: 'Content after the signature block.' },
  check(ctx) {
    const start = ctx.doc.signatureEnd;
    if (start === null) return;
    const src = ctx.doc.source;
    const lineEnd = src.indexOf('\n', start);
    const first = src.slice(start, lineEnd < 0 ? src.length : lineEnd);
    const lead = first.length - first.trimStart().length;
    const from = ctx.doc.locate(start).line;
    const to = ctx.doc.locate(src.trimEnd().length).line;
    ctx.report({
      span: { offset: start + lead, length: first.trim().length },
      message: `Sau phần chữ ký còn ${to - from + 1} dòng nội dung (dòng ${from}–${to}), có thể sót lại từ văn bản khác; xóa phần này hoặc đưa lên đúng vị trí trong văn bản.`,
      messageEn: `${to - from + 1} lines of content follow the signature (lines ${from}–${to}), probably left over from another document; delete them or move them into the body.`,
      expected: `Xóa dòng ${from}–${to}`,
    });
  },
});
