// A type code that is not in the family's table (spec §2; NĐ 30/2020 Phụ lục III, HD 36-HD/VPTW):
// a state công văn written with "CV", "QĐH", or a typo such as "KHPPH". When one doubled letter
// explains it, the report is info and names the likely code.
import { defineRule } from '../define-rule.js';
import { ADMIN_TYPE_CODES, LEGAL_TYPE_CODES, PARTY_TYPE_CODES } from '../../citations/vocabulary/types.js';
import { canonicalCode, undoubleTypo } from '../../citations/identifier.js';
import { numberSpan } from './util.js';
import { issuerByCode } from '../../citations/vocabulary/issuers.js';

export default defineRule({
  id: 'type-code-unknown',
  severity: 'warning',
  symbolForm: true,
  docs: {
    description: 'Mã loại văn bản trong ký hiệu không có trong bảng chữ viết tắt của khối văn bản tương ứng.',
    descriptionEn: 'The type code is not in the type table of its family.',
  },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || !s.typeCodeWritten || s.missingHyphen) continue;
      const written = canonicalCode(s.typeCodeWritten);
      const table = s.family === 'legal' ? LEGAL_TYPE_CODES : s.family === 'party' ? PARTY_TYPE_CODES : ADMIN_TYPE_CODES;
      if (table.has(written)) continue;
      // "Nghị định số 53/NĐ-CP": a legal-normative code that lost its year is known — the missing
      // year is legal-normative-missing-year's finding, not an unknown code.
      if (s.family === 'admin' && LEGAL_TYPE_CODES.has(written)) continue;
      // Codes of the tables in force since 2005 (Thông tư liên tịch 55/2005/TTLT-BNV-VPCP, then NĐ
      // 30/2020): an older symbol ("24/TT-LB" of 1994) may use a code of its own time.
      const legacy = c.year !== null && c.year < 2006;
      // A state công văn carries no type code at all; a steering committee's or a Party body's may.
      const stateBody = s.issuerCodes.some((code) => issuerByCode(code)?.party === false);
      if (s.family === 'admin' && written === 'CV' && !stateBody) continue;
      if (s.family === 'admin' && written === 'CV') {
        const fixed = `${s.seq}/${s.issuerCodes.join('-')}`;
        ctx.report({
          span: numberSpan(c),
          message: `Công văn của cơ quan nhà nước không có mã loại "CV" trong ký hiệu; viết: "${fixed}".`,
          messageEn: `A state official letter has no "CV" type code; write "${fixed}".`,
          expected: fixed,
        });
        continue;
      }
      const typo = undoubleTypo(written);
      ctx.report({
        span: numberSpan(c),
        severity: typo || legacy ? 'info' : undefined,
        message: typo
          ? `Mã loại "${s.typeCodeWritten}" không có trong bảng mã; có lẽ là "${typo}" (cần kiểm tra bản gốc): "${c.canonicalNumber}".`
          : `Mã loại "${s.typeCodeWritten}" không có trong bảng chữ viết tắt tên loại văn bản; kiểm tra lại ký hiệu.`,
        messageEn: typo
          ? `Type code "${s.typeCodeWritten}" is unknown; probably "${typo}" (check the original): "${c.canonicalNumber}".`
          : `Type code "${s.typeCodeWritten}" is not in the table of type abbreviations.`,
        expected: typo ? c.canonicalNumber : null,
      });
    }
  },
});
