// defunct-issuer: the document's own issuing body, or the issuer named for a cited instrument, no
// longer existed on the document's date (the 2025 reorganisation: provinces merged by Nghị quyết
// 202/2025/QH15, district-level authorities ended on 1/7/2025 by Luật 72/2025/QH15). The message
// names the successor. Severity: error for the document's own issuing body; for a cited issuer,
// warning when the cited instrument is dated after its issuer ended or sits in the căn cứ preamble
// (a defunct body used as a current authority), info in the body text. Each issuer name is
// reported once; text after the signature is not judged.
import type { Span } from '../../citations/model.js';
import { dateEn, dateVi, textKey } from '../../knowledge/normalize.js';
import { citeEn, citeVi, INFERRED_EN, INFERRED_VI } from '../../knowledge/status.js';
import { defineRule, type IssuerValidity, type KnowledgeResolver } from '../define-rule.js';

function defunctOn(v: IssuerValidity | null, date: string): v is IssuerValidity {
  return v !== null && ((v.validTo !== null && v.validTo <= date) || (v.validFrom != null && v.validFrom > date));
}

function ended(v: IssuerValidity, resolver: KnowledgeResolver): { vi: string; en: string } {
  if (v.validTo === null) {
    return { vi: `chưa được thành lập (từ ${dateVi(v.validFrom!)})`, en: `did not exist yet (from ${dateEn(v.validFrom!)})` };
  }
  const by = v.by ? citeVi(v.by, resolver.statusOfNumber?.(v.by)?.type) : null;
  return {
    vi: `không còn tồn tại từ ${dateVi(v.validTo)}${by ? ` (${by})` : ''}`,
    en: `no longer existed from ${dateEn(v.validTo)}${v.by ? ` (${v.by})` : ''}`,
  };
}

export default defineRule({
  id: 'defunct-issuer',
  severity: 'warning',
  needsKnowledge: true,
  docs: {
    description: 'Cơ quan ban hành văn bản, hoặc cơ quan ban hành văn bản được dẫn, không còn tồn tại vào ngày của văn bản.',
    descriptionEn: "The document's issuing body, or a cited instrument's issuer, no longer existed on the document's date.",
  },
  check(ctx) {
    const { resolver, asOf, doc } = ctx;
    if (!resolver?.issuerAt || !asOf) return;

    const own = doc.header.issuingBody;
    if (own) {
      // The header often names the body without its place ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO"); the
      // document's place (district, then province) completes it. Place slugs match unit names.
      const places = [doc.place.district, doc.place.province].filter((p): p is string => !!p).map((p) => p.replace(/-/g, ' '));
      const v = [...places.map((p) => `${own} ${p}`), own].map((name) => resolver.issuerAt!(name, asOf)).find((x) => x !== null) ?? null;
      if (defunctOn(v, asOf)) {
        const headerEnd = doc.citations.length > 0 ? Math.min(...doc.citations.map((c) => c.offset)) : doc.source.length;
        const at = doc.source.slice(0, headerEnd).toLowerCase().indexOf(own.toLowerCase());
        const span: Span =
          at >= 0 ? { offset: at, length: own.length } : (doc.header.numberSpan ?? doc.header.dateSpan ?? doc.header.titleSpan ?? { offset: 0, length: 0 });
        const e = ended(v, resolver);
        const inf = v.confidence === 'inferred';
        ctx.report({
          span,
          message:
            `Cơ quan ban hành "${own}" (${v.name}) ${e.vi}, trước ngày ${dateVi(asOf)} của văn bản này.` +
            (v.successor ? ` Cơ quan kế thừa: ${v.successor}; hãy ghi tên cơ quan ban hành theo cơ quan kế thừa.` : ' Hãy ghi tên cơ quan ban hành đang tồn tại.') +
            (inf ? INFERRED_VI : ''),
          messageEn:
            `The issuing body "${own}" (${v.name}) ${e.en}, before this document's date (${dateEn(asOf)}).` +
            (v.successor ? ` Its successor: ${v.successor}; name the successor as the issuing body.` : ' Name an issuing body that exists.') +
            (inf ? INFERRED_EN : ''),
          expected: v.successor,
          cause: v.note ?? null,
          url: v.source,
          severity: 'error',
        });
      }
    }

    const seen = new Set<string>();
    for (const c of doc.citations) {
      if (!c.issuer || c.section === 'tail') continue;
      const name = textKey(c.issuer);
      if (seen.has(name)) continue;
      const v = resolver.issuerAt(c.issuer, asOf);
      if (!defunctOn(v, asOf)) continue;
      seen.add(name);
      const e = ended(v, resolver);
      const inf = v.confidence === 'inferred';
      const issuedAfter = c.date !== null && v.validTo !== null && c.date >= v.validTo;
      const what = c.canonicalNumber ? citeVi(c.canonicalNumber, c.type) : c.surface;
      const whatEn = c.canonicalNumber ? citeEn(c.canonicalNumber, c.type) : c.surface;
      const message = issuedAfter
        ? `${what} ghi là của "${c.issuer}", nhưng ${v.name} ${e.vi}, trước ngày ${dateVi(c.date!)} của văn bản được dẫn.` +
          (v.successor ? ` Cơ quan kế thừa: ${v.successor}; hãy kiểm tra lại cơ quan ban hành.` : ' Hãy kiểm tra lại cơ quan ban hành.')
        : `${what} được dẫn như văn bản của cơ quan đang có thẩm quyền, nhưng ${v.name} ${e.vi}, trước ngày ${dateVi(asOf)} của văn bản này.` +
          (v.successor ? ` Cơ quan kế thừa: ${v.successor}; hãy dẫn văn bản của cơ quan kế thừa, hoặc ghi rõ văn bản cũ vẫn còn được áp dụng.` : ' Hãy dẫn văn bản của cơ quan kế thừa.');
      const messageEn = issuedAfter
        ? `${whatEn} is attributed to "${c.issuer}", but ${v.name} ${e.en}, before the cited instrument's date (${dateEn(c.date!)}).` +
          (v.successor ? ` Successor: ${v.successor}; check the issuer.` : ' Check the issuer.')
        : `${whatEn} is cited as an instrument of a current authority, but ${v.name} ${e.en}, before this document's date (${dateEn(asOf)}).` +
          (v.successor ? ` Successor: ${v.successor}; cite the successor's instrument, or state that the old one still applies.` : " Cite the successor's instrument.");
      ctx.report({
        span: c.issuerSpan ?? { offset: c.offset, length: c.length },
        message: message + (inf ? INFERRED_VI : ''),
        messageEn: messageEn + (inf ? INFERRED_EN : ''),
        expected: v.successor,
        cause: v.note ?? null,
        url: v.source,
        severity: issuedAfter || c.section === 'can_cu' || c.section === 'title' ? 'warning' : 'info',
      });
    }
  },
});
