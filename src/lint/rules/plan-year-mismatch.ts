// The plan's own year (header date, or "năm YYYY" in its title) contradicted in its text: the
// plan named with another year ("Kế hoạch công tác dân vận chính quyền năm 2021" in a 2024 plan)
// is an error; a time reference to an earlier year as the start of this plan's work ("ngay từ
// những ngày đầu năm 2021") is a warning. Mentions inside citations are not the plan's own.
import { defineRule } from '../define-rule.js';
import { cleanSpan } from './util.js';

const WORD_STOP = new Set(['kế', 'hoạch', 'và', 'của', 'về', 'việc', 'các', 'thực', 'hiện', 'triển', 'khai', 'năm', 'tổ', 'chức']);
const PLAN_NAMED = /(?<![\p{L}])(?:[Kk]ế hoạch)((?:[ \t]+[\p{L}&]+){1,12}?)[ \t]+năm[ \t]+(\d{4})(?![\d\-–])/gu;
const EARLY = /(?:ngay[ \t]+)?từ[ \t]+(?:những[ \t]+ngày[ \t]+)?đầu[ \t]+năm[ \t]+(\d{4})(?![\d\-–])/gu;

function words(s: string): string[] {
  return s.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w && !WORD_STOP.has(w));
}

export default defineRule({
  id: 'plan-year-mismatch',
  severity: 'error',
  docs: { description: 'Năm của chính kế hoạch bị ghi khác trong nội dung.', descriptionEn: "The plan's own year is contradicted in its text." },
  check(ctx) {
    const doc = ctx.doc;
    const year = doc.header.year;
    if (!year || !doc.header.title) return;
    // Only a plan has a plan's year: a Tờ trình or a Quyết định may name other years' plans.
    if (doc.header.type && doc.header.type !== 'Kế hoạch') return;
    const title = new Set(words(doc.header.title.replace(/năm\s+\d{4}/gu, '')));
    const t = doc.cleanText;
    // Citations are in text order; an item can contain later (nested) ones, so keep the running maximum end.
    const starts = doc.citations.map((c) => c.cleanStart);
    const maxEnd: number[] = [];
    doc.citations.forEach((c, i) => maxEnd.push(Math.max(c.itemEnd, i ? maxEnd[i - 1]! : 0)));
    const inCitation = (at: number) => {
      let lo = 0;
      let hi = starts.length - 1;
      let k = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (starts[mid]! <= at) {
          k = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      return k >= 0 && at < maxEnd[k]!;
    };
    PLAN_NAMED.lastIndex = 0;
    for (let m = PLAN_NAMED.exec(t); m; m = PLAN_NAMED.exec(t)) {
      const y = Number(m[2]);
      if (y === year) continue;
      const ws = words(m[1]!);
      const shared = ws.filter((w) => title.has(w)).length;
      if (ws.length < 3 || shared < 3 || shared / ws.length < 0.6) continue;
      if (inCitation(m.index)) continue;
      const phraseStart = m.index;
      ctx.report({
        span: cleanSpan(doc, phraseStart, phraseStart + m[0].length),
        message: `Kế hoạch này là của năm ${year} nhưng ở đây ghi "${m[0]}"; sửa thành năm ${year} hoặc xóa phần nội dung còn sót.`,
        messageEn: `This is the ${year} plan but the text says "${m[0]}"; change it to ${year} or delete the leftover text.`,
        expected: m[0].replace(/\d{4}$/, String(year)),
      });
    }
    EARLY.lastIndex = 0;
    for (let m = EARLY.exec(t); m; m = EARLY.exec(t)) {
      const y = Number(m[1]);
      if (y >= year) continue;
      ctx.report({
        span: cleanSpan(doc, m.index, m.index + m[0].length),
        severity: 'warning',
        message: `"${m[0]}" chỉ một năm đã qua trong kế hoạch năm ${year}; sửa năm hoặc xóa đoạn còn sót.`,
        messageEn: `"${m[0]}" points to a past year in the ${year} plan; fix the year or delete the leftover text.`,
      });
    }
  },
});
