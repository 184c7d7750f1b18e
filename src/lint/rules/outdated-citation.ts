// outdated-citation: the cited instrument had been replaced, repealed or had expired on the date the
// document is judged at. Follows the replacement chain to the newest instrument the registry knows
// (43/2006/NĐ-CP → 16/2015/NĐ-CP → 60/2021/NĐ-CP) and names it with the date it took effect.
// Severity: error in the căn cứ preamble (the document rests on it), warning elsewhere. Each
// instrument is reported once (repeat citations are skipped). Each inferred fact is marked
// "(dữ kiện suy luận)" / "(inferred fact)" where it is told.
import { dateEn, dateVi } from '../../knowledge/normalize.js';
import { causeOf, citeEn, citeVi, endingEvent, eventEn, eventVi, followChain } from '../../knowledge/status.js';
import { defineRule } from '../define-rule.js';

export default defineRule({
  id: 'outdated-citation',
  severity: 'warning',
  needsKnowledge: true,
  docs: {
    description: 'Văn bản được dẫn đã bị thay thế, bãi bỏ hoặc hết hiệu lực vào ngày của văn bản đang xét.',
    descriptionEn: 'The cited instrument had been replaced, repealed or had expired on the date of the document.',
  },
  check(ctx) {
    const { resolver, asOf } = ctx;
    if (!resolver || !asOf) return;
    for (const c of ctx.doc.citations) {
      if (c.repeat) continue;
      const facts = resolver.statusOf(c);
      if (!facts) continue;
      const ended = endingEvent(facts, asOf);
      if (!ended) continue;
      const chain = followChain(resolver, facts, ended, asOf);
      const last = chain[chain.length - 1]!.fact;
      const story = chain.map((s) => `${citeVi(s.number, s.type)} ${eventVi(s.fact)}`).join('; ');
      const storyEn = chain.map((s, i) => `${citeEn(s.number, s.type)}${i === 0 ? '' : ' in turn'} ${eventEn(s.fact)}`).join('; ');
      const target = last.by && last.kind === 'replaced_by' ? last.by : null;
      const instead = target
        ? `Hãy dẫn ${citeVi(target, last.byType)}.`
        : last.kind === 'repealed_by'
          ? 'Hãy bỏ căn cứ này hoặc dẫn văn bản đang điều chỉnh nội dung đó.'
          : last.by
            ? `Hãy dẫn văn bản đang có hiệu lực thay cho nó (xem ${citeVi(last.by, last.byType)}).`
            : 'Hãy bỏ căn cứ này hoặc dẫn văn bản đang có hiệu lực thay cho nó.';
      const insteadEn = target
        ? `Cite ${citeEn(target, last.byType)} instead.`
        : last.kind === 'repealed_by'
          ? 'Drop this citation or cite the instrument that now governs the matter.'
          : last.by
            ? `Cite the instrument now in force in its place (see ${citeEn(last.by, last.byType)}).`
            : 'Drop this citation or cite the instrument now in force in its place.';
      ctx.report({
        span: { offset: c.offset, length: c.length },
        message: `${story}, trước ngày ${dateVi(asOf)} của văn bản này. ${instead}`,
        messageEn: `${storyEn}, before this document's date (${dateEn(asOf)}). ${insteadEn}`,
        expected: target ? citeVi(target, last.byType) : null,
        cause: causeOf(chain.map((s) => s.fact)),
        url: ended.source,
        severity: c.section === 'can_cu' ? 'error' : 'warning',
      });
    }
  },
});
