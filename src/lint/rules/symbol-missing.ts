// A document cited by its running number only ("Chỉ thị số 35 ngày 30/5/2019"), spec §5.
import { defineRule } from '../define-rule.js';
import { typeByName } from '../../citations/vocabulary/types.js';
import { cutOffAfter, fullSymbols, headSpan, isShortForm } from './util.js';

/** The shapes a number of this type takes, the issuer's part left open: "02/NQ-…", "02-NQ/…". */
function shapes(typeName: string, n: string): string[] {
  const t = typeByName(typeName);
  if (!t) return [];
  const out: string[] = [];
  if (t.legalCode) out.push(`${n}/…/${t.legalCode}-…`);
  if (t.adminCode) out.push(`${n}/${t.adminCode}-…`);
  if (t.partyCodes[0]) out.push(`${n}-${t.partyCodes[0]}/…`);
  return out;
}

export default defineRule({
  id: 'symbol-missing',
  severity: 'warning',
  docs: {
    description: 'Văn bản được dẫn chỉ bằng số thứ tự, thiếu ký hiệu.',
    descriptionEn: 'A document cited by number only, without its symbol.',
  },
  check(ctx) {
    const full = fullSymbols(ctx.doc);
    // Once for each instrument: its repeats ("… nội dung của Nghị quyết 02.") are the same slip.
    const told = new Set<string>();
    for (const c of ctx.doc.citations) {
      if (c.symbol?.shape !== 'number-only') continue;
      const id = `${c.type}|${c.seq}`;
      if (told.has(id)) continue;
      // The document gives the whole symbol elsewhere ("Nghị quyết số 57-NQ/TW … Nghị quyết số 57").
      if (isShortForm(c, full)) continue;
      // "… tại Tờ trình số 31" at the very end of a cut excerpt: the symbol may follow on the lost page.
      if (cutOffAfter(ctx.doc, c)) continue;
      told.add(id);
      const forms = shapes(c.type, c.number ?? '');
      ctx.report({
        span: headSpan(c),
        message: `${c.type} số ${c.number} được dẫn thiếu ký hiệu; ghi đủ số và ký hiệu như trên văn bản gốc${forms.length ? ` (dạng ${forms.map((f) => `"${f}"`).join(' hoặc ')})` : ''}.`,
        messageEn: `${c.type} ${c.number} is cited without its symbol; give the full number and symbol.`,
      });
    }
  },
});
