// What follows a citation's number or name, read in text order once every citation is found: the
// date, the issuer, the subject, nesting and relation cues; then dates and issuers written once for
// several citations, and the Đề án a decision approved.
import type { RelationKind } from './model.js';
import { buildCanonical } from './identifier.js';
import { parseDateAt, type ParsedDate } from './dates.js';
import { CUA, SPACES, isLetter, lineEnd, wordBefore, type RawCitation } from './extract-base.js';
import { ISSUER_HEAD, isJoint, issuerBefore, readIssuer } from './issuer-reader.js';

// "Chỉ thị số 14-CT/TW 2017 ngày 19/7/2017": a stray year before "ngày" is skipped.
const DATE_LEAD = /[ \t]*,?[ \t]*(?:(?:19|20)\d\d[ \t]+(?=ngày|Ngày))?(?:\(?[ \t]*(?:(?:được[ \t]+)?ban[ \t]+hành[ \t]+|ký[ \t]+)?(?:ngày|Ngày|NGÀY|ngảy)(?:[ \t]+|(?=\d)))/uy;
const DANGLING_HYPHEN = /^[ \t]*[-–](?=[ \t]+(?:của|do)[ \t])/u;
const BEFORE_CUA = /^[ \t]*,?[ \t]*(?:(?:ngày|Ngày)[^;\n]{1,24}?|năm[ \t]+\d{4})(?=[ \t]*,?[ \t]*(?:của|Của|do)[ \t])/u;
const LEVEL_AFTER = /^[ \t]+(?:xã|huyện|tỉnh|phường|quận|thị[ \t]+xã|thị[ \t]+trấn|thành[ \t]+phố)(?=[ \t]*,?[ \t]+(?:ngày|của)[ \t])/u;
const LAW_TYPES = new Set(['Luật', 'Bộ luật', 'Pháp lệnh']);

const RELATION_CUES: { re: RegExp; kind: RelationKind }[] = [
  { re: /sửa đổi|bổ sung/iu, kind: 'amends' },
  { re: /thay thế/iu, kind: 'replaces' },
  { re: /bãi bỏ/iu, kind: 'repeals' },
  { re: /sơ kết|tổng kết/iu, kind: 'reviews' },
  { re: /hướng dẫn/iu, kind: 'guides' },
  { re: /tiếp tục thực hiện|tiếp tục triển khai/iu, kind: 'continues' },
  { re: /thực hiện|triển khai|theo|cụ thể hóa|cụ thể hoá/iu, kind: 'implements' },
];

// The Đề án a decision approved: "phê duyệt Đề án dạy và học tiếng dân tộc Mường …".
const APPROVES = /phê duyệt (Đề án|Chương trình|Kế hoạch|Dự án|Quy hoạch|Chiến lược)[ \t]+/iu;
const PROGRAMME_MENTION = /(Đề án|Chương trình|Dự án|Quy hoạch|Chiến lược)[ \t]+(?!số)/giu;

function findSubjectEnd(text: string, from: number, limit: number, siblingStarts: number[]): number {
  // The first sibling item after `from` (siblingStarts is sorted) ends the subject if nothing
  // before it does: the scan stops there (a paragraph of list items is not read once per item).
  let lo = 0;
  let hi = siblingStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (siblingStarts[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  const next = siblingStarts[lo];
  const stop = next !== undefined && next < limit ? next : limit;
  for (let i = from; i < stop; i++) {
    const c = text.charCodeAt(i);
    // ";", line ends.
    if (c === 59 || c === 10 || c === 13) return i;
    if (c === 46) {
      const n = text.charCodeAt(i + 1);
      // ".": a full stop ends the item unless it sits inside a number like "2.1." followed by
      // more numbering; "./." closes the document.
      if (i + 1 >= limit || n === 47) return i;
      if ((n === 32 || n === 9 || n === 10 || n === 13 || n === 0xa0) && (!isDigit(text.charCodeAt(i - 1)) || /^\s+\p{Lu}/u.test(text.slice(i + 1, i + 4)))) return i;
      continue;
    }
    if (c === 40 && /^\((?:sau[ \t]+đây|gọi[ \t]+tắt|dưới[ \t]+đây)/iu.test(text.slice(i, i + 12))) return i;
  }
  return stop;
}

/** Date, issuer, subject and relations of each citation, read in text order. */
export function attachDetails(text: string, cits: RawCitation[]): void {
  // Siblings: a later citation that starts a new list item (after ", ", "; ", " và ") ends the subject.
  const siblingStarts: number[] = [];
  for (const c of cits) {
    const before = text.slice(Math.max(0, c.start - 8), c.start);
    if (/(?:[,;:][ \t]*|[ \t]và[ \t]+|[ \t]và[ \t]+các[ \t]+|\n[ \t\-+·•*]*)$/u.test(before) || c.sharedTypeWord) siblingStarts.push(c.start);
  }
  for (let i = 0; i < cits.length; i++) {
    const c = cits[i]!;
    const limit = lineEnd(text, c.end);
    let p = c.end;
    const dated = c.symbol || LAW_TYPES.has(c.type.name);
    const readDate = () => {
      DATE_LEAD.lastIndex = p;
      if (!DATE_LEAD.exec(text)) return;
      const d = parseDateAt(text, DATE_LEAD.lastIndex);
      if (!d) {
        // "ngày 145/7/2008": an impossible date is no date, but what follows it is still read.
        const junk = /^\d{1,4}[ \t]*[/.\-][ \t]*\d{1,2}[ \t]*[/.\-][ \t]*\d{2,5}(?!\d)/u.exec(text.slice(DATE_LEAD.lastIndex, DATE_LEAD.lastIndex + 20));
        if (junk) {
          c.badDate = { start: DATE_LEAD.lastIndex, end: DATE_LEAD.lastIndex + junk[0].length };
          p = c.badDate.end;
        }
        return;
      }
      c.date = d;
      p = d.end;
      c.end = d.end;
    };
    // "Nghị quyết số 37-NQ/TW NQ/TW ngày …": the symbol's tail written again before the date.
    if (c.symbol) {
      const written = text.slice(c.symbol.start, c.symbol.end);
      const cut = written.search(/[-/]/);
      const tail = cut >= 0 ? written.slice(cut + 1) : '';
      if (tail.length >= 4 && text.startsWith(` ${tail}`, p) && !isLetter(text.charCodeAt(p + tail.length + 1)) && !isDigit(text.charCodeAt(p + tail.length + 1))) p += tail.length + 1;
    }
    // "Kế hoạch số 07/KH-HĐND xã ngày …": the level of the issuing body after its symbol.
    if (c.symbol) {
      const level = LEVEL_AFTER.exec(text.slice(p, p + 24));
      if (level) p += level[0].length;
    }
    if (dated) readDate();
    // "Nghị quyết số 05/2005/NQ - của Chính phủ": a symbol that lost its issuer code after the hyphen.
    if (c.symbol && !c.date) {
      const dangling = DANGLING_HYPHEN.exec(text.slice(p, p + 12));
      if (dangling) p += dangling[0].length;
      // "… số 12/QĐ-UBND năm 2020 của …", "… ngày 12 / 3 / 20 của …": a year, or a date the reader
      // could not take, between the number and "của" — the issuer after them is still read.
      else if (c.badDate === undefined) {
        const skip = BEFORE_CUA.exec(text.slice(p, p + 40));
        if (skip) p += skip[0].length;
      }
    }
    CUA.lastIndex = p;
    let cua: RegExpExecArray | null = CUA.exec(text);
    let cuaEnd = cua ? CUA.lastIndex : p;
    let nameLimit = limit;
    // "… ngày 01 tháng 11 năm 2021 của⏎Chính phủ …": "của" left at a line's end (a table cell, a
    // line the layout kept) — the name is on the next line.
    if (!cua) {
      const broken = CUA_AT_LINE_END.exec(text.slice(p, p + 16)) ?? CUA_NEXT_LINE.exec(text.slice(p, p + 16));
      if (broken) {
        cua = broken;
        cuaEnd = p + broken[0].length;
        nameLimit = lineEnd(text, cuaEnd);
      }
    }
    if (cua && (c.symbol || /^[ \t]*(?:của|CỦA)/u.test(text.slice(p, p + 8)))) {
      const iss = readIssuer(text, cuaEnd, nameLimit, isJoint(c.symbol));
      // "Thông báo 659/TB-VPCP … thực hiện Nghị quyết 66-NQ/TW do Văn phòng Chính phủ ban hành": a
      // site's title closes with its own document's issuer, not the one of a citation inside it.
      const titleIssuer = iss !== null && /^[ \t]*do[ \t]/u.test(text.slice(p, cuaEnd)) && /^[ \t]+ban[ \t]+hành[ \t]*(?:\r?\n|$|\p{Lu}|#)/u.test(text.slice(iss.end, iss.end + 13)) && insideEarlierSubject(cits, i);
      if (iss && !titleIssuer) {
        c.issuer = iss;
        p = iss.end;
      }
    } else if (c.symbol && c.date) {
      // "… ngày 23 tháng 4 năm 2018 Chính phủ về …": the issuer without "của".
      ISSUER_HEAD.lastIndex = p;
      if (ISSUER_HEAD.exec(text)) {
        const iss = readIssuer(text, ISSUER_HEAD.lastIndex, limit, isJoint(c.symbol));
        // "… ngày 14/12/2022, Ủy ban nhân dân tỉnh xây dựng Kế hoạch …": a body after a comma is the
        // next clause's subject unless its name closes the item (", Chính phủ về …", "…;").
        const comma = text.slice(p, ISSUER_HEAD.lastIndex).includes(',');
        if (iss && (!comma || CLAUSE_AFTER_NAME.test(text.slice(iss.end, iss.end + 6)))) {
          c.issuer = iss;
          p = iss.end;
        }
      }
    }
    // "số 38/2023/NĐ-CP của Chính phủ ngày …": the date after the issuer.
    if (dated && !c.date && c.issuer) readDate();
    if (!c.issuer && c.listIssuer) c.issuer = c.listIssuer;
    if (!c.issuer && c.symbol) c.issuer = issuerBefore(text, c.start, c.symbol);
    // "Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số 473/STP-PBGDPL": the date before.
    if (dated && !c.date && !c.badDate) c.date = dateBefore(text, c.start);
    // Subject: what follows, up to the end of this list item.
    const rest = text.slice(p, p + 3);
    if (c.symbol && !/^[ \t]*[,;.:)]/u.test(rest) && p < limit) {
      SPACES.lastIndex = p;
      SPACES.exec(text);
      const s = SPACES.lastIndex;
      const e = findSubjectEnd(text, s, limit, siblingStarts);
      let k = e;
      while (k > s && (text[k - 1] === ' ' || text[k - 1] === '\t' || text[k - 1] === ',')) k--;
      const subj = text.slice(s, k);
      if (subj.length > 2 && !/^(?:và|hoặc)(?:[ \t]+các)?$/u.test(subj)) {
        c.subject = { text: subj, start: s, end: k };
        // "Nghị quyết 759/2014/UBTVQH13 quy định chi tiết … do Ủy ban thường vụ Quốc hội ban hành":
        // the issuer closing the item, as legal sites title the documents they list.
        // Not a citation inside an earlier one's subject ("Thông báo 659/TB-VPCP … về Nghị quyết
        // 66-NQ/TW do Văn phòng Chính phủ ban hành"): the closing issuer is the outer document's.
        // Only for a citation that opens its line, as a site's list item does ("- 8Nghị định …").
        if (!c.issuer && c.symbol && opensLine(text, c.start) && !insideEarlierSubject(cits, i)) c.issuer = issuerClosing(text, s, k);
        // "Căn cứ kế hoạch số 12/KH-THTBS ngày 09/9/2024 về việc thực hiện … của Trường TH Tây Bắc
        // Sơn.": a school's or an office's name closing the item, no other citation in between.
        if (!c.issuer && c.symbol && !cits.some((o, j) => j !== i && o.start > s && o.start < k)) c.issuer = issuerOfClosing(text, s, k);
      }
    }
  }
  shareDatesAndIssuers(text, cits);
  provincialPartyCodes(cits);
  // Nesting and relation cues: a citation inside another's subject.
  for (let j = 0; j < cits.length; j++) {
    const inner = cits[j]!;
    for (let i = j - 1; i >= 0 && i >= j - 12; i--) {
      const outer = cits[i]!;
      if (outer.subject && inner.start >= outer.subject.start && inner.start < outer.subject.end) {
        inner.nested = true;
        inner.parent = i;
        // The words between the previous nested citation (or the subject start) and this one.
        let from = outer.subject.start;
        for (let k = i + 1; k < j; k++) if (cits[k]!.parent === i) from = Math.max(from, cits[k]!.end);
        const cue = text.slice(from, inner.start);
        const kind = relationCue(cue);
        // "… về tiếp tục thực hiện Chỉ thị X … theo Kết luận Y": "theo" attaches Y to the outermost item.
        let owner = i;
        if (/(?:^|[ \t])theo[ \t]+$/u.test(cue) && outer.parent >= 0) owner = outer.parent;
        inner.parent = owner;
        if (kind) cits[owner]!.relations.push({ kind, target: j });
        break;
      }
    }
  }
  linkApprovedProgrammes(text, cits);
}

// Where the issuer stands before the type word: "… của UBND tỉnh ban hành kèm theo Quyết định số

// A capital "Ngày" opens a sentence even where the full stop before it was lost to a joined line.
const DATE_BEFORE = /(?:^|[.;:,\n][ \t]*|[ \t](?=Ngày))(?:Ngày|ngày)[ \t]+(?=\d)/gu;

function dateBefore(text: string, start: number): ParsedDate | null {
  const verb = wordBefore(text, start);
  // "Ngày 16/6/2025, Quốc hội đã thông qua Luật … số 72/2025/QH15": a law's day of passing too.
  if (verb !== 'hành' && verb !== 'ký' && verb !== 'có' && verb !== 'qua') return null;
  const from = Math.max(0, start - 120);
  const before = text.slice(from, start);
  if (!/(?:ban[ \t]+hành|ký|có|thông[ \t]+qua)\s+$/u.test(before)) return null;
  DATE_BEFORE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = DATE_BEFORE.exec(before); m; m = DATE_BEFORE.exec(before)) last = m;
  if (!last) return null;
  const d = parseDateAt(text, from + last.index + last[0].length);
  // The date opens the clause that issues this citation: nothing but the issuer between.
  if (!d || /[.;]|\n[ \t]*\r?\n/.test(text.slice(d.end, start))) return null;
  return d;
}

/**
 * A date or issuer written once for several citations. "Quyết định số 217-QĐ/TW và Quyết định số
 * 218-QĐ/TW ngày 12/12/2013 của Bộ Chính trị": the first shares the second's date and issuer.
 * "Thông tư số 15/2020/TT-BGDĐT … được sửa đổi, bổ sung tại Thông tư số 05/2021/TT-BGDĐT …, Thông
 * tư số 06/2023/TT-BGDĐT … của Bộ trưởng Bộ Giáo dục và Đào tạo": citations of one item with the
 * same issuer code share the issuer the last of them names.
 */
function shareDatesAndIssuers(text: string, cits: RawCitation[]): void {
  for (let i = cits.length - 2; i >= 0; i--) {
    const c = cits[i]!;
    const n = cits[i + 1]!;
    if (!c.symbol || !n.symbol || c.nested) continue;
    const between = n.start > c.end && n.start - c.end <= 12 ? text.slice(c.end, n.start) : null;
    if (between !== null && /^[ \t]*(?:,|và|,[ \t]*và)?[ \t]*$/u.test(between) && c.type === n.type) {
      // "Nghị quyết số 19-NQ/TW, số 20-NQ/TW ngày 25/10/2017": one day for both — not when the
      // symbols' years say otherwise ("số 290/2005/QĐ-TTg , … , số 49/2015/QĐ-TTg ngày 14/10/2015"),
      // nor from a symbol with a year to one without ("62/QĐ-TTg, 40/2011/QĐ-TTg ngày 27/7/2011").
      if (!c.date && n.date && c.symbol.year === n.symbol.year && (c.symbol.year === null || c.symbol.year === n.date.year)) c.date = n.date;
      if (!c.issuer && n.issuer) c.issuer = n.issuer;
    }
  }
  // "… của Ban cán sự đảng … tại Công văn số 571-CV/UBND ngày … và Công văn số 591-CV/BCSĐ ngày …",
  // "… của Giám đốc Sở Tài chính tại Tờ trình số … và Báo cáo số …": an issuer written before the
  // first of two joined citations is the second's too, whatever its type.
  for (let i = 0; i + 1 < cits.length; i++) {
    const c = cits[i]!;
    const n = cits[i + 1]!;
    if (!c.issuer || n.issuer || c.issuer.end > c.start || !n.symbol || c.nested || n.nested) continue;
    const gap = text.slice(c.end, n.start);
    if (gap.length <= 40 && JOINED_AFTER_DATE.test(gap)) n.issuer = c.issuer;
  }
  for (let i = cits.length - 2; i >= 0; i--) {
    const c = cits[i]!;
    if (c.issuer || !c.symbol || !c.symbol.issuerCodes.length) continue;
    // A citation inside a description ("Kết luận số 822-KL/TU về sơ kết … Chỉ thị số 56-CT/TU …
    // của Ban Thường vụ Tỉnh ủy") does not lend its issuer; an amendment chain does.
    if (c.subject && !/^(?:đã[ \t]+)?(?:được[ \t]+)?(?:sửa[ \t]+đổi|bổ[ \t]+sung|thay[ \t]+thế)/u.test(c.subject.text)) continue;
    const codes = c.symbol.issuerCodes.join('-');
    for (let j = i + 1; j < cits.length && j <= i + 6; j++) {
      const n = cits[j]!;
      if (n.start - c.end > 400 || /[;\n]/.test(text.slice(c.end, n.start))) break;
      if (!n.symbol || n.symbol.issuerCodes.join('-') !== codes) continue;
      if (n.issuer) c.issuer = n.issuer;
      break;
    }
  }
  // Items of a list with no type word of their own ("…số: 1521/QĐ-TTg …; 21/2021/QĐ-TTg …") take
  // the issuer of the nearest earlier citation of the same sentence whose symbol names the same body.
  for (let i = 1; i < cits.length; i++) {
    const c = cits[i]!;
    if (c.issuer || !c.sharedTypeWord || !c.symbol?.issuerCodes.length) continue;
    const code = c.symbol.issuerCodes[0];
    for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
      const p = cits[j]!;
      if (c.start - p.end > 600 || /\n|\.[ \t]+\p{Lu}/u.test(text.slice(p.end, c.start))) break;
      if (p.issuer && p.symbol?.issuerCodes[0] === code) {
        c.issuer = p.issuer;
        break;
      }
    }
  }
}

/**
 * "TƯ" read by OCR where a provincial committee wrote "TU" ("Nghị quyết số 05-NQ/TƯ … của Ban
 * Thường vụ Tỉnh ủy"): the issuer the citation names says it is the province's, not the centre's.
 */
function provincialPartyCodes(cits: RawCitation[]): void {
  for (const c of cits) {
    const s = c.symbol;
    if (!s || !c.issuer || !s.issuerCodesWritten.some((w) => w === 'TƯ')) continue;
    if (!/(?:tỉnh|thành)[ \t]+(?:ủy|uỷ)|đảng[ \t]+bộ[ \t]+(?:tỉnh|thành[ \t]+phố)/iu.test(c.issuer.text)) continue;
    s.issuerCodes = s.issuerCodes.map((code, i) => (s.issuerCodesWritten[i] === 'TƯ' ? 'TU' : code));
    s.canonical = buildCanonical(s);
  }
}

function relationCue(words: string): RelationKind | null {
  // The last cue before the target wins ("về sơ kết 03 năm thực hiện X" → reviews, by priority order).
  for (const { re, kind } of RELATION_CUES) if (re.test(words)) return kind;
  return null;
}

/**
 * A Đề án without a number is named by the decision that approved it: "Quyết định số 1349/QĐ-UBND
 * … về việc phê duyệt Đề án dạy và học tiếng dân tộc Mường …"; a later citation whose subject is
 * about "thực hiện Đề án dạy và học tiếng dân tộc Mường" implements that decision.
 */
function linkApprovedProgrammes(text: string, cits: RawCitation[]): void {
  const firstChild = new Map<number, number>();
  cits.forEach((x) => {
    if (x.parent >= 0 && !firstChild.has(x.parent)) firstChild.set(x.parent, x.start);
  });
  const approved = new Map<string, number[]>();
  cits.forEach((c, index) => {
    if (!c.subject) return;
    const m = APPROVES.exec(c.subject.text);
    if (!m) return;
    // Only the citation's own words: not a "phê duyệt" that belongs to a citation nested in it.
    const at = c.subject.start + m.index;
    const child = firstChild.get(index);
    if (child !== undefined && child < at) return;
    const words = nameWords(c.subject.text.slice(m.index + m[0].length));
    approved.set(words, [...(approved.get(words) ?? []), index].slice(0, 4));
  });
  if (!approved.size) return;
  cits.forEach((c, index) => {
    if (!c.subject || c.relations.length) return;
    PROGRAMME_MENTION.lastIndex = 0;
    for (let m = PROGRAMME_MENTION.exec(c.subject.text); m; m = PROGRAMME_MENTION.exec(c.subject.text)) {
      const words = nameWords(c.subject.text.slice(m.index + m[0].length));
      const hit = (approved.get(words) ?? []).find((a) => a !== index && cits[a]!.parent !== index && c.parent !== a);
      if (hit !== undefined) {
        const cue = c.subject.text.slice(0, m.index);
        c.relations.push({ kind: relationCue(cue) ?? 'implements', target: hit });
        break;
      }
    }
  });
}

function nameWords(s: string): string {
  return s.split(/\s+/).slice(0, 6).join(' ').toLowerCase();
}

// "… ngày 16/7/2008⏎của Chính phủ", "… NĂM 2015⏎CỦA BỘ TRƯỞNG …": "của" opening the next line
// (a table cell or a title in capitals the layout keeps in lines).
const CUA_NEXT_LINE = /^[ \t]*\r?\n[ \t]*(?:của|CỦA)[ \t]+(?=\p{Lu})/u;
// "của" at a line's end, the next line opening with a capital.
const CUA_AT_LINE_END = /^[ \t]*,?[ \t]*(?:của|CỦA)[ \t]*\r?\n[ \t]*(?=\p{Lu})/u;
// Between two citations joined by "và" (the first one's date may stand there).
const JOINED_AFTER_DATE = /^(?:[ \t]*,?[ \t]*ngày[ \t]+[\d/.\-]{6,10})?[ \t]*,?[ \t]+và[ \t]+$/u;
// What may follow an issuer's name that closes its citation: the subject's "về", the item's end.
const CLAUSE_AFTER_NAME = /^(?:[ \t]*[;.,)]|[ \t]*$|[ \t]+(?:về|V\/v|v\/v)(?![\p{L}]))/u;

const CLOSING_ISSUER = /[ \t]do[ \t]+([^,;:()\n]{2,90}?)[ \t]+ban[ \t]+hành$/u;

// "… của Trường TH Tây Bắc Sơn", "… của phòng GD&ĐT Phong Điền" at the very end of an item.
const CLOSING_OF = /[ \t]của[ \t]+((?:Trường|trường|Phòng|phòng|Sở|sở|UBND|Ủy ban nhân dân|Uỷ ban nhân dân|Hiệu trưởng|Ban Giám hiệu)(?![\p{L}])[^,;:()\n]{0,70}?)[ \t]*$/u;

/** "… do X ban hành" closing the item [start, end), as sites title the documents they list. */
function issuerClosing(text: string, start: number, end: number): { text: string; start: number; end: number } | null {
  return nameClosing(CLOSING_ISSUER, text, Math.max(start, end - 110), end);
}

/** "… của Trường …" closing the item [start, end). */
function issuerOfClosing(text: string, start: number, end: number): { text: string; start: number; end: number } | null {
  return nameClosing(CLOSING_OF, text, Math.max(start, end - 100), end);
}

/** The name `re` captures in text[from, end), when it reads as an issuer's name to its last word. */
function nameClosing(re: RegExp, text: string, from: number, end: number): { text: string; start: number; end: number } | null {
  const m = re.exec(text.slice(from, end));
  if (!m) return null;
  const at = from + m.index + m[0].indexOf(m[1]!);
  const iss = readIssuer(text, at, at + m[1]!.length);
  return iss && iss.end === at + m[1]!.trimEnd().length ? iss : null;
}

/** Nothing but list marks, numbers and table bars before `at` on its line. */
function opensLine(text: string, at: number): boolean {
  const from = text.lastIndexOf('\n', at - 1) + 1;
  return at - from <= 12 && /^[\s\-+•*|\d.)]*$/u.test(text.slice(from, at));
}

/** Whether citation `i` starts inside the subject of an earlier citation (looked back a few). */
function insideEarlierSubject(cits: RawCitation[], i: number): boolean {
  const at = cits[i]!.start;
  for (let j = i - 1; j >= 0 && j >= i - 6; j--) {
    const s = cits[j]!.subject;
    if (s && s.start <= at && at < s.end) return true;
  }
  return false;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
