// unverified-citation: what the registry says about the cited instrument disagrees with the
// citation (another date, issuer or type — e.g. Party Quy định 124-QĐ/TW cited as "Quyết định",
// or a number matched only despite a wrong type code): warning, showing what is known. An
// instrument the registry does not know at all is reported as info, but only for central
// legal-normative numbers (N/YYYY/… of the Government, ministries, the National Assembly): the
// registry cannot know every local plan or Party document, and saying so on each would drown the
// findings that matter.
import { dateEn, dateVi, isCentralKey, numberKey, textKey } from '../../knowledge/normalize.js';
import { citeEn, citeVi } from '../../knowledge/status.js';
import { defineRule } from '../define-rule.js';

const LOOKUP_URL = 'https://vbpl.vn';

export default defineRule({
  id: 'unverified-citation',
  severity: 'warning',
  needsKnowledge: true,
  docs: {
    description: 'Trích dẫn không khớp với sổ đăng ký (ngày, cơ quan ban hành, loại văn bản), hoặc văn bản quy phạm không có trong sổ đăng ký.',
    descriptionEn: 'The citation disagrees with the registry (date, issuer, type), or a legal-normative instrument is unknown to the registry.',
  },
  check(ctx) {
    const { resolver, asOf, doc } = ctx;
    if (!resolver || !asOf) return;
    for (const c of doc.citations) {
      if (c.repeat) continue;
      const facts = resolver.statusOf(c);
      const span = { offset: c.offset, length: c.length };
      if (!facts) {
        if (c.family === 'legal' && c.canonicalNumber && isCentralKey(numberKey(c.canonicalNumber))) {
          ctx.report({
            span,
            message: `${citeVi(c.canonicalNumber, c.type)} chưa có trong sổ đăng ký hiệu lực của cancu: chưa kiểm tra được hiệu lực (tra cứu vbpl.vn).`,
            messageEn: `${citeEn(c.canonicalNumber, c.type)} is not in cancu's validity registry: its status was not checked (see vbpl.vn).`,
            expected: null,
            url: LOOKUP_URL,
            severity: 'info',
          });
        }
        continue;
      }
      const diffs: string[] = [];
      const diffsEn: string[] = [];
      if (facts.matchedBy === 'type-tolerant' && c.canonicalNumber) {
        diffs.push(`số, ký hiệu ghi là ${c.canonicalNumber}`);
        diffsEn.push(`the symbol is written ${c.canonicalNumber}`);
      } else if (facts.type && textKey(facts.type) !== textKey(c.type)) {
        diffs.push(`loại văn bản ghi là "${c.type}"`);
        diffsEn.push(`the type is written "${c.type}"`);
      }
      if (c.date && facts.signed && c.date !== facts.signed) {
        diffs.push(`ngày ghi là ${dateVi(c.date)}`);
        diffsEn.push(`the date is written ${dateEn(c.date)}`);
      }
      if (c.issuer && facts.issuer && facts.issuerConfidence !== 'inferred' && resolver.sameIssuer?.(c.issuer, facts.issuer) === false) {
        diffs.push(`cơ quan ban hành ghi là "${c.issuer}"`);
        diffsEn.push(`the issuer is written "${c.issuer}"`);
      }
      if (diffs.length === 0) continue;
      const known =
        `${facts.type ?? c.type} số ${facts.number}` +
        (facts.signed ? ` ngày ${dateVi(facts.signed)}` : '') +
        (facts.issuer ? ` của ${facts.issuer}` : '');
      const knownEn =
        citeEn(facts.number, facts.type ?? c.type) + (facts.signed ? ` of ${dateEn(facts.signed)}` : '') + (facts.issuer ? ` by ${facts.issuer}` : '');
      ctx.report({
        span,
        message: `Sổ đăng ký ghi: ${known}${facts.title ? ` (${facts.title})` : ''}; trích dẫn khác ở: ${diffs.join('; ')}. Hãy viết: ${known}.`,
        messageEn: `The registry has: ${knownEn}; the citation differs: ${diffsEn.join('; ')}. Write: ${knownEn}.`,
        expected: known,
        cause: null,
        url: facts.sources?.[0] ?? null,
        severity: 'warning',
      });
    }
  },
});
