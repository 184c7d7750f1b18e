// Fixed phrases of administrative prose with a word dropped: "trên địa huyện" for "trên địa bàn
// huyện". A small list of known slips, each certain.
import { defineRule } from '../define-rule.js';
import { cleanSpan } from './util.js';

const SLIPS: { re: RegExp; fix: (m: RegExpExecArray) => string }[] = [
  { re: /trên địa[ \t]+(?=(?:huyện|tỉnh|xã|phường|quận|thành phố|thị xã|thị trấn)[ \t])((?:huyện|tỉnh|xã|phường|quận|thành phố|thị xã|thị trấn)(?:[ \t]+\p{Lu}[\p{Ll}]*){1,3})/gu, fix: (m) => `trên địa bàn ${m[1]}` },
];

export default defineRule({
  id: 'description-typo',
  severity: 'info',
  docs: { description: 'Cụm từ hành chính quen thuộc bị thiếu chữ ("trên địa huyện").', descriptionEn: 'A fixed administrative phrase with a word dropped.' },
  check(ctx) {
    const t = ctx.doc.cleanText;
    for (const { re, fix } of SLIPS) {
      re.lastIndex = 0;
      for (let m = re.exec(t); m; m = re.exec(t)) {
        const fixed = fix(m);
        ctx.report({
          span: cleanSpan(ctx.doc, m.index, m.index + m[0].length),
          message: `"${m[0]}" thiếu chữ; viết: "${fixed}".`,
          messageEn: `"${m[0]}" has a word missing; write "${fixed}".`,
          expected: fixed,
        });
      }
    }
  },
});
