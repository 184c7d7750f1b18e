// The first citation of a document (other than a luật / pháp lệnh, and not a named instrument)
// gives no date (spec §5; NĐ 34/2016 Điều 75, NQ 351/2017 Điều 24; NĐ 30/2020 Phụ lục I for
// administrative documents). A citation nested in another's description is reported as info.
import { defineRule } from '../define-rule.js';
import { cutOffAfter, datedElsewhere, firstMentions, headSpan, headerStart, sentenceHasDate } from './util.js';

export default defineRule({
  id: 'citation-missing-date',
  severity: 'warning',
  docs: { description: 'Lần dẫn đầu tiên của văn bản không ghi ngày ban hành.', descriptionEn: 'The first citation of a document gives no date.' },
  check(ctx) {
    for (const c of firstMentions(ctx.doc)) {
      if (!c.symbol || c.date || c.dateWritten || c.family === 'named') continue;
      if (['Luật', 'Bộ luật', 'Pháp lệnh', 'Hiến pháp'].includes(c.type)) continue;
      // The text stops right after the number (a cut page): what follows is unknown, not missing.
      if (cutOffAfter(ctx.doc, c)) continue;
      // Only a date really absent from the sentence is missing: a date or "ngày" anywhere in it
      // (glued to the symbol, before the verb, mistyped) means the writer gave one the reader
      // could not take apart — not a finding to assert.
      if (sentenceHasDate(ctx.doc, c)) continue;
      // Above the document's own header (a site's title line, a list of related documents) the
      // text is not the author's.
      if (c.cleanStart < headerStart(ctx.doc)) continue;
      // The registry's date when it knows the instrument; otherwise the message says what is
      // missing and suggests no wording.
      // The document gives the date at another mention (a headline above its lead, the same plan
      // written "107-KH-ĐUK" a sentence before): the date is there to find, only not here first — a
      // notice naming where it is.
      const other = datedElsewhere(ctx.doc, c);
      if (other) {
        ctx.report({
          span: headSpan(c),
          severity: 'info',
          message: `${c.type} số ${c.number} chưa ghi ngày ban hành ở lần dẫn này; ngày ban hành có ở dòng ${other.line} ("${other.dateWritten ?? other.date}"). Nên ghi ngày ngay ở lần dẫn đầu tiên.`,
          messageEn: `${c.type} ${c.number} has no date here; the date is given on line ${other.line}. Give it at the first mention.`,
        });
        continue;
      }
      const signed = ctx.resolver?.statusOf(c)?.signed ?? null;
      const dmy = signed ? signed.split('-').reverse().map((x, k) => (k === 0 ? String(Number(x)).padStart(2, '0') : x)).join('/') : null;
      ctx.report({
        span: headSpan(c),
        severity: c.nested ? 'info' : undefined,
        message: dmy
          ? `Lần đầu dẫn ${c.type} số ${c.number} chưa ghi ngày ban hành; theo sổ đăng ký, viết: "${c.typeWritten} số ${c.number} ngày ${dmy}".`
          : `Lần đầu dẫn ${c.type} số ${c.number} chưa ghi ngày ban hành; ghi ngày ký ban hành ngay sau số, ký hiệu.`,
        messageEn: dmy
          ? `The first citation of ${c.type} ${c.number} gives no date; the registry has: "${c.typeWritten} số ${c.number} ngày ${dmy}".`
          : `The first citation of ${c.type} ${c.number} gives no date; give the date of signature right after the number.`,
        expected: dmy ? `${c.typeWritten} số ${c.number} ngày ${dmy}` : null,
        cause: dmy ? 'sổ đăng ký hiệu lực của cancu' : null,
      });
    }
  },
});
