// A state document written with the Party shape: "30-NĐ/CP", "2895-QĐ/UBND" (spec §5).
import { defineRule } from '../define-rule.js';
import { isPartyIssuerCode, issuerByCode, issuerByName } from '../../citations/vocabulary/issuers.js';
import { numberSpan } from './util.js';

export default defineRule({
  id: 'state-symbol-party-style',
  severity: 'error',
  symbolForm: true,
  docs: { description: 'Văn bản nhà nước viết số ký hiệu theo kiểu văn bản của Đảng (số-MÃ/CƠQUAN).', descriptionEn: 'A state document written in the Party shape.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || s.shape !== 'party') continue;
      if (!s.issuerCodes.every((i) => issuerByCode(i) && !isPartyIssuerCode(i))) continue;
      // Issued by a Party body ("của Ban cán sự đảng Ủy ban nhân dân tỉnh"): the Party shape is its
      // own; a code that does not fit the body is issuer-name-code-mismatch's finding.
      if (c.issuer && issuerByName(c.issuer)?.party === true) continue;
      const fixed = `${s.seq}/${[s.typeCode, ...s.issuerCodes].join('-')}`;
      ctx.report({
        span: numberSpan(c),
        message: `Văn bản của cơ quan nhà nước ghi số ký hiệu dạng "số/MÃ LOẠI-CƠ QUAN"; viết: "${fixed}".`,
        messageEn: `State documents are numbered "N/TYPE-ISSUER"; write "${fixed}".`,
        expected: fixed,
      });
    }
  },
});
