// Splits a plan into its parts (DESIGN.md data flow): the header block (số/ký hiệu, địa danh and
// date, type heading), the title (trích yếu), the căn cứ preamble (items beginning "Căn cứ …" /
// "Thực hiện …" before the first numbered section), the body, the signature block ("Nơi nhận",
// position, signer) and the tail — anything substantive left after the signature (seed 004
// carries the remains of an older plan there). Works on lines; linear.
import type { Section } from './model.js';
import { TYPE_WORDS } from './vocabulary/types.js';

export interface Line {
  start: number;
  end: number;
  text: string;
  /** Text without markdown emphasis/heading marks and surrounding spaces. */
  plain: string;
}

export interface Layout {
  lines: Line[];
  /** Line indexes. -1 when absent. */
  numberLine: number;
  dateLine: number;
  typeLine: number;
  titleLines: number[];
  /** Preamble lines (between title and the first numbered section) and whether each is a căn cứ item. */
  preamble: { line: number; canCu: boolean }[];
  firstSectionLine: number;
  signatureStart: number;
  /** First line of the tail, or -1. */
  tailStart: number;
  signerLine: number;
  positionLines: number[];
  recipientLines: number[];
  /** First line of a web page's own text below the document (its metadata, related documents), or -1. */
  siteTextStart: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const raw = text.slice(start, end);
    lines.push({ start, end, text: raw, plain: plainOf(raw) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return lines;
}

function plainOf(s: string): string {
  // Most lines hold no markup and no surrounding space: returned as they are, with no regex run.
  const n = s.length;
  if (n === 0) return s;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  if (first > 32 && first !== 35 && first !== 42 && first !== 95 && last > 32 && last !== 42 && last !== 95 && s.indexOf('*') < 0 && s.indexOf('__') < 0) return s;
  return s
    .replace(/\r$/, '')
    .replace(/^[ \t]*#{1,6}[ \t]*/, '')
    .replace(/[*_]{2,}/g, '')
    .replace(/^[ \t]*\*[ \t]+/, '')
    .trim()
    // Markdown's single emphasis around a line ("*Nơi nhận:*", "*Hà Nội, ngày …*").
    .replace(/^[*_](?=\S)/, '')
    .replace(/(?<=\S)[*_]$/, '');
}

const TYPE_HEADING = new RegExp(`^(?:${TYPE_WORDS.map((w) => w.toUpperCase().replace(/ /g, '\\s+')).join('|')})$`, 'u');
// "Số: 07/KH-PGDĐT", and the header of a resolution that names its type: "Nghị quyết số: 653/2019/UBTVQH14".
const NUMBER_LINE = /^(?:(?:Nghị quyết|Quyết định|Chỉ thị|Kế hoạch|Thông tư|Nghị định)[ \t]+số|Số)\s*:/u;
// "Số 07/KH-UBND", "Số: …" — not a site's label "Số hiệu: | 49/KH-UBND |" or "Số lượng …".
const NUMBER_LINE_BARE = /^Số[ \t]*(?:[\d/.…_]|:)/u;
const DATE_LINE = /(?:^|[\s,])[\p{Lu}][\p{L}. \-]{0,40}?,\s*ngày(?![\p{L}])[^\n]{0,30}?tháng(?![\p{L}])[^\n]{0,10}?năm\s+\d{4}/u;
const SECTION_HEADING = /^(?:[IVX]{1,4}|[A-Z]|\d{1,2})\s*[.)\-]\s*\S/u;
const ROMAN_HEADING = /^[IVX]{1,4}\s*[.)\-]/u;
const PREAMBLE_ITEM = /^[*_]*(?:Căn cứ|Thực hiện|Xét đề nghị|Theo đề nghị)(?![\p{L}])/u;
const NOI_NHAN = /^Nơi nhận\s*:?/u;
const POSITION = /^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?[\p{Lu} .,&]{4,60}$/u;
const POSITION_WORDS = /TRƯỞNG|GIÁM ĐỐC|CHỦ TỊCH|BÍ THƯ|THỦ TRƯỞNG|HIỆU|PHÓ|TỔNG|CHÁNH|THƯ KÝ|KÝ|CỤC/u;
const NAME = /^(?:\p{Lu}[\p{Ll}]*)(?:\s+\p{Lu}[\p{Ll}]*){1,5}$/u;
const RECIPIENT = /^(?:[-·•+*–]|Lưu(?![\p{L}])|Như trên)/u;
const POSITION_AND_NAME = /^(?:(?:KT|TM|TL|TUQ|Q)\.\s*)?[\p{Lu} .,&]{4,60}?\s+\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){1,4}$/u;
// "ĐIỂU LỆ": the hook above Ề read as the one above Ể, a slip of typing and OCR alike.
// "Ghi chú:" closes a notice with what its result is worth; "[1] Gồm …" is the document's own
// footnote, printed under the signature. Markdown's emphasis marks may stand
// before each ("**PHỤ LỤC**", "*(Kèm theo Công văn số …)*").
const ANNEX = /^[*_]*(?:PHỤ LỤC|Phụ lục|DANH MỤC|Danh mục|\((?:Ban hành )?[Kk]èm theo|QUY ĐỊNH|QUY CHẾ|HƯỚNG DẪN|ĐI[ỀỂ]U LỆ|MẪU|Mẫu số|BIỂU|Biểu mẫu|Ghi chú[ \t]*:|GHI CHÚ[ \t]*:|\[\d{1,3}\](?=[ \t]*\p{L}))(?![\p{Ll}])/u;
// The line under an annex's title: "(Kèm theo …)", "(Ban hành kèm theo Quyết định số …)".
const ANNEX_NOTE = /^[*_]*\((?:Ban hành |ban hành )?[Kk]èm theo(?![\p{L}])/u;
// The text announces what it issues with it: "Ban hành kèm theo Quyết định này Quy chế …",
// "phê duyệt Điều lệ … (kèm theo Quyết định)". What follows its signature is that attachment.
const ATTACHED = /kèm[ \t]+theo[ \t]+(?:Quyết định|Nghị quyết|Thông tư|Chỉ thị|Kế hoạch|Hướng dẫn|Công văn|Quy định|văn bản)(?:[ \t]+này|[ \t]*\))/u;
const CLOSING = /(?:\.\/\.|\.\/|\.\s*\/\s*\.)\s*$/u;

export function layout(text: string): Layout {
  const lines = splitLines(text);
  const L: Layout = {
    lines,
    numberLine: -1,
    dateLine: -1,
    typeLine: -1,
    titleLines: [],
    preamble: [],
    firstSectionLine: -1,
    signatureStart: -1,
    tailStart: -1,
    signerLine: -1,
    positionLines: [],
    recipientLines: [],
    siteTextStart: -1,
  };
  const headFrom = headerBelowSiteText(lines);
  const headLimit = Math.min(lines.length, headFrom + 40);
  for (let i = headFrom; i < headLimit; i++) {
    // A header laid out as a markdown table: "| Số: 1766/QĐ-UBND | Bình Thuận, ngày … |".
    const p = cellStart(lines[i]!.plain);
    if (!p) continue;
    if (L.numberLine < 0 && (NUMBER_LINE.test(p) || NUMBER_LINE_BARE.test(p)) && p.length < 120 && /\//.test(p)) L.numberLine = i;
    // "Số:" alone, the number on the next line (a header laid out as a table).
    if (L.numberLine < 0 && /^Số\s*:?$/u.test(p) && i + 1 < lines.length && /^\d+\s*\//u.test(lines[i + 1]!.plain)) L.numberLine = i + 1;
    if (L.dateLine < 0 && p.length < 160 && p.includes('ngày') && DATE_LINE.test(p)) L.dateLine = i;
    if (L.typeLine < 0 && TYPE_HEADING.test(p)) {
      L.typeLine = i;
      break;
    }
    // A markdown heading ("# Thực hiện chế độ …", a crawler's title of the page) is no item.
    if ((SECTION_HEADING.test(p) || PREAMBLE_ITEM.test(p)) && !isMarkdownHeading(lines[i]!.text)) break;
  }
  // Title: the first non-empty line after the type heading, and following short lines that are
  // neither a preamble item nor a numbered section.
  let i = L.typeLine >= 0 ? L.typeLine + 1 : 0;
  if (L.typeLine >= 0) {
    while (i < lines.length && !lines[i]!.plain) i++;
    if (i < lines.length && !/^Căn cứ(?![\p{L}])/u.test(lines[i]!.plain) && !SECTION_HEADING.test(lines[i]!.plain)) {
      L.titleLines.push(i);
      i++;
      for (let k = i; k < Math.min(lines.length, i + 4); k++) {
        const p = lines[k]!.plain;
        if (!p) continue;
        if (PREAMBLE_ITEM.test(p) || SECTION_HEADING.test(p) || p.length > 160 || /[.:;]$/.test(p)) break;
        L.titleLines.push(k);
        i = k + 1;
      }
    }
  }
  // Preamble up to the first numbered section.
  for (let k = i; k < lines.length; k++) {
    const p = lines[k]!.plain;
    if (!p) continue;
    if (ROMAN_HEADING.test(p) || (SECTION_HEADING.test(p) && L.preamble.length > 0 && k > i + 1 && /^\d/.test(p) && !PREAMBLE_ITEM.test(p))) {
      L.firstSectionLine = k;
      break;
    }
    if (L.preamble.length > 30) break;
    L.preamble.push({ line: k, canCu: PREAMBLE_ITEM.test(p) });
  }
  findSignature(L);
  // A site's text below the document: not the author's, so its citations make at most notices —
  // though it is still content after the signature (content-after-signature says so once).
  L.siteTextStart = siteTextBelow(lines, L.signatureStart >= 0 ? L.signatureStart : Math.floor(lines.length / 2));
  return L;
}

// A web page's labels for a document's metadata, each alone on its line ("Ban hành:", "Hiệu lực:
// Đã biết", "Tình trạng:"), and the headings of its lists ("Văn bản liên quan", "Lược đồ").
const SITE_LABEL =
  /^(?:(?:Ban hành|Hiệu lực|Tình trạng|Cập nhật|Ngày ban hành|Ngày hiệu lực|Ngày đăng|Số hiệu|Loại văn bản|Nơi ban hành|Người ký|Lĩnh vực|Ngày công báo|Số công báo)[ \t]*:(?:[ \t]*(?:Đã biết|Còn hiệu lực|Hết hiệu lực|Chưa có hiệu lực|[\d/.-]{6,10}))?|#*[ \t]*(?:Văn bản liên quan|Lược đồ|Văn bản gốc|Tải về|Văn bản tiếng Anh))$/u;

/**
 * The first line of a site's text below the document: two of its labels within ten lines, from
 * `from` on (the signature: the document ends there at the earliest). -1 when there are none.
 */
function siteTextBelow(lines: Layout['lines'], from: number): number {
  let first = -1;
  let count = 0;
  for (let k = Math.max(0, from); k < lines.length; k++) {
    const p = lines[k]!.plain;
    if (!p || p.length > 40 || !SITE_LABEL.test(p)) continue;
    if (first < 0 || k - first > 10) {
      first = k;
      count = 1;
    } else if (++count >= 2) return siteTitleAbove(lines, first, from);
  }
  return -1;
}

// A site's title of the page's document ("Thông báo 659/TB-VPCP năm 2025 kết luận …", "… ngày
// 29/11/2025 …") and its notes on it, right above its metadata.
const SITE_TITLE = /^(?:Quyết định|Thông báo|Nghị quyết|Công văn|Kế hoạch|Thông tư|Nghị định|Chỉ thị|Hướng dẫn|Kết luận|Quy định|Luật|Văn bản)[ \t]+\d[^\s]*[ \t]+(?:năm[ \t]+\d{4}|ngày[ \t]+\d)|^Văn bản này (?:chưa|đã)[ \t]/u;

/** The site's text begins a few lines above its first label when those lines are its title and notes. */
function siteTitleAbove(lines: Layout['lines'], first: number, floor: number): number {
  let start = first;
  for (let k = first - 1, seen = 0; k > floor && seen < 4; k--) {
    const p = lines[k]!.plain;
    if (!p || p === '|') continue;
    if (!SITE_TITLE.test(p)) break;
    start = k;
    seen++;
  }
  return start;
}

/** The line is a markdown heading ("# …"). */
function isMarkdownHeading(raw: string): boolean {
  return /^[ \t]*#{1,6}[ \t]/u.test(raw);
}

/** A table row's first cell ("| Số: 12/KH-UBND | …" → "Số: 12/KH-UBND | …"). */
function cellStart(p: string): string {
  return p.charCodeAt(0) === 124 ? p.replace(/^\|[ \t]*/u, '') : p;
}

// The national motto or the Party's name that tops a document's header.
const MOTTO = /^[*_]*(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)/u;

/**
 * Where to look for the document's header: line 0, or — below a web page's own text (its title,
 * summary, metadata table, in g19's shape eighty lines of it) — a few lines above the first motto
 * that a "Số" line or a type heading follows, when nothing above it reads as the document's own
 * text (a "Căn cứ" item, a Roman-numbered section).
 */
function headerBelowSiteText(lines: Layout['lines']): number {
  const end = Math.min(lines.length, 200);
  for (let m = 0; m < end; m++) {
    const p = lines[m]!.plain;
    if (!p) continue;
    if ((PREAMBLE_ITEM.test(p) || ROMAN_HEADING.test(p)) && !isMarkdownHeading(lines[m]!.text)) return 0;
    if (!MOTTO.test(p)) continue;
    if (m < 30) return 0;
    for (let k = m + 1; k < Math.min(lines.length, m + 14); k++) {
      const q = lines[k]!.plain;
      if (/^Số(?![\p{L}])/u.test(q) || TYPE_HEADING.test(q)) return Math.max(0, m - 8);
    }
    return 0;
  }
  return 0;
}

function findSignature(L: Layout): void {
  const { lines } = L;
  let sig = -1;
  for (let k = lines.length - 1; k >= 0; k--) {
    if (NOI_NHAN.test(lines[k]!.plain)) {
      sig = k;
      break;
    }
  }
  if (sig < 0) {
    for (let k = lines.length - 1; k >= 0; k--) {
      if (CLOSING.test(lines[k]!.plain)) {
        sig = k + 1;
        break;
      }
    }
    if (sig < 0 || sig >= lines.length) return;
    // "./." also ends a sentence quoted from another document: it closes this one only when a
    // signature (a position or a signer's name) follows within a few lines.
    let signed = false;
    for (let k = sig, seen = 0; k < lines.length && seen < 6; k++) {
      const p = lines[k]!.plain;
      if (!p) continue;
      seen++;
      if ((POSITION.test(p) && POSITION_WORDS.test(p)) || POSITION_AND_NAME.test(p) || NAME.test(p) || NOI_NHAN.test(p)) {
        signed = true;
        break;
      }
    }
    if (!signed) return;
  }
  L.signatureStart = sig;
  // Whether the text announces an attachment: asked only when something follows the signature.
  let attached: boolean | null = null;
  const announcesAttachment = () => (attached ??= lines.slice(0, sig).some((l) => ATTACHED.test(l.text)));
  let k = sig;
  if (NOI_NHAN.test(lines[k]!.plain)) {
    const rest = lines[k]!.plain.replace(NOI_NHAN, '').trim();
    if (rest && POSITION.test(rest) && POSITION_WORDS.test(rest)) L.positionLines.push(k);
    k++;
  }
  for (; k < lines.length; k++) {
    const p = lines[k]!.plain;
    if (!p) continue;
    if (RECIPIENT.test(p)) {
      L.recipientLines.push(k);
      continue;
    }
    // An annex's heading ("PHỤ LỤC") is short and in capitals like a position: it is read first.
    if (ANNEX.test(p)) return;
    if (POSITION.test(p) && (POSITION_WORDS.test(p) || p.length < 30)) {
      L.positionLines.push(k);
      continue;
    }
    if (/^\(?(?:Đã ký|đã ký|Ký tên|Signed)\)?/u.test(p)) continue;
    // "KT. BỘ TRƯỞNG THỨ TRƯỞNG Nguyễn Văn A": position and signer on one line.
    if (POSITION_AND_NAME.test(p)) {
      L.positionLines.push(k);
      continue;
    }
    // An annex issued with the document ("PHỤ LỤC", "DANH MỤC …", "(Kèm theo Quyết định số …)",
    // an all-capitals title) follows its signature by design: it is not a leftover.
    if ((POSITION.test(p) && p.split(/\s+/).length >= 4) || announcesAttachment() || titledAnnex(lines, k)) return;
    if (NAME.test(p) && L.signerLine < 0) {
      L.signerLine = k;
      continue;
    }
    // Something else after the signature: substantive text starts the tail; short debris
    // (a page number) does not.
    if ((p.match(/\p{L}/gu)?.length ?? 0) >= 25) {
      L.tailStart = k;
      return;
    }
  }
}

/** Section of every offset: builds sorted ranges for the cleaned text. */
export function sectionRanges(L: Layout, textLength: number): { section: Section; start: number; end: number }[] {
  const ranges: { section: Section; start: number; end: number }[] = [];
  const push = (section: Section, start: number, end: number) => {
    if (end <= start) return;
    const last = ranges[ranges.length - 1];
    if (last && last.section === section && last.end >= start - 1) last.end = Math.max(last.end, end);
    else ranges.push({ section, start, end });
  };
  const lineSection = new Map<number, Section>();
  for (const t of L.titleLines) lineSection.set(t, 'title');
  for (const p of L.preamble) lineSection.set(p.line, p.canCu ? 'can_cu' : 'body');
  const tail = L.tailStart >= 0 ? L.lines[L.tailStart]!.start : textLength;
  for (let i = 0; i < L.lines.length; i++) {
    const line = L.lines[i]!;
    if (line.start >= tail) break;
    push(lineSection.get(i) ?? 'body', line.start, line.end + 1);
  }
  if (tail < textLength) push('tail', tail, textLength);
  return ranges;
}

/**
 * An annex's title in capitals, however long, with its "(Kèm theo …)" note within the next three
 * lines: "THỦ TỤC HÀNH CHÍNH ĐƯỢC SỬA ĐỔI … ⏎ (Ban hành kèm theo Quyết định số …)".
 */
function titledAnnex(lines: Layout['lines'], k: number): boolean {
  const p = lines[k]!.plain;
  if (/\p{Ll}/u.test(p) || p.split(/\s+/).length < 4) return false;
  for (let j = k + 1, seen = 0; j < lines.length && seen < 3; j++) {
    const q = lines[j]!.plain;
    if (!q) continue;
    seen++;
    if (ANNEX_NOTE.test(q)) return true;
  }
  return false;
}
