// In the căn cứ block an item of higher legal force follows one of lower force (spec §6: order
// by legal force — Luật 80/2015/QH13 Điều 4, Luật 64/2025/QH15 Điều 4). Within one rank the order
// is not reported (practice varies); non-normative and Party documents are not ranked.
import { defineRule } from '../define-rule.js';
import type { Citation } from '../../citations/model.js';
import { headSpan } from './util.js';

const ITEM_OPENING = /^\s*(?:[-+•–]\s*)?(?:Căn cứ\s+)?(?:các\s+)?$/u;

function rank(c: Citation): number | null {
  const s = c.symbol;
  switch (c.type) {
    case 'Hiến pháp':
      return 1;
    case 'Luật':
    case 'Bộ luật':
      return 2;
    case 'Pháp lệnh':
      return 3;
    case 'Nghị định':
      return 5;
    case 'Thông tư':
      return 8;
    case 'Thông tư liên tịch':
      return 9;
  }
  if (!s) return null;
  if (s.shape === 'qh') return s.issuerCodes[0]?.startsWith('UBTVQH') ? 3 : 2;
  if (s.shape !== 'legal') return null;
  const issuer = s.issuerCodes[0];
  if (c.type === 'Nghị quyết' && issuer === 'CP') return 5;
  if (c.type === 'Quyết định' && issuer === 'TTg') return 6;
  if (c.type === 'Nghị quyết' && issuer === 'HĐND') return 10;
  if (c.type === 'Quyết định' && issuer === 'UBND') return 11;
  return null;
}

const LABEL: Record<number, string> = { 1: 'Hiến pháp', 2: 'luật, nghị quyết của Quốc hội', 3: 'pháp lệnh, nghị quyết của UBTVQH', 5: 'nghị định', 6: 'quyết định của Thủ tướng', 8: 'thông tư', 9: 'thông tư liên tịch', 10: 'nghị quyết HĐND', 11: 'quyết định (QPPL) của UBND' };

export default defineRule({
  id: 'can-cu-order',
  severity: 'warning',
  docs: { description: 'Trong phần căn cứ, văn bản có hiệu lực pháp lý cao hơn đứng sau văn bản thấp hơn.', descriptionEn: 'In the căn cứ block, a document of higher legal force follows one of lower force.' },
  check(ctx) {
    let worst: { rank: number; c: Citation } | null = null;
    let prev: Citation | null = null;
    const text = ctx.doc.cleanText;
    for (const c of ctx.doc.citations) {
      if (c.section !== 'can_cu' || c.nested) continue;
      // Only the instruments the items rest on are ranked: a citation that opens an item (at a line
      // break or a ";", after at most "Căn cứ", "các" or a list mark). One named further on belongs
      // to a description ("Thông tư … hướng dẫn …; giấy phép … quy định tại Nghị định số …").
      const between = text.slice(prev ? prev.cleanStart : 0, c.cleanStart);
      const sep = Math.max(between.lastIndexOf(';'), between.lastIndexOf('\n'));
      const opensItem = prev === null || (sep >= 0 && ITEM_OPENING.test(between.slice(sep + 1)));
      prev = c;
      if (!opensItem) continue;
      const r = rank(c);
      if (r === null) continue;
      if (worst && r < worst.rank) {
        ctx.report({
          span: headSpan(c),
          message: `Căn cứ ${named(c)} (${LABEL[r]}) có hiệu lực cao hơn ${named(worst.c)} (${LABEL[worst.rank]}) nhưng lại xếp sau; sắp xếp các căn cứ theo hiệu lực pháp lý từ cao xuống thấp.`,
          messageEn: `${named(c)} has higher legal force than ${named(worst.c)} listed before it; order the căn cứ by legal force.`,
        });
      }
      if (!worst || r > worst.rank) worst = { rank: r, c };
    }
  },
});

/** "Nghị định số 63/2010/NĐ-CP", or a law by its name ("Luật Tổ chức chính quyền địa phương"). */
function named(c: Citation): string {
  if (c.number) return `${c.type} số ${c.number}`;
  const name = (c.subject ?? '').replace(/\s+/gu, ' ').trim();
  return name ? `${c.type} ${name}` : c.surface.replace(/\s+/gu, ' ');
}
