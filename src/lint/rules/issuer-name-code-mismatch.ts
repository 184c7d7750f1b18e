// The issuer named in prose ("của …") does not map to the issuer code of the symbol (spec §3
// mapping, §5): "Chỉ thị số 1737/CT-BGDĐT … của Thủ tướng Chính phủ". A code shared by several
// bodies ("GD&ĐT" for the Sở and the Phòng) makes the report a warning.
import { defineRule } from '../define-rule.js';
import { issuerByName } from '../../citations/vocabulary/issuers.js';
import { issuerOfWritten } from './util.js';

export default defineRule({
  id: 'issuer-name-code-mismatch',
  severity: 'error',
  symbolForm: true,
  docs: { description: 'Cơ quan ban hành ghi trong câu ("của …") không khớp với mã cơ quan trong ký hiệu.', descriptionEn: 'The issuer named in prose does not match the issuer code of the symbol.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || !c.issuer || !s.issuerCodesWritten.length) continue;
      const named = issuerByName(c.issuer);
      if (!named) continue;
      // "TƯ" read as the province's "TU" where the named issuer is a Tỉnh ủy (OCR damage, decided in
      // the extractor) is compared as TU: the symbol and the issuer agree.
      const written = s.issuerCodesWritten.map((w, i) => {
        const code = (w === 'TƯ' || w === 'T.Ư') && s.issuerCodes[i] === 'TU' ? 'TU' : w;
        return { w, issuer: issuerOfWritten(code) };
      });
      if (written.some((x) => !x.issuer)) continue; // an unknown unit code: nothing to compare with
      if (written.some((x) => x.issuer!.code === named.code)) continue;
      // The Chairman signs for the People's Committee; Party central bodies all use TW.
      if (named.code === 'UBND' && written.some((x) => x.issuer!.code === 'UBND')) continue;
      const ambiguous = s.issuerCodesWritten.some((w) => w.replace(/&/g, '') === 'GDĐT');
      const codeIssuer = written[0]!.issuer!;
      // From the citation through its issuer, or from the issuer written before it ("của Ban cán sự
      // đảng … tại Công văn số …") through the citation.
      const from = Math.min(c.span.offset, c.issuerSpan?.offset ?? c.span.offset);
      const to = Math.max(c.span.offset + c.span.length, c.issuerSpan ? c.issuerSpan.offset + c.issuerSpan.length : 0);
      const span = { offset: from, length: to - from };
      if (ambiguous) {
        ctx.report({
          span,
          severity: 'warning',
          message: `Ký hiệu "${c.number}" dùng mã "GD&ĐT" của Phòng Giáo dục và Đào tạo nhưng văn bản được ghi là của "${c.issuer}"; nếu là văn bản của Sở, ký hiệu đúng là "${c.canonicalNumber}" (cần kiểm tra bản gốc).`,
          messageEn: `"${c.number}" uses the Phòng's code "GD&ĐT" but is attributed to "${c.issuer}"; if it is the Sở's, the symbol is "${c.canonicalNumber}" (check the original).`,
          expected: c.canonicalNumber,
        });
        continue;
      }
      // An issuer the text gives elsewhere — before the type word, once for a list, or shared with
      // the next citation — is read less surely than one written right after the number and date:
      // a mismatch with it is a warning to check, not an error.
      const end = c.span.offset + c.span.length;
      const adjacent = c.issuerSpan !== null && c.issuerSpan.offset >= end && c.issuerSpan.offset - end <= 12;
      const expected = `${c.typeWritten} số ${c.number}${c.dateWritten ? ` ngày ${c.dateWritten}` : ''} của ${codeIssuer.code === 'BGDĐT' || codeIssuer.code.startsWith('B') ? `Bộ trưởng ${codeIssuer.name}` : codeIssuer.name}`;
      ctx.report({
        span,
        severity: adjacent ? undefined : 'warning',
        message: `Mã "${s.issuerCodesWritten.join('-')}" trong ký hiệu "${c.number}" là của ${codeIssuer.name}, nhưng văn bản được ghi là "của ${c.issuer}" (${named.name}); sửa cơ quan ban hành hoặc ký hiệu cho khớp.`,
        messageEn: `The code "${s.issuerCodesWritten.join('-')}" in "${c.number}" belongs to ${codeIssuer.name}, but the text attributes it to "${c.issuer}".`,
        expected,
      });
    }
  },
});
