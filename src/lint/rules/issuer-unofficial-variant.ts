// Issuer codes in an informal spelling: "&" inside a code ("SGD&ĐT", "BGD&ĐT"), "TƯ" for "TW"
// (spec §3, §5); a space inside a code is left to symbol-space-inside. The district office's own
// "GD&ĐT" is reported as info (seeds).
import { defineRule } from '../define-rule.js';
import { issuerOfWritten, numberSpan } from './util.js';

// A space inside a code is symbol-space-inside's finding (one slip, one report).
const informal = (w: string) => /&|TƯ|T\.Ư/u.test(w);

export default defineRule({
  id: 'issuer-unofficial-variant',
  severity: 'warning',
  docs: { description: 'Mã cơ quan trong ký hiệu viết theo dạng không chính thức (có "&", dấu cách, "TƯ").', descriptionEn: 'Issuer code written in an informal variant ("&", space, "TƯ").' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s) continue;
      // The issuing body's code, or a code that names a known body: a drafting unit's own code
      // after it ("123/UBND-KT&HT") is the unit's to choose and is cited as it wrote it.
      const bad = s.issuerCodesWritten.filter((w, i) => informal(w) && (i === 0 || issuerOfWritten(w.replace(/&/g, '')) !== undefined));
      if (!bad.length) continue;
      const district = bad.every((w) => w.replace(/&/g, '') === 'GDĐT');
      const fixed = c.canonicalNumber!;
      ctx.report({
        span: numberSpan(c),
        severity: district ? 'info' : undefined,
        message: district
          ? `Mã "${bad.join(', ')}" trong "${c.number}" có ký tự "&"; ký hiệu viết liền, không dùng "&": "${fixed}" (hoặc mã đã đăng ký của đơn vị, ví dụ PGDĐT).`
          : `Mã cơ quan "${bad.join(', ')}" trong "${c.number}" là dạng viết không chính thức; viết: "${fixed}".`,
        messageEn: district
          ? `Code "${bad.join(', ')}" in "${c.number}" contains "&"; write "${fixed}" (or the office's registered code, e.g. PGDĐT).`
          : `Issuer code "${bad.join(', ')}" in "${c.number}" is an informal variant; write "${fixed}".`,
        expected: fixed,
      });
    }
    const h = ctx.doc.header;
    if (h.number && h.numberSpan && /&/.test(h.number)) {
      const slash = h.number.indexOf('/');
      const evidence = slash >= 0 ? h.number.slice(slash) : h.number;
      const offset = h.numberSpan.offset + (slash >= 0 ? slash : 0);
      const fixed = evidence.replace(/&/g, '').replace(/\s+/g, '');
      ctx.report({
        span: { offset, length: evidence.length },
        severity: /GD&ĐT/.test(evidence) && !/[SB]GD&ĐT/.test(evidence) ? 'info' : undefined,
        message: `Ký hiệu của chính văn bản "${h.number}" có ký tự "&"; viết: "${fixed}" (hoặc mã đã đăng ký của đơn vị, ví dụ PGDĐT).`,
        messageEn: `The document's own symbol "${h.number}" contains "&"; write "${fixed}" (or the registered code, e.g. PGDĐT).`,
        expected: fixed,
      });
    }
  },
});
