// A Party document written with the state shape (slash before the type, hyphen before the
// issuer), with a year, or without its type code: "39/QĐ-VPTW", "05/CT-TW", "Chỉ thị số 37/TW".
import { defineRule } from '../define-rule.js';
import { isPartyIssuerCode } from '../../citations/vocabulary/issuers.js';
import { PARTY_TYPE_CODES, typeByName } from '../../citations/vocabulary/types.js';
import { numberSpan } from './util.js';

export default defineRule({
  id: 'party-symbol-state-style',
  severity: 'error',
  symbolForm: true,
  docs: { description: 'Văn bản của Đảng viết số ký hiệu theo kiểu văn bản nhà nước (số/MÃ-CƠQUAN) hoặc thiếu mã loại.', descriptionEn: 'A Party document written in the state shape or without its type code.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || (s.shape !== 'admin' && s.shape !== 'legal')) continue;
      const issuers = s.issuerCodes;
      if (!issuers.length || !issuers.every((i) => isPartyIssuerCode(i))) continue;
      const typeCode = s.typeCode ?? typeByName(c.type)?.partyCodes[0] ?? null;
      if (typeCode && !PARTY_TYPE_CODES.has(typeCode)) continue;
      const fixed = typeCode ? `${s.seq}-${typeCode}/${issuers.join('-')}` : null;
      ctx.report({
        span: numberSpan(c),
        message: `Văn bản của Đảng ghi số ký hiệu dạng "số-MÃ LOẠI/CƠ QUAN", không theo kiểu văn bản nhà nước${fixed ? `; viết: "${fixed}"` : ''}.`,
        messageEn: `Party documents are numbered "N-TYPE/ISSUER"${fixed ? `; write "${fixed}"` : ''}.`,
        expected: fixed,
      });
    }
  },
});
