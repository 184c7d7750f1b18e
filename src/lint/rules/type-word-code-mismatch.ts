// The type word before "số" disagrees with the type code in the symbol (spec §5):
// "Nghị định số 04/2015/NQ-CP", "công văn số 82/2005/QĐ-UBND". A state công văn has no code,
// a Party công văn has "CV". Party Quyết định and Quy định share "QĐ" (the registry tells them
// apart, see unverified-citation).
import { defineRule } from '../define-rule.js';
import { DOCUMENT_TYPES, typeByName } from '../../citations/vocabulary/types.js';
import { canonicalCode } from '../../citations/identifier.js';
import { headSpan } from './util.js';

function accepted(typeName: string, family: string): Set<string> {
  const t = typeByName(typeName);
  const codes = new Set<string>();
  if (!t) return codes;
  if (family === 'legal') [t.legalCode, t.adminCode].forEach((c) => c && codes.add(c));
  else if (family === 'party') [...t.partyCodes, ...t.otherCodes].forEach((c) => codes.add(c));
  else [t.adminCode, ...t.otherCodes].forEach((c) => c && codes.add(c));
  return codes;
}

// Which legal-normative types a central issuer may issue (Luật Ban hành văn bản quy phạm pháp luật
// 2015, Điều 4): the Prime Minister Quyết định (and Chỉ thị), a minister Thông tư, the Government
// Nghị định and Nghị quyết, the National Assembly Luật and Nghị quyết.
const ISSUES: Record<string, string[]> = {
  TTg: ['Quyết định', 'Chỉ thị'],
  CP: ['Nghị định', 'Nghị quyết'],
  QH: ['Luật', 'Bộ luật', 'Nghị quyết'],
};

const ALL_CODES = new Set(DOCUMENT_TYPES.flatMap((t) => [t.adminCode, t.legalCode, ...t.partyCodes, ...t.otherCodes].filter(Boolean) as string[]));

export default defineRule({
  id: 'type-word-code-mismatch',
  severity: 'error',
  symbolForm: true,
  docs: { description: 'Tên loại văn bản (Nghị định, Thông tư…) không khớp với mã loại trong ký hiệu.', descriptionEn: 'The type word does not match the type code in the symbol.' },
  check(ctx) {
    for (const c of ctx.doc.citations) {
      const s = c.symbol;
      if (!s || s.shape === 'number-only' || s.shape === 'irregular' || s.shape === 'qh') continue;
      const written = s.typeCodeWritten ? canonicalCode(s.typeCodeWritten) : null;
      const congVan = c.type === 'Công văn' || c.type === 'Văn bản';
      if (congVan) {
        // A state công văn: issuer first, no type code; a Party one: "CV".
        if (written && written !== 'CV' && ALL_CODES.has(written)) {
          ctx.report({
            span: headSpan(c),
            message: `"${c.typeWritten} số ${c.number}" mang mã loại "${s.typeCodeWritten}" của văn bản khác; công văn không có mã loại (khối Đảng dùng "CV"). Kiểm tra lại tên loại hoặc ký hiệu.`,
            messageEn: `"${c.typeWritten} ${c.number}" carries the type code "${s.typeCodeWritten}"; an official letter has none (Party letters use "CV").`,
          });
        }
        continue;
      }
      if (!written || !ALL_CODES.has(written) || s.missingHyphen) continue;
      const ok = accepted(c.type, s.family);
      if (ok.size === 0 || ok.has(written)) continue;
      if (c.type === 'Quy định' && (written === 'QĐ' || written === 'QĐi')) continue;
      // The issuer named by the symbol cannot issue the type the word names, but can issue the one
      // its code names ("nghị Quyết số 153/2006/QĐ-TTg": the Prime Minister issues no Nghị quyết):
      // the type word is what is wrong.
      const codeType = DOCUMENT_TYPES.find((d) => (s.family === 'legal' ? d.legalCode : d.adminCode) === written);
      const issues = ISSUES[s.issuerCodes[s.issuerCodes.length - 1] ?? ''];
      if (codeType && issues && !issues.includes(c.type) && issues.includes(codeType.name)) {
        const expected = `${codeType.name} số ${c.canonicalNumber}`;
        ctx.report({
          span: headSpan(c),
          message: `Ký hiệu "${c.number}" là của một ${codeType.name} (mã "${s.typeCodeWritten}"), và cơ quan ban hành không ban hành ${c.type}; viết: "${expected}".`,
          messageEn: `"${c.number}" is the symbol of a ${codeType.name} (code "${s.typeCodeWritten}"), and its issuer issues no ${c.type}; write "${expected}".`,
          expected,
        });
        continue;
      }
      const right = s.family === 'legal' ? typeByName(c.type)?.legalCode : [...ok][0];
      const fixed = right ? c.canonicalNumber!.replace(new RegExp(`(^|[/-])${written}(?=[-/])`), `$1${right}`) : null;
      const expected = fixed ? `${c.type} số ${fixed}` : null;
      ctx.report({
        span: headSpan(c),
        message: right
          ? `${c.type} phải mang mã "${right}", nhưng ký hiệu "${c.number}" ghi mã "${s.typeCodeWritten}" (${typeNameOf(written)}); viết: "${expected}".`
          : `Tên loại "${c.type}" không khớp với mã "${s.typeCodeWritten}" trong ký hiệu "${c.number}".`,
        messageEn: right
          ? `A ${c.type} carries "${right}", but "${c.number}" has "${s.typeCodeWritten}"; write "${expected}".`
          : `The type word "${c.type}" does not match the code "${s.typeCodeWritten}" in "${c.number}".`,
        expected,
      });
    }
  },
});

function typeNameOf(code: string): string {
  const t = DOCUMENT_TYPES.find((d) => d.legalCode === code || d.adminCode === code);
  return t ? `mã của ${t.name}` : 'mã khác';
}
