// stale-series: a yearly plan or directive (one of a series the same body issues every year or
// school year) is cited as a basis while the resolver knows a later one of the series, issued by the
// document's date. Only the căn cứ preamble and the title count; a document that cites the later
// one too is left alone (it cites both on purpose). The bundled registry knows the series in
// fixtures/registry/series.jsonl; a graph-backed resolver can answer from ingested plans.
import { citeEn, citeVi, INFERRED_EN, INFERRED_VI } from '../../knowledge/status.js';
import { numberKey } from '../../knowledge/normalize.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'stale-series',
  severity: 'warning',
  needsKnowledge: true,
  docs: {
    description: 'Văn bản hằng năm được dẫn làm căn cứ trong khi đã có văn bản cùng loạt của năm sau.',
    descriptionEn: "A yearly instrument is cited as a basis although the same body's instrument for a later year exists.",
  },
  check(ctx) {
    const { resolver, asOf, doc } = ctx;
    if (!resolver?.laterInSeries || !asOf) return;
    const cited = new Set(doc.citations.filter((c) => c.canonicalNumber).map((c) => numberKey(c.canonicalNumber!)));
    for (const c of doc.citations) {
      if (c.repeat || (c.section !== 'can_cu' && c.section !== 'title')) continue;
      if (c.relations.some((r) => r.kind === 'reviews')) continue;
      const later = resolver.laterInSeries(c, asOf);
      if (!later || !later.number || cited.has(numberKey(later.number))) continue;
      const what = c.canonicalNumber ? citeVi(c.canonicalNumber, c.type) : c.surface;
      const laterVi = citeVi(later.number, later.type);
      const inferred = later.confidence === 'inferred';
      ctx.report({
        span: { offset: c.offset, length: c.length },
        message:
          `${what} thuộc loạt văn bản ban hành hằng năm của ${later.issuer ?? 'cùng cơ quan'}; ` +
          `đã có văn bản của năm sau: ${laterVi}${later.subject ? ` ${later.subject}` : ''}. ` +
          `Hãy dẫn văn bản của năm hiện hành (ít nhất là ${laterVi}).${inferred ? INFERRED_VI : ''}`,
        messageEn:
          `${c.canonicalNumber ? citeEn(c.canonicalNumber, c.type) : c.surface} belongs to a yearly series of ${later.issuer ?? 'the same body'}; ` +
          `a later one exists: ${citeEn(later.number, later.type)}. Cite the instrument for the current year (at least ${citeEn(later.number, later.type)}).` +
          (inferred ? INFERRED_EN : ''),
        expected: laterVi,
        cause: later.date ? null : 'Ngày ban hành của văn bản năm sau chưa rõ; chắc chắn đã có trước khi hết kỳ của nó.',
        url: later.source ?? null,
      });
    }
  },
});
