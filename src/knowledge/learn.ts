// Facts a document states about other instruments, learnt from its own text:
//   "Nghị định này thay thế Nghị định số 16/2015/NĐ-CP …"            → 16/2015 replaced_by this document
//   "Bãi bỏ Điều 7 của Nghị định số …" (in this document's articles) → repealed_by this document (partial)
//   "Nghị định số … hết hiệu lực kể từ ngày 15 tháng 8 năm 2021"       → expired, by this document, on that day
//   "Nghị định sửa đổi, bổ sung một số điều của Nghị định số …" (title) → amended_by this document
// and the relations the extractor read between two cited instruments ("Nghị định số 48/2023/NĐ-CP …
// sửa đổi, bổ sung một số điều của Nghị định số 90/2020/NĐ-CP") → amended_by the acting one.
// The document is the source of every fact. When the document does not say from when its own
// clauses apply, the event is dated with the document's own date and marked inferred.
//
// Pure: it reads only the analysed document. Work is linear in the text: sentences are found in
// one pass, each sentence is scanned once per clause kind with flat patterns (no nested
// quantifiers), and the text searched around a clause is bounded.
import type { AnalyzedDocument, Citation, RelationKind, Span } from '../citations/model.js';
import type { StatusFact } from '../model/knowledge.js';

export interface LearnedFact {
  /** Canonical number of the instrument the event is about. */
  subject: string;
  subjectType: string | null;
  /** Jurisdiction of the subject ("hoa-binh") when it is a local instrument, from its citation. */
  subjectJurisdiction: string | null;
  /** The event; `source` is the document's file, `by` the acting instrument's number (or null when the document has none). */
  event: StatusFact;
  /** The clause in the document's source text. */
  span: Span;
  evidence: string;
}

const SELF = /(?:nghị định|thông tư liên tịch|thông tư|quyết định|nghị quyết|bộ luật|luật|pháp lệnh|chỉ thị|quy định|kế hoạch|văn bản)\s+này(?![\p{L}])/iu;
const REPLACE = /(?<![\p{L}])thay\s+thế(?![\p{L}])/iu;
const REPEAL = /(?<![\p{L}])bãi\s+bỏ(?![\p{L}])/iu;
const EXPIRE = /(?<![\p{L}])hết\s+hiệu\s+lực(?![\p{L}])/iu;
const AMEND = /(?<![\p{L}])sửa\s+đổi,?\s+bổ\s+sung(?![\p{L}])/iu;
/** "… này có hiệu lực (thi hành) (kể) từ ngày …" — the document's own effective date (not another instrument's). */
const EFFECTIVE = /này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+ngày\s+(\d{1,2})\s*(?:tháng|\/|-)\s*(\d{1,2})\s*(?:năm|\/|-)\s*(\d{4})/iu;
const EFFECTIVE_ON_SIGNING = /này\s+có\s+hiệu\s+lực(?:\s+thi\s+hành)?(?:\s+kể)?\s+từ\s+ngày\s+ký/iu;
const DATE_AFTER = /^[\s,]{0,3}(?:thi\s+hành\s+)?(?:kể\s+)?từ\s+ngày\s+(\d{1,2})\s*(?:tháng|\/|-)\s*(\d{1,2})\s*(?:năm|\/|-)\s*(\d{4})/iu;
const FROM_SELF_EFFECTIVE = /^[\s,]{0,3}(?:thi\s+hành\s+)?(?:kể\s+)?từ\s+ngày\s+(?:nghị định|thông tư|quyết định|nghị quyết|luật|pháp lệnh|văn bản)\s+này\s+có\s+hiệu\s+lực/iu;
const PART_OF = /(?<![\p{L}])(?:điều|khoản|điểm|chương|mục|phụ lục)\s+\S/iu;
/** Sentence ends: ";" or a line break, or a full stop before a space or the end. */
const SENTENCE_END = /[;\n]|\.(?=\s|$)/g;
/** Longer "sentences" are not clauses (tables, run-on text); they are skipped. */
const MAX_SENTENCE = 4000;
const WINDOW = 160;

const RELATION_EVENT: Partial<Record<RelationKind, StatusFact['kind']>> = {
  amends: 'amended_by',
  replaces: 'replaced_by',
  repeals: 'repealed_by',
};

function iso(d: string, m: string, y: string): string | null {
  const day = Number(d);
  const month = Number(m);
  const year = Number(y);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The header number as it should be written: NFC, no spaces. */
function ownNumber(doc: AnalyzedDocument): string | null {
  const n = doc.header.number?.normalize('NFC').replace(/[\u00d0]/g, 'Đ').replace(/\s+/g, '');
  return n && /^\d/.test(n) ? n : null;
}

export function learnFacts(doc: AnalyzedDocument): LearnedFact[] {
  const out: LearnedFact[] = [];
  const text = doc.cleanText;
  const toSource = (offset: number) => doc.toSource(offset);
  const self = ownNumber(doc);
  const selfNormative = self !== null && /^\d+\/\d{4}\//.test(self);
  const selfType = doc.header.type;

  // When this document's own clauses apply.
  let selfDate: string | null = null;
  let selfDateConfidence: StatusFact['confidence'] = 'stated';
  const eff = EFFECTIVE.exec(text);
  if (eff) selfDate = iso(eff[1]!, eff[2]!, eff[3]!);
  else if (EFFECTIVE_ON_SIGNING.test(text) && doc.header.date) selfDate = doc.header.date;
  if (!selfDate && doc.header.date) {
    selfDate = doc.header.date;
    selfDateConfidence = 'inferred';
  }
  const selfNote = (clause: string) =>
    selfDateConfidence === 'inferred'
      ? `${clause} — văn bản không nêu ngày có hiệu lực; lấy ngày ban hành (suy luận)`
      : clause;

  const citations = [...doc.citations].sort((a, b) => a.offset - b.offset);
  const title = doc.header.titleSpan;
  let ci = 0;

  const emit = (
    c: Citation,
    kind: StatusFact['kind'],
    date: string | null,
    confidence: StatusFact['confidence'],
    partial: boolean,
    span: Span,
    evidence: string,
    note: string,
    by: string | null = self,
  ) => {
    if (!c.canonicalNumber || !date) return;
    out.push({
      subject: c.canonicalNumber,
      subjectType: c.type,
      subjectJurisdiction: c.jurisdiction,
      event: { kind, by, byType: by ? selfType : null, date, confidence, source: doc.file, note, partial },
      span,
      evidence,
    });
  };

  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (;;) {
    const m = SENTENCE_END.exec(text);
    const end = m ? m.index : text.length;
    const sentence = text.slice(start, end);
    const srcStart = toSource(start);
    const srcEnd = end >= text.length ? doc.source.length : toSource(end);
    // Citations inside this sentence (in source offsets), in one forward sweep.
    while (ci < citations.length && citations[ci]!.offset < srcStart) ci++;
    const inside: Citation[] = [];
    for (let j = ci; j < citations.length && citations[j]!.offset < srcEnd; j++) inside.push(citations[j]!);

    if (sentence.length <= MAX_SENTENCE && inside.length > 0) {
      const span: Span = { offset: srcStart, length: srcEnd - srcStart };
      const evidence = doc.source.slice(srcStart, Math.min(srcEnd, srcStart + 300)).trim();
      // Citations carry source offsets; anchors found in the cleaned sentence are mapped to the source.
      const rel = (c: Citation) => c.offset - srcStart;
      const at = (cleanIndex: number) => toSource(start + cleanIndex) - srcStart;
      const top = inside.filter((c) => !c.nested);
      const selfAt = SELF.exec(sentence)?.index ?? -1;
      const inTitle = title !== null && srcStart < title.offset + title.length && srcEnd > title.offset;

      const replace = REPLACE.exec(sentence);
      if (replace && (selfAt >= 0 || inTitle)) {
        const passive = /(?:được|bị)\s+$/iu.test(sentence.slice(Math.max(0, replace.index - 8), replace.index));
        for (const c of top) {
          // "Nghị định này thay thế X" (X after the verb) or "X được thay thế bởi Nghị định này" (X before).
          if (passive ? rel(c) < at(replace.index) : rel(c) > at(replace.index)) {
            emit(c, 'replaced_by', selfDate, selfDateConfidence, false, span, evidence, selfNote('thay thế'));
          }
        }
      }

      const repeal = REPEAL.exec(sentence);
      if (repeal && (selfAt >= 0 || repeal.index < 12)) {
        const from = at(repeal.index);
        for (const c of top) {
          if (rel(c) <= from) continue;
          const between = doc.source.slice(srcStart + Math.max(from, rel(c) - WINDOW), c.offset).normalize('NFC');
          const partial = PART_OF.test(between);
          emit(c, 'repealed_by', selfDate, selfDateConfidence, partial, span, evidence, selfNote(partial ? 'bãi bỏ một phần' : 'bãi bỏ'));
        }
      }

      const expire = EXPIRE.exec(sentence);
      if (expire) {
        const after = sentence.slice(expire.index + expire[0].length, expire.index + expire[0].length + WINDOW);
        const d = DATE_AFTER.exec(after);
        let date: string | null = null;
        let confidence: StatusFact['confidence'] = 'stated';
        let note = 'hết hiệu lực';
        // A normative document's articles act by themselves ("Quyết định số … hết hiệu lực kể từ ngày …"
        // in its closing article); elsewhere the clause needs "… này" to be the document's own act.
        const bySelf = selfAt >= 0 || FROM_SELF_EFFECTIVE.test(after) || selfNormative;
        if (d) date = iso(d[1]!, d[2]!, d[3]!);
        else if (bySelf) {
          date = selfDate;
          confidence = selfDateConfidence;
          note = selfNote('hết hiệu lực khi văn bản này có hiệu lực');
        }
        // Without "… này" the document reports the expiry rather than causing it: no acting instrument.
        if (!bySelf) note = `hết hiệu lực (theo ${doc.file})`;
        for (const c of top) {
          if (rel(c) < at(expire.index)) emit(c, 'expired', date, confidence, false, span, evidence, note, bySelf ? self : null);
        }
      }

      const amend = AMEND.exec(sentence);
      if (amend && ((selfAt >= 0 && selfAt < amend.index) || inTitle)) {
        for (const c of top) {
          if (rel(c) > at(amend.index)) emit(c, 'amended_by', selfDate, selfDateConfidence, false, span, evidence, selfNote('sửa đổi, bổ sung'));
        }
      }
    }
    if (!m) break;
    start = end + 1;
  }

  // Relations the extractor read between two cited instruments: the acting one's own date, inferred.
  for (const c of doc.citations) {
    if (!c.canonicalNumber || !c.date) continue;
    for (const r of c.relations) {
      const kind = RELATION_EVENT[r.kind];
      if (!kind || !r.targetNumber) continue;
      out.push({
        subject: r.targetNumber,
        subjectType: null,
        subjectJurisdiction: c.jurisdiction,
        event: {
          kind,
          by: c.canonicalNumber,
          byType: c.type,
          date: c.date,
          confidence: 'inferred',
          source: doc.file,
          note: `${doc.file} dẫn ${c.type} số ${c.canonicalNumber} ${kind === 'amended_by' ? 'sửa đổi, bổ sung' : kind === 'replaced_by' ? 'thay thế' : 'bãi bỏ'} ${r.targetNumber}; ngày là ngày ban hành của văn bản tác động, ngày có hiệu lực chưa rõ (suy luận)`,
          partial: false,
        },
        span: { offset: c.offset, length: c.length },
        evidence: c.surface,
      });
    }
  }
  return out;
}
