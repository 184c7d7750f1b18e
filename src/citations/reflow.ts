// Reflow: tells soft wraps from paragraph breaks and joins the soft wraps, so that every later
// stage (layout, header, extraction) reads sentences. Text copied from PDF files and web pages
// breaks lines anywhere — inside a type word ("Quyết⏎định"), between a number and its date
// ("141-KH/TU⏎ngày 27/12/2024"), inside a date ("tháng⏎6 năm 2020") or an issuer.
//
// A joined break — with the spaces around it — becomes one space, and so does every run of spaces
// and tabs inside a line (text from PDF files and tables is full of them), so that later stages
// read words one space apart; a map leads every offset back to the text before reflow (as the
// cleaning stage's map does). Whether a break
// is soft is judged from the two lines around it alone (what ends the first, what starts the
// next, how long the first is against the document's usual line), which keeps the stage linear.
import { breakpointMap } from './clean.js';

/** A line that starts a new item: a list mark, a numbered heading, an article or chapter, a table row. */
const ITEM_START =
  /^[ \t]*(?:[-+•*·–—>](?![\p{L}\d])|[-+•*·–—][ \t]|\d{1,2}(?:\.\d{1,2}){0,3}[.)](?:[ \t]|$)|\(\d{1,2}\)|[a-zđ][)](?:[ \t]|$)|[IVXLC]{1,6}[ \t]*[.)\-:](?:[ \t]|$)|(?:Điều|Chương|Mục|Phần|ĐIỀU|CHƯƠNG|MỤC|PHẦN)[ \t]+(?:\d|[IVXLC]{1,6}(?![\p{L}]))|\|)/u;

/** Words that open a preamble item, a heading block or the signature, whatever stands before them. */
const BLOCK_START =
  /^[ \t]*(?:Căn[ \t]+cứ|Thực[ \t]+hiện|Xét[ \t]+đề[ \t]+nghị|Theo[ \t]+đề[ \t]+nghị|Xét[ \t]+Tờ[ \t]+trình|Nơi[ \t]+nhận|Kính[ \t]+gửi|Đồng[ \t]+kính[ \t]+gửi|Số[ \t]*:|(?:KT|TM|TL|TUQ|Q)\.[ \t]*\p{Lu}|QUYẾT ĐỊNH[ \t]*:|QUYẾT NGHỊ[ \t]*:|CHỈ THỊ[ \t]*:|CỘNG HÒA|CỘNG HOÀ|Độc lập)(?![\p{Ll}])/u;

/** A line of decoration: rules, table borders. */
const DECORATION = /^[ \t]*[-=_*|+.~]{3,}[ \t]*$|^[ \t]*\|[ \t]*$/;

/**
 * Words that cannot end a sentence: a line ending in one of them continues on the next line.
 * The first syllables of type words are here too ("Quyết" ⏎ "định").
 */
const CONTINUES = new Set(
  (
    'số của và về với tại theo giữa các những ngày tháng năm do cho bởi là được đã để từ đến trên trong ' +
    'thực triển ban phê quy hướng sửa bổ tổ kèm nhằm gồm như hoặc hay cùng tỉnh huyện xã thành quận phường ' +
    'ủy uỷ nhân dân hội đồng sở phòng bộ chính thủ luật nghị quyết chỉ thông kế công đề kết tờ báo chương ' +
    'hiến pháp văn lần thứ khóa khoá đoạn giai trưởng tịch'
  ).split(' '),
);

export interface ReflowResult {
  text: string;
  /** Maps an offset in `text` to the offset in the text before reflow. */
  toSource(offset: number): number;
  /** Number of line breaks joined. */
  joined: number;
  /** Nothing changed: `text` is the input and `toSource` the identity. */
  identity: boolean;
}

interface LineInfo {
  start: number;
  /** End of the line's content (before "\r" and "\n"). */
  end: number;
  /** Start of the line's words (after leading spaces and tabs). */
  from: number;
  /** Length without surrounding spaces. */
  length: number;
}

function linesOf(text: string): LineInfo[] {
  const out: LineInfo[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    let end = nl < 0 ? text.length : nl;
    while (end > start && text.charCodeAt(end - 1) === 13) end--;
    let a = start;
    let b = end;
    while (a < b && (text.charCodeAt(a) === 32 || text.charCodeAt(a) === 9)) a++;
    while (b > a && (text.charCodeAt(b - 1) === 32 || text.charCodeAt(b - 1) === 9)) b--;
    out.push({ start, end, from: a, length: b - a });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

/**
 * The usual length of a full line: the 90th percentile of non-blank line lengths, counted in a
 * histogram (lengths past the last bucket share it: a percentile that falls there is "very long").
 */
function usualWidth(lines: LineInfo[]): number {
  const counts = WIDTH_COUNTS.fill(0);
  let n = 0;
  for (const line of lines) {
    if (line.length === 0) continue;
    counts[Math.min(line.length, WIDTH_BUCKETS)]!++;
    n++;
  }
  if (!n) return 0;
  // The element a sorted list would hold at index floor(0.9 n).
  const rank = Math.min(n - 1, Math.floor(n * 0.9));
  let seen = 0;
  for (let length = 1; length < WIDTH_BUCKETS; length++) {
    seen += counts[length]!;
    if (seen > rank) return length;
  }
  // The percentile is a line longer than the buckets: its exact length, as a sort would give it.
  const long = lines.map((l) => l.length).filter((len) => len >= WIDTH_BUCKETS).sort((a, b) => a - b);
  return long[rank - seen]!;
}
const WIDTH_BUCKETS = 1024;
const WIDTH_COUNTS = new Uint32Array(WIDTH_BUCKETS + 1);

/** The line has no small letter (a capitals line, or only symbols and codes). */
function noSmallLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ASCII small letters settle most lines at their first word; other letters go to the regex.
    if (c >= 97 && c <= 122) return false;
    if (c > 127) {
      SMALL_LETTER_AT.lastIndex = i;
      if (SMALL_LETTER_AT.test(s)) return false;
    }
  }
  return true;
}
const SMALL_LETTER_AT = /\p{Ll}/uy;

/**
 * A heading line: no small letter, and two words of capitals at least — a symbol
 * ("05-CTPH/BDVHU-PGDĐT", "19/CT-TTG NGÀY") or a lone code ("UBND") is capitals without being a
 * heading. A word counts when a piece of it between "-", "–" and "/" holds two capitals in a row (marks
 * between them allowed); a token with a digit is a symbol or a number, whatever its letters.
 * Read by character codes, one pass.
 */
export function isCaps(s: string): boolean {
  if (!noSmallLetter(s)) return false;
  let words = 0;
  const n = s.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    let j = i;
    let digit = false;
    for (; j < n && !isSpaceCode(s.charCodeAt(j)); j++) {
      const c = s.charCodeAt(j);
      if (c >= 48 && c <= 57) digit = true;
    }
    if (!digit) {
      let prevUpper = false;
      let counted = false;
      for (let k = i; k < j; k++) {
        const c = s.charCodeAt(k);
        if (c === 45 || c === 0x2013 || c === 47) {
          prevUpper = false;
          counted = false;
          continue;
        }
        if (c > 127 && isMarkAt(s, k)) continue;
        const upper = (c >= 65 && c <= 90) || (c > 127 && isUpperAt(s, k));
        if (upper && prevUpper && !counted) {
          counted = true;
          if (++words >= 2) return true;
        }
        prevUpper = upper;
        // A letter outside the BMP takes two code units.
        if (c >= 0xd800 && c <= 0xdbff && k + 1 < j) k++;
      }
    }
    i = j;
  }
  return false;
}
const UPPER_AT = /\p{Lu}/uy;
const MARK_AT = /\p{M}/uy;
function isUpperAt(s: string, i: number): boolean {
  UPPER_AT.lastIndex = i;
  return UPPER_AT.test(s);
}
function isMarkAt(s: string, i: number): boolean {
  MARK_AT.lastIndex = i;
  return MARK_AT.test(s);
}
/** What `\s` matches. */
function isSpaceCode(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Length of the first word of a line (what would have had to fit on the line before it). */
function firstWordLength(s: string): number {
  const m = /^\S+/u.exec(s);
  return m ? m[0].length : 0;
}

/** The end of a line from the last space at least `n` characters before its end (all of it if shorter). */
function lineTail(s: string, n: number): string {
  if (s.length <= n) return s;
  const space = s.lastIndexOf(' ', s.length - n);
  return space < 0 ? s : s.slice(space);
}

function lastWord(s: string): string {
  let e = s.length;
  while (e > 0 && (s.charCodeAt(e - 1) === 32 || s.charCodeAt(e - 1) === 9)) e--;
  let b = e;
  while (b > 0 && e - b < 40 && isWordChar(s, b - 1)) b--;
  return s.slice(b, e).toLowerCase();
}
const WORD_CHAR_AT = /[\p{L}\p{M}]/uy;

/** A letter, a mark, a digit or one of "& / -" (what a word or a symbol is made of). */
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 38 || c === 47 || c === 45;
  WORD_CHAR_AT.lastIndex = i;
  return WORD_CHAR_AT.test(s);
}

/**
 * Whether the break between line `a` and line `b` (both non-blank) is a soft wrap.
 * `width` is the document's usual line length.
 */
export function isSoftWrap(a: string, b: string, width: number, aIsTypeHeading = false, openItem = false): boolean {
  const atFull = a.trim();
  const bFull = b.trim();
  return softWrap(
    { head: atFull.slice(0, ENDS), tail: atFull.length > ENDS ? atFull.slice(-ENDS) : atFull, length: atFull.length },
    { head: bFull.slice(0, ENDS), length: bFull.length },
    width,
    aIsTypeHeading,
    openItem,
  );
}

/**
 * Only the ends of the lines matter (and keep every test here linear on a megabyte-long line):
 * the first and last 120 characters of the first line, the first 120 of the next.
 */
const ENDS = 120;

interface LineEnds {
  /** The first ENDS characters, without leading spaces. */
  head: string;
  /** The last ENDS characters, without trailing spaces. */
  tail: string;
  /** Length without surrounding spaces. */
  length: number;
}

function softWrap(a: LineEnds, b: Omit<LineEnds, 'tail'>, width: number, aIsTypeHeading: boolean, openItem: boolean): boolean {
  const at = a.tail;
  const bt = b.head;
  if (!at || !bt) return false;
  // A line that ends a sentence ends its paragraph (the cheap test first: most lines do).
  if (endsSentence(at, 0, at.length)) return false;
  if (DECORATION.test(at) || DECORATION.test(bt)) return false;
  // The header's number line ("Số: 1590/VPCP-KGVX") stands alone: the "V/v …" under it is the
  // subject line, however narrow the column.
  if (NUMBER_LINE.test(a.head)) return false;
  // A line left hanging on a word that cannot end a sentence goes on, even into words that often
  // open an item ("… Luật" ⏎ "Thực hiện dân chủ ở cơ sở").
  const word = lastWord(at);
  const hangingWord = CONTINUES.has(word);
  if (BLOCK_START.test(bt) && !(hangingWord && /^(?:Thực hiện|Theo|Xét)/u.test(bt))) return false;
  // "lần thứ" ⏎ "V.", "số" ⏎ "12/KH-UBND", "ngày" ⏎ "05/3/2020": a word that wants a number, and
  // the number — even one that looks like a heading's numeral.
  if (WANTS_NUMBER.test(lineTail(at, 8)) && /^(?:\d|[IVXLC]{1,6}(?![\p{L}]))/u.test(bt)) return true;
  // A wrap forced by the width: the next line's first word would not have fitted on this one.
  // Widths are measured loosely (a PDF wraps by visual width, not characters): within a fifth.
  const forced = width > 0 && a.length + 1 + firstWordLength(bt) > width * 0.8;
  // "Sở Lao động" ⏎ "- Thương binh và Xã hội": the two halves of a name joined by a spaced dash.
  const b0 = bt.charCodeAt(0);
  if ((b0 === 45 || b0 === 0x2013) && DASHED_NAME.test(lineTail(at, 12) + ' ' + bt.slice(0, 20))) return true;
  if (ITEM_START.test(bt)) {
    // "- Thương binh và Xã hội" after "Bộ Lao động" is a spaced dash wrapped to the line start,
    // not a list item, when the line before was full and unfinished.
    // "- 8Nghị định …" (a site's list numbers its items glued to their first word) is an item
    // whatever came before; "(2021⏎- 2025)" is a spaced dash.
    if (!(/^[-–][ \t]/u.test(bt) && !/^[-–][ \t]+\d{1,3}\p{L}/u.test(bt) && forced && !ITEM_START.test(a.head))) return false;
  }
  if (/^\|/.test(at) || /\|$/.test(at)) return false;
  if (aIsTypeHeading) return false;
  // A line that ends inside a phrase: a comma, a hyphen or slash left hanging, a function word.
  const hanging = /[,&/\-(]$/.test(at) || hangingWord;
  // A line with no small letter at all (a capitals line, or only a symbol and a code: "35/NQ-CP
  // NGÀY"), and a line in capitals: a heading, which is short (a long line is never one). Only a
  // line with no small letter can be in capitals, so most lines skip that test.
  const bareA = noSmallLetter(at);
  const bareB = noSmallLetter(bt);
  const capsA = bareA && a.length <= ENDS && isCaps(at);
  const capsB = bareB && b.length <= ENDS && isCaps(bt);
  // "QUYẾT ĐỊNH" ⏎ "Về việc …", "CHỦ TỊCH" ⏎ "Nguyễn Văn A": a heading ends. A capitalised code
  // broken off a sentence ("… của" ⏎ "UBND") still continues it.
  if (capsA && !bareB) return false;
  if (capsB && !bareA) return hanging;
  if (bareA && bareB && (capsA || capsB)) return hanging || forced;
  if (hanging) return true;
  // "… tỉnh Hòa" ⏎ "Bình …", "thành phố Cần" ⏎ "Thơ": a place name broken in two.
  if (/^\p{Lu}/u.test(bt) && PLACE_BROKEN.test(lineTail(at, 40))) return true;
  // A "Căn cứ …" item runs to its ";" or "." however early its lines were broken ("Căn cứ Luật
  // Tổ chức" ⏎ "Chính phủ ngày 19 tháng 6 năm 2015;").
  if (openItem) return true;
  // "Bộ Chính trị" ⏎ "(Khóa XII)": a Party term goes with the body before it.
  if (/^\((?:khóa|khoá|Khóa|Khoá|KHÓA|KHOÁ)(?![\p{L}])/u.test(bt)) return true;
  // The next line starts in lower case or with a digit: the sentence goes on.
  if (/^\(?[\p{Ll}\d]/u.test(bt)) return true;
  // A capitalised start after an unfinished line: a wrap only when the line was full.
  return forced;
}

// Names of bodies written with a spaced dash between their halves (NĐ 30/2020 keeps them so).
const DASHED_NAME = /(?:Lao[ \t]+động|Quy[ \t]+hoạch|Thi[ \t]+đua|Văn[ \t]+hóa|Văn[ \t]+hoá)[ \t]+[-–][ \t]+(?:Thương[ \t]+binh|Kiến[ \t]+trúc|Khen[ \t]+thưởng|Xã[ \t]+hội|Thông[ \t]+tin)(?![\p{L}])/u;

const TYPE_HEADING_WORDS =
  /^(?:KẾ HOẠCH|QUYẾT ĐỊNH|NGHỊ QUYẾT|CHỈ THỊ|THÔNG TƯ|NGHỊ ĐỊNH|CÔNG VĂN|HƯỚNG DẪN|BÁO CÁO|TỜ TRÌNH|THÔNG BÁO|CHƯƠNG TRÌNH|ĐỀ ÁN|KẾT LUẬN|QUY ĐỊNH|QUY CHẾ|LUẬT|PHƯƠNG ÁN|DỰ ÁN)$/u;

const PLACE_BROKEN = /(?:^|[ \t])(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|Đảng bộ|Tỉnh ủy|Huyện ủy)[ \t]+\p{Lu}\p{Ll}*$/u;
const WANTS_NUMBER = /(?:^|[ \t(])(?:thứ|khóa|khoá|Khóa|Khoá|KHÓA|KHOÁ|số|Số|SỐ|ngày|tháng|năm|lần|Điều|khoản|Khoản)$/u;
// "Căn cứ …", also as a list item ("- Căn cứ Luật Doanh nghiệp" ⏎ "Nhà nước ngày …;") or in
// markdown emphasis ("*Căn cứ Luật Tổ chức" ⏎ "Chính phủ số 63/2025/QH15;*").
const PREAMBLE_ITEM = /^[ \t]*(?:[-–+•][ \t]*)?[*_]{0,2}(?:Căn[ \t]+cứ|Thực[ \t]+hiện|Xét[ \t]+đề[ \t]+nghị|Theo[ \t]+đề[ \t]+nghị)(?![\p{L}])/u;
const PREAMBLE_ITEM_AT = new RegExp(PREAMBLE_ITEM.source.slice(1), 'uy');
const NUMBER_LINE = /^(?:Số|SỐ)[ \t]*:[ \t]*\S/u;
const SYMBOL_BREAK = /[\p{Lu}\d][/\-]$/u;

/**
 * Whether the line [start, end) of `text` ends a sentence or an item: ". ; : ! ? …" or the end
 * mark "./" / "./.", before closing quotes and brackets and trailing spaces. By character codes.
 */
function endsSentence(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  // Closing quotes and brackets after the mark: " ' ” ’ ) ]
  for (;;) {
    const c = text.charCodeAt(e - 1);
    if (e > start && (c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93)) e--;
    else break;
  }
  if (e <= start) return false;
  const c = text.charCodeAt(e - 1);
  // . ; : ! ? … — and "./" (the end mark "./." ends in a full stop).
  return c === 46 || c === 59 || c === 58 || c === 33 || c === 63 || c === 0x2026 || (c === 47 && e - 2 >= start && text.charCodeAt(e - 2) === 46);
}

/**
 * Joins soft-wrapped lines: the spaces, the line break and the indentation of the next line
 * become one space, recorded in a map back to the text before reflow.
 */
export function reflow(text: string): ReflowResult {
  // Replacements in text order: [from, to, with].
  const edits: [number, number, string][] = [];
  let joined = 0;
  if (text.indexOf('\n') >= 0) {
    const lines = linesOf(text);
    const width = usualWidth(lines);
    let joinedBefore = false;
    // Whether the paragraph the current line belongs to opened a preamble item ("Căn cứ …").
    let openItem = false;
    for (let i = 0; i + 1 < lines.length; i++) {
      const la = lines[i]!;
      const lb = lines[i + 1]!;
      if (la.length === 0) {
        openItem = false;
        continue;
      }
      if (i === 0 || lines[i - 1]!.length === 0 || !joinedBefore) {
        PREAMBLE_ITEM_AT.lastIndex = la.start;
        openItem = PREAMBLE_ITEM_AT.test(text);
      }
      joinedBefore = false;
      if (lb.length === 0) continue;
      // A line that ends a sentence ends its paragraph: decided on the characters, before any
      // string is cut (most lines of a document end so).
      if (endsSentence(text, la.start, la.end)) continue;
      const aEnd = la.from + la.length;
      const a: LineEnds = {
        head: text.slice(la.from, Math.min(aEnd, la.from + ENDS)),
        tail: text.slice(Math.max(la.from, aEnd - ENDS), aEnd),
        length: la.length,
      };
      const b = { head: text.slice(lb.from, Math.min(lb.from + lb.length, lb.from + ENDS)), length: lb.length };
      if (!softWrap(a, b, width, la.length <= ENDS && TYPE_HEADING_WORDS.test(a.head), openItem)) continue;
      joinedBefore = true;
      // The join runs from the end of a's words to the start of b's words.
      let from = la.end;
      while (from > la.start && (text.charCodeAt(from - 1) === 32 || text.charCodeAt(from - 1) === 9)) from--;
      let to = lb.start;
      while (to < lb.end && (text.charCodeAt(to) === 32 || text.charCodeAt(to) === 9)) to++;
      // A symbol broken after its "/" or "-" ("…/QĐ-" ⏎ "UBND", a narrow table cell) closes up.
      const joint = SYMBOL_BREAK.test(text.slice(Math.max(la.start, from - 3), from)) && /^[\p{Lu}\d]/u.test(text.slice(to, to + 1)) ? '' : ' ';
      edits.push([from, to, joint]);
      joined++;
    }
  }
  // Runs of spaces and tabs inside a line become one space (a join already took those around it).
  const spaced: [number, number, string][] = [];
  let k = 0;
  forEachSpaceRun(text, (from, to) => {
    while (k < edits.length && edits[k]![1] <= from) k++;
    if (k < edits.length && edits[k]![0] < to) return;
    spaced.push([from, to, ' ']);
  });
  if (!edits.length && !spaced.length) return { text, toSource: (o) => o, joined: 0, identity: true };
  const all = mergeSorted(edits, spaced);
  const parts: string[] = [];
  // Breakpoints: from outStarts[i] on, the output resumes 1:1 with the input at inStarts[i].
  const outStarts: number[] = [0];
  const inStarts: number[] = [0];
  let last = 0;
  let outLen = 0;
  for (const [from, to, replacement] of all) {
    parts.push(text.slice(last, from), replacement);
    outLen += from - last;
    outStarts.push(outLen);
    inStarts.push(from);
    outLen += replacement.length;
    outStarts.push(outLen);
    inStarts.push(to);
    last = to;
  }
  parts.push(text.slice(last));
  const toSource = breakpointMap(outStarts, inStarts);
  return { text: parts.join(''), toSource, joined, identity: false };
}

/**
 * Every run of two or more spaces and tabs, and every lone tab, in text order. Found with native
 * searches for "  " and "\t" (a regex would stop at every single space of the text).
 */
function forEachSpaceRun(text: string, each: (from: number, to: number) => void): void {
  const n = text.length;
  let nextPair = text.indexOf('  ');
  let nextTab = text.indexOf('\t');
  let pos = 0;
  while (nextPair >= 0 || nextTab >= 0) {
    let from = nextPair < 0 ? nextTab : nextTab < 0 ? nextPair : Math.min(nextPair, nextTab);
    // A run may begin with a single space before its tab.
    while (from > pos && text.charCodeAt(from - 1) === 32) from--;
    let to = from;
    for (let c = text.charCodeAt(to); to < n && (c === 32 || c === 9); c = text.charCodeAt(++to));
    each(from, to);
    pos = to;
    if (nextPair >= 0 && nextPair < pos) nextPair = text.indexOf('  ', pos);
    if (nextTab >= 0 && nextTab < pos) nextTab = text.indexOf('\t', pos);
  }
}

function mergeSorted(a: [number, number, string][], b: [number, number, string][]): [number, number, string][] {
  if (!b.length) return a;
  if (!a.length) return b;
  const out: [number, number, string][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]![0] < b[j]![0])) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
