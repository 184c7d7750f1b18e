// Finding cited instruments in cleaned text. Anchors are type words ("Nghị định", "Kế hoạch",
// "công văn" …); from each anchor a small hand-written reader takes "số", the number/symbol
// (identifier.ts), the date, the issuer ("của …"), the subject ("về …") and relation verbs.
// Named instruments without a number ("Luật Tiếp công dân", "Nghị quyết Trung ương 4 khóa XII")
// are read from their own shapes. Every pattern is sticky or bounded: the scan is linear.
import type { RelationKind } from './model.js';
import { buildCanonical, parseSymbol, type ParsedSymbol } from './identifier.js';
import { parseDateAt, type ParsedDate } from './dates.js';
import { FIRST_SYLLABLES, TYPE_WORDS, typeByName, typeByWord, typesForCode, type DocumentType } from './vocabulary/types.js';
import { issuerByCode } from './vocabulary/issuers.js';

export interface RawRelation {
  kind: RelationKind;
  /** Index of the target citation in the result list. */
  target: number;
}

export interface RawCitation {
  type: DocumentType;
  typeWritten: string;
  /** Offsets in the cleaned text. */
  start: number;
  end: number;
  symbol: ParsedSymbol | null;
  /** Named instrument title (number null), e.g. "Tiếp công dân". */
  name: string | null;
  hasSo: boolean;
  soColon: boolean;
  date: ParsedDate | null;
  issuer: { text: string; start: number; end: number } | null;
  subject: { text: string; start: number; end: number } | null;
  relations: RawRelation[];
  nested: boolean;
  sharedTypeWord: boolean;
  /** Index of the citation whose subject contains this one, or -1. */
  parent: number;
  /** A date written but impossible ("ngày 145/7/2008"): not missing, and not a date. */
  badDate?: { start: number; end: number };
  /** The issuer a list gives once for all its items ("các Thông tư của Bộ …: số …; số …"). */
  listIssuer?: { text: string; start: number; end: number } | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+');
const ANCHOR = new RegExp(`(?<![\\p{L}\\d])(?:${TYPE_WORDS.map(escape).join('|')})(?![\\p{L}\\d])`, 'giu');

const SO = /[ \t]*(?:,[ \t]*)?(số|Số|SỐ)(?![\p{L}])([ \t]*:)?/uy;
// Between "số" and the number: spaces and at most a page gap of blank lines.
const GAP = /[ \t]*(?:\r?\n[ \t]*){0,4}/y;
const SPACES = /[ \t]*/y;
const DATE_LEAD = /[ \t]*,?[ \t]*(?:\(?[ \t]*(?:(?:được[ \t]+)?ban[ \t]+hành[ \t]+|ký[ \t]+)?(?:ngày|Ngày|NGÀY)(?:[ \t]+|(?=\d)))/uy;
const CUA = /[ \t]*,?[ \t]*(?:(?:của|Của|CỦA|do|giữa|liên tịch giữa)[ \t]+){1,2}/uy;
// An issuer written straight after the date, without "của" ("… ngày 23/4/2018 Chính phủ về …"):
// only the words that begin the name of a body.
const ISSUER_HEAD =
  /[ \t]*,?[ \t]*(?=(?:Hội nghị|Chính phủ|Thủ tướng|Quốc hội|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ(?! luật)|Sở|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Ban Chấp hành|Ban Thường vụ|Ban Bí thư|Ban Tuyên giáo|Ban Dân vận|Ban Tổ chức|Ban Kinh tế|BCH|BTV|Văn phòng|Tổng cục|Cục|Phòng|Trung ương|Liên đoàn|Chủ tịch|Giám đốc)(?![\p{L}\d]))/uy;
// Words that name a body whose own name may hold a type word ("Bộ Kế hoạch và Đầu tư").
const ORGAN_WORDS = new Set(['bộ', 'sở', 'phòng', 'ban', 'vụ', 'cục', 'viện', 'trung tâm', 'văn phòng']);
const WORD = /[\p{L}\d&.\-]+/uy;
const ROMAN = /^[IVXLC]+$/;

// Lower-case words that may appear inside an issuer's name ("Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân tỉnh").
const ISSUER_LOWER = new Set(
  ('và nhân dân tỉnh huyện quận xã phường thị trấn thành phố khóa khoá ban thường vụ trực chấp hành trung ương đảng bộ ' +
    'chính trị bí thư cán sự đại biểu hội đồng ủy uỷ giáo dục đào tạo nội tài y tế lao động thương binh xã hội tư pháp ' +
    'dân vận tuyên kiểm tra sở phòng trưởng chủ tịch tướng phủ quốc liên tịch cơ quan tổ chức ngành công an quân sự ' +
    'mặt trận văn hóa thể thao du lịch khoa học công nghệ nông nghiệp phát triển nông thôn môi trường tài nguyên ' +
    'xây dựng giao thông vận tải công thương kế hoạch đầu tư ngoại vụ nhà nước kho bạc dân tộc tôn giáo thanh niên ' +
    'phụ nữ cựu chiến binh đoàn liên đoàn tỉnh ủy huyện ủy thành ủy đảng ủy đốc sản nghị lần thứ chỉ đạo ngân sách ' +
    'kinh giao ngoại phòng an ninh thủy lợi thuế hải quan kiểm toán thanh bảo hiểm bưu điện hàng ' +
    'minh hợp tác dân cư gia đình trẻ em cao tuổi doanh nghiệp nhỏ vừa tỉnh thành chế').split(' '),
);

const LOWER_HEADS = new Set(['chính', 'sở', 'bộ', 'ủy', 'uỷ']);

// The first words of another body's name: after a comma they start a new body, not more of this one.
const BODY_HEAD = /^(?:Bộ|Sở|Ban|Ủy ban|Uỷ ban|UBND|HĐND|Phòng|Cục|Tổng cục|Văn phòng|Chính phủ|Thủ tướng|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Trường|Trung tâm)(?![\p{Ll}])/u;

// "Hội nghị lần thứ sáu Ban Chấp hành Trung ương": the ordinal of a plenum, after "thứ" only.
const ORDINAL_WORDS = new Set('nhất hai ba tư năm sáu bảy tám chín mười'.split(' '));

// Words after which a capitalised word starts a new clause, not more of the issuer's name.
const ISSUER_STOP = new Set(['về', 'v/v', 'phê', 'quy', 'hướng', 'sửa', 'thực', 'triển', 'tiếp', 'thay', 'bãi']);

const TYPE_WORD_AT = new RegExp(`(?:${TYPE_WORDS.map(escape).join('|')})(?![\\p{L}\\d])`, 'iuy');

const NAMED_LAW_WORD = /[ \t]+(\p{Lu}[\p{Ll}]*)(?![\p{L}\d])/uy;
const CAP_LAW_WORD = /[ \t]+(\p{Lu}[\p{Ll}]*|\p{Lu}{2,})(?![\p{L}\d])/uy;
// Capitalised words that open a new clause or item rather than continue a law's name.
const CAP_STOP = new Set(['Căn', 'Thực', 'Theo', 'Về', 'Và', 'Xét', 'Trên', 'Tại', 'Nay', 'Ngày', 'Số', 'Của', 'Điều', 'Khoản', 'Chương']);
const LOWER_LAW_WORD = /[ \t]+(\p{Ll}+)(?![\p{L}\d])/uy;
// "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y": one law that amends the others.
const AMENDING_LAW = /[ \t]+(?:sửa[ \t]+đổi|Sửa[ \t]+đổi|SỬA[ \t]+ĐỔI)(?:[ \t]*,[ \t]*|[ \t]+)(?:bổ[ \t]+sung|Bổ[ \t]+sung|BỔ[ \t]+SUNG)(?:[ \t]+(?:một|Một|MỘT)[ \t]+(?:số|SỐ)[ \t]+(?:điều|ĐIỀU))?(?:[ \t]+(?:của|CỦA))?[ \t]+(?:(?:các|Các)[ \t]+)?(?=Luật|LUẬT|Bộ luật|BỘ LUẬT|Pháp lệnh)/uy;
const LAW_JOIN = /[ \t]*(?:,[ \t]*|[ \t]+và[ \t]+|[ \t]+và[ \t]+các[ \t]+)(?=Luật|luật|Bộ luật|bộ luật|Pháp lệnh)/uy;
const LAW_TYPES = new Set(['Luật', 'Bộ luật', 'Pháp lệnh']);
const VAN_BAN = typeByName('Văn bản')!;
const LOWER_WORD = /[ \t]+([\p{Ll}]+|\d{4})(?![\p{L}\d])/uy;
const NAME_STOP = new Set([
  'và', 'của', 'về', 'theo', 'tại', 'được', 'đã', 'với', 'trong', 'cho', 'để', 'các', 'những', 'này', 'đó', 'số', 'ngày', 'là', 'thì', 'mà', 'có', 'do', 'nhằm', 'gắn', 'đối', 'vào', 'từ', 'đến', 'sửa', 'bổ',
  'đang', 'sẽ', 'phải', 'trước', 'khi', 'nếu', 'nhưng', 'đều', 'cũng', 'vẫn', 'bị', 'tới', 'hoặc', 'năm',
]);

// Party resolutions named by the meeting that adopted them.
const NQ_DAI_HOI = /[ \t]+((?:Đại[ \t]+hội|ĐẠI[ \t]+HỘI)[ \t]+(?:[\p{L}\d]+[ \t]+){0,9}?(?:lần|LẦN)[ \t]+(?:thứ|THỨ)[ \t]+([IVXLC]+))(?:[ \t]+(?:(?:của|CỦA)[ \t]+(?:Đảng|ĐẢNG)(?![ \t]+(?:bộ|BỘ))))?(?![\p{L}\d])/uy;
const NQ_TRUNG_UONG = /[ \t]+((?:(?:Hội[ \t]+nghị|HỘI[ \t]+NGHỊ)[ \t]+)?(?:(?:lần|LẦN)[ \t]+(?:thứ|THỨ)[ \t]+)?(?:Trung|TRUNG)[ \t]+(?:ương|ƯƠNG)[ \t]+(\d{1,2})(?:[ \t]*,)?[ \t]+(?:khóa|khoá|KHÓA|KHOÁ)[ \t]+([IVXLC]+))(?![\p{L}\d])/uy;

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

// Items, subjects and lists never run past this many characters: a bound that keeps every scan
// linear on a megabyte-long single line.
const ITEM_WINDOW = 1500;

/** End of the line containing `from`, looked for within ITEM_WINDOW characters. */
function lineEnd(text: string, from: number): number {
  const stop = Math.min(text.length, from + ITEM_WINDOW);
  for (let i = from; i < stop; i++) if (text.charCodeAt(i) === 10) return i;
  return stop;
}

/** End of the word at `p`: letters, digits, "&", and "." or "-" inside it (codes like "GD&ĐT"). */
function wordEndAt(text: string, p: number): number {
  let e = p;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (isLetter(c) || (c >= 48 && c <= 57) || c === 38 || c === 46 || c === 45) e++;
    else break;
  }
  // A trailing "." or "-" ends the sentence or the list item, not the word.
  while (e > p && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
  return e;
}

/** A type word starting at `p` ("Kế hoạch", "Nghị định" …), read word by word. */
function typeWordAt(text: string, p: number): boolean {
  let q = p;
  let phrase = '';
  const firstEnd = wordEndAt(text, p);
  if (!FIRST_SYLLABLES.has(text.slice(p, firstEnd).toLowerCase())) return false;
  for (let k = 0; k < MAX_TYPE_WORDS; k++) {
    const e = wordEndAt(text, q);
    if (e === q) return false;
    phrase = phrase ? `${phrase} ${text.slice(q, e)}` : text.slice(q, e);
    if (typeByWord(phrase)) return true;
    q = e;
    if (text[q] !== ' ') return false;
    q++;
  }
  return false;
}

/** Reads the issuer name at `pos`: capitalised words, codes and the connectors issuers use. */
/**
 * Reads the issuer name at `pos`. `joint`: the symbol names several bodies (a joint instrument),
 * so a comma may join two bodies' names ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội, Bộ trưởng
 * Bộ Tư pháp"); otherwise a comma before another body's head word ends the name ("… của Bộ Tư pháp,
 * Sở Tư pháp hướng dẫn …"), except the Party's joint "Bộ Chính trị, Ban Bí thư".
 */
function readIssuer(text: string, pos: number, limit: number, joint = false): { text: string; start: number; end: number } | null {
  let p = pos;
  let lastGood = pos;
  let words = 0;
  let prevWord = '';
  while (p < limit && words < 16) {
    if (words > 0) {
      let q = p;
      while (q < limit && (text[q] === ' ' || text[q] === '\t')) q++;
      // "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội", "Bộ Chính trị,
      // Ban Bí thư": a comma or a spaced dash inside a name, when a capitalised word follows.
      if (q === p && text[q] === ',') {
        let r = q + 1;
        while (r < limit && text[r] === ' ') r++;
        if (r > q + 1 && r < limit && isUpperAt(text, r) && !typeWordAt(text, r) && (joint || !BODY_HEAD.test(text.slice(r, r + 12)) || text.startsWith('Ban Bí thư', r))) q = r;
      } else if (q > p && text[q] === '-' && text[q + 1] === ' ') {
        let r = q + 1;
        while (r < limit && text[r] === ' ') r++;
        if (r < limit && isUpperAt(text, r)) q = r;
      }
      if (q === p) break;
      p = q;
    }
    const e = wordEndAt(text, p);
    if (e === p) break;
    const word = text.slice(p, e);
    const lower = word.toLowerCase();
    const first = word.charCodeAt(0);
    const isCap = (first >= 48 && first <= 57) || word[0] !== lower[0];
    if (words > 0 && isCap && !ORGAN_WORDS.has(prevWord) && typeWordAt(text, p)) break;
    if (words > 0 && ISSUER_STOP.has(lower) && (!isCap || word === word.toUpperCase()) && !(lower === 'triển' && prevWord === 'phát')) break;
    if (words > 0 && lower === 'ban' && /^[ \t]+hành/u.test(text.slice(e, e + 6))) break;
    const ok =
      isCap || ISSUER_LOWER.has(lower) || (ROMAN.test(word) && (prevWord === 'khóa' || prevWord === 'khoá')) || (prevWord === 'thứ' && ORDINAL_WORDS.has(lower));
    if (!ok) break;
    // "của chính phủ", "của sở Xây dựng": a body's head word written in lower case.
    if (words === 0 && !isCap && !LOWER_HEADS.has(lower)) return null;
    if (/^\d+$/.test(word) && prevWord !== 'quận' && prevWord !== 'thứ' && !(word.length <= 2 && isCapWord(prevWord, text, p))) break;
    p = e;
    words++;
    prevWord = lower;
    if (lower !== 'và') lastGood = p;
  }
  if (lastGood === pos) return null;
  // "Ban Thường vụ Tỉnh ủy (khóa XX)", "Bộ Chính trị (Khóa IX)": the term belongs to the body.
  const term = /^[ \t]*\((?:khóa|khoá|Khóa|Khoá|KHÓA|KHOÁ)[ \t]+[IVXLC]+\)/u.exec(text.slice(lastGood, lastGood + 16));
  if (term) lastGood += term[0].length;
  return { text: text.slice(pos, lastGood), start: pos, end: lastGood };
}

/**
 * A symbol of several bodies: a joint type code (TTLT, NQLT, KHLT …) or two issuer codes that are
 * both bodies ("TTLT-BLĐTBXH-BTP"); "979/BTP-PBGDPL" is one ministry and its department.
 */
function isJoint(symbol: ParsedSymbol | null): boolean {
  if (!symbol || symbol.issuerCodes.length < 2) return false;
  if (symbol.typeCode && /LT$|PH$/u.test(symbol.typeCode)) return true;
  return symbol.issuerCodes.filter((code) => issuerByCode(code)).length >= 2;
}

/** The word before `p` was capitalised (a name: "Trường THCS Trường Thành 1"). */
function isCapWord(prevLower: string, text: string, p: number): boolean {
  let q = p;
  while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\t')) q--;
  let w = q;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) w--;
  return w < q && prevLower !== text.slice(w, q) && !/[\/\-]/.test(text[p + 2] ?? '') && !/^\d+[\/\-]/.test(text.slice(p, p + 6));
}

/** "Luật Tiếp công dân", "Luật Giáo dục 2019": the capitalised name after the type word. */
function readLawName(text: string, pos: number): { name: string; end: number } | null {
  NAMED_LAW_WORD.lastIndex = pos;
  const first = NAMED_LAW_WORD.exec(text);
  if (!first) return readLowerLawName(text, pos);
  const firstWord = first[1]!;
  if (typeByWord(firstWord) || NAME_STOP.has(firstWord.toLowerCase())) return null;
  let end = NAMED_LAW_WORD.lastIndex;
  let words = 1;
  // "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân": eleven words.
  while (words < 14) {
    // "Luật Phòng, chống tham nhũng", "Luật Cán bộ, công chức": a comma before a lower-case word
    // belongs to the name.
    if (text[end] === ',') {
      LOWER_WORD.lastIndex = end + 1;
      const after = LOWER_WORD.exec(text);
      if (after && !NAME_STOP.has(after[1]!) && !/^\d/.test(after[1]!)) {
        end = LOWER_WORD.lastIndex;
        words++;
        continue;
      }
    }
    LOWER_WORD.lastIndex = end;
    const w = LOWER_WORD.exec(text);
    if (!w) {
      // A capitalised word inside the name ("Luật Tổ chức Quốc hội", "Luật Mặt trận Tổ quốc Việt
      // Nam", "Luật Tổ chức HĐND và UBND"), unless it starts another instrument or clause.
      CAP_LAW_WORD.lastIndex = end;
      const cap = CAP_LAW_WORD.exec(text);
      if (!cap || CAP_STOP.has(cap[1]!) || typeWordAt(text, CAP_LAW_WORD.lastIndex - cap[1]!.length)) break;
      end = CAP_LAW_WORD.lastIndex;
      words++;
      continue;
    }
    const word = w[1]!;
    if (word === 'và' && /^[ \t]+(?:Ủy ban|Uỷ ban|UBND)(?![\p{L}])/u.test(text.slice(LOWER_WORD.lastIndex, LOWER_WORD.lastIndex + 10))) {
      end = LOWER_WORD.lastIndex;
      words++;
      continue;
    }
    if (NAME_STOP.has(word)) break;
    if (word === 'hiện' && /^[ \t]+hành(?![\p{L}])/u.test(text.slice(LOWER_WORD.lastIndex, LOWER_WORD.lastIndex + 8))) break;
    end = LOWER_WORD.lastIndex;
    words++;
    if (/^\d{4}$/.test(word)) break;
  }
  const yearTail = /^[ \t]+năm[ \t]+(\d{4})(?!\d)/u.exec(text.slice(end, end + 12));
  if (yearTail) end += yearTail[0].length;
  return { name: text.slice(pos, end).trim(), end };
}

/**
 * "Luật bảo hiểm y tế số 25/2008/QH12", "Luật đất đai ngày 29/11/2013": a name written in lower
 * case is a law's only when its number or date follows ("Luật hiện hành" is not a citation).
 */
function readLowerLawName(text: string, pos: number): { name: string; end: number } | null {
  let end = pos;
  for (let words = 0; words < 8; words++) {
    LOWER_LAW_WORD.lastIndex = end;
    const w = LOWER_LAW_WORD.exec(text);
    if (!w || NAME_STOP.has(w[1]!)) break;
    end = LOWER_LAW_WORD.lastIndex;
  }
  if (end === pos) return null;
  if (!/^[ \t]+(?:số[ \t]*:?[ \t]*\d|ngày[ \t]+\d)/u.test(text.slice(end, end + 16))) return null;
  return { name: text.slice(pos, end).trim(), end };
}

/** "sửa đổi, bổ sung một số điều của Luật X và Luật Y": the amending law's name, through the last law it amends. */
function readAmendingLaw(text: string, pos: number): { name: string; end: number } | null {
  AMENDING_LAW.lastIndex = pos;
  if (!AMENDING_LAW.exec(text)) return null;
  let p = AMENDING_LAW.lastIndex;
  let end = -1;
  for (let k = 0; k < 6; k++) {
    const word = /^(?:Bộ luật|bộ luật|Pháp lệnh|Luật|luật|BỘ LUẬT|LUẬT)/u.exec(text.slice(p, p + 9));
    if (!word) break;
    const law = readLawName(text, p + word[0].length);
    if (!law) break;
    end = law.end;
    LAW_JOIN.lastIndex = end;
    if (!LAW_JOIN.exec(text)) break;
    p = LAW_JOIN.lastIndex;
  }
  if (end < 0) return null;
  return { name: text.slice(pos, end).trim(), end };
}

function findSubjectEnd(text: string, from: number, limit: number, siblingStarts: number[]): number {
  let end = limit;
  for (let i = from; i < limit; i++) {
    const ch = text[i]!;
    if (ch === ';' || ch === '\n') {
      end = i;
      break;
    }
    // A full stop ends the item unless it sits inside a number like "2.1." followed by more numbering.
    if (ch === '.' && (i + 1 >= limit || (/\s/.test(text[i + 1]!) && (!/\d/.test(text[i - 1] ?? '') || /^\s+\p{Lu}/u.test(text.slice(i + 1, i + 4)))))) {
      end = i;
      break;
    }
    if (ch === '.' && text[i + 1] === '/') {
      end = i;
      break;
    }
    if (ch === '(' && /^\((?:sau[ \t]+đây|gọi[ \t]+tắt|dưới[ \t]+đây)/iu.test(text.slice(i, i + 12))) {
      end = i;
      break;
    }
  }
  // The first sibling item after `from` (siblingStarts is sorted).
  let lo = 0;
  let hi = siblingStarts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (siblingStarts[mid]! <= from) lo = mid + 1;
    else hi = mid;
  }
  const next = siblingStarts[lo];
  return next !== undefined && next < end ? next : end;
}

// Candidates are found from cheap triggers rather than by trying every type word at every
// position: the word "số", a number followed by "/" or "-", and the capitalised words that
// begin a named instrument. From each trigger the type word is looked up backwards.
const TRIGGER = /(?:s|S)(?:ố|Ố)|\d[ \t]{0,2}[\/\-]|(?:Luật|Bộ luật|Pháp lệnh|Hiến pháp|Nghị quyết|LUẬT|BỘ LUẬT|PHÁP LỆNH|HIẾN PHÁP|NGHỊ QUYẾT)[ \t]/g;
const MAX_TYPE_WORDS = Math.max(...TYPE_WORDS.map((w) => w.split(' ').length));
// The last syllable of every type word: "một số", "chỉ số" end in words no type word ends with.
const LAST_SYLLABLES = new Set(TYPE_WORDS.map((w) => w.split(' ').pop()!));

function isUpperAt(text: string, p: number): boolean {
  const ch = text[p]!;
  return ch !== ch.toLowerCase();
}

function isLetter(code: number): boolean {
  // ASCII letters, Latin-1/Latin Extended and Vietnamese (U+1E00–U+1EFF), combining marks.
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x300 && code <= 0x36f);
}

const QUALIFIER_BEFORE = /[ \t]+(?:thẩm[ \t]+tra|thẩm[ \t]+định|liên[ \t]+bộ|liên[ \t]+Bộ|liên[ \t]+ngành|giám[ \t]+sát|kết[ \t]+quả|tổng[ \t]+kết|sơ[ \t]+kết|chỉ[ \t]+đạo)$/u;

/** The type word that ends right before `end` (spaces and one comma allowed between), or null. */
function typeWordBefore(text: string, end: number): { type: DocumentType; start: number; written: string; end: number } | null {
  let p = end;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  if (p > 0 && text[p - 1] === ',') {
    p--;
    while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  }
  const phraseEnd = p;
  let wordEnd = p;
  let w0 = p;
  while (w0 > 0 && isLetter(text.charCodeAt(w0 - 1))) w0--;
  if (w0 === p) return null;
  if (!LAST_SYLLABLES.has(text.slice(w0, p).toLowerCase())) {
    // "Báo cáo thẩm tra số …", "Văn bản thẩm định số …", "Thông tư liên bộ số …": a qualifier
    // between the type word and "số".
    const q = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, p - 24), p));
    if (!q) return null;
    p -= q[0].length;
    wordEnd = p;
    w0 = p;
    while (w0 > 0 && isLetter(text.charCodeAt(w0 - 1))) w0--;
    if (w0 === p || !LAST_SYLLABLES.has(text.slice(w0, p).toLowerCase())) return null;
  }
  const starts: number[] = [];
  let q = p;
  for (let k = 0; k < MAX_TYPE_WORDS && q > 0; k++) {
    let e = q;
    while (e > 0 && isLetter(text.charCodeAt(e - 1))) e--;
    if (e === q) break;
    starts.push(e);
    q = e;
    while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\t')) q--;
  }
  for (let k = starts.length - 1; k >= 0; k--) {
    const start = starts[k]!;
    const written = text.slice(start, wordEnd);
    const type = typeByWord(written);
    if (type && (start === 0 || !isLetter(text.charCodeAt(start - 1)))) return { type, start, written, end: phraseEnd };
  }
  return null;
}

export function extractCitations(text: string): RawCitation[] {
  const out: RawCitation[] = [];
  let consumed = 0;
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const at = m.index;
    if (at < consumed) continue;
    const first = m[0].charCodeAt(0);
    let found: RawCitation[] = [];
    if (first === 115 || first === 83) {
      // "số": a type word before it, or an item of a list that shares one type word.
      if ((at > 0 && isLetter(text.charCodeAt(at - 1))) || isLetter(text.charCodeAt(at + 2))) continue;
      const tw = typeWordBefore(text, at);
      if (tw && tw.start >= consumed) {
        const c = readNumbered(text, tw.start, tw.end, tw.type, tw.written);
        if (c) found = [c];
      } else if (!tw) {
        found = listAt(text, at, consumed);
        if (!found.length) found = siblingAt(text, at, out[out.length - 1]);
        if (!found.length) found = typedSoAt(text, at);
      }
    } else if (first >= 48 && first <= 57) {
      // A number with a separator right after a type word ("Nghị định 90/2020/NĐ-CP").
      let s = at;
      while (s > 0 && text.charCodeAt(s - 1) >= 48 && text.charCodeAt(s - 1) <= 57) s--;
      if (s > 0 && (isLetter(text.charCodeAt(s - 1)) || text[s - 1] === '/' || text[s - 1] === '-')) continue;
      const tw = typeWordBefore(text, s);
      if (tw && tw.start >= consumed && !/số|Số|SỐ/u.test(tw.written)) {
        const c = readNumbered(text, tw.start, tw.end, tw.type, tw.written);
        if (c) found = [c];
      } else if (!tw && s >= consumed) {
        found = bareSymbolAt(text, s, out[out.length - 1]);
      }
    } else {
      if (at > 0 && isLetter(text.charCodeAt(at - 1))) continue;
      const written = m[0].slice(0, -1);
      const type = typeByWord(written);
      if (type) {
        const c = readNumbered(text, at, at + written.length, type, written) ?? readNamed(text, at, at + written.length, type, written);
        if (c) found = [c];
      }
    }
    if (!found.length) continue;
    out.push(...found);
    const last = found[found.length - 1]!;
    consumed = last.symbol ? last.symbol.end : last.end;
    TRIGGER.lastIndex = Math.max(TRIGGER.lastIndex, consumed);
  }
  attachDetails(text, out);
  return out;
}

/**
 * A legal-normative or Party symbol standing with no type word — a list going on after "; "
 * ("…số: 1521/QĐ-TTg ngày 06/10/2020; 21/2021/QĐ-TTg ngày …"), or a line whose start was lost
 * ("ố 09/2019/NĐ-CP ngày …"): its type is the one its code names.
 */
// "N/YYYY/CODE…" (legal-normative) or "N-CODE/…" (Party), spaces tolerated around separators.
const STRONG_SHAPE = /\d{1,5}[a-z]?[ \t]{0,2}(?:\/[ \t]{0,2}\d{4}[ \t]{0,2}[\/\-][ \t]{0,2}\p{Lu}|-[ \t]{0,2}\p{Lu}[\p{L}&]*[ \t]{0,2}\/)/uy;

function bareSymbolAt(text: string, at: number, prev: RawCitation | undefined): RawCitation[] {
  // Only the two strong shapes, checked cheaply first (every date also starts "14/5/…").
  STRONG_SHAPE.lastIndex = at;
  if (!STRONG_SHAPE.test(text)) return [];
  // After "Số:" it is a header's own number, and after "số" the reader of "số" has decided.
  if (/[Ss]ố\s*:?\s*$/u.test(text.slice(Math.max(0, at - 8), at))) return [];
  const symbol = parseSymbol(text, at);
  if (!symbol || (symbol.shape !== 'legal' && symbol.shape !== 'party') || !symbol.typeCode || !symbol.issuerCodes.length) return [];
  const type = typeOfSymbol(symbol);
  if (!type) return [];
  const c = newCitation(type, type.name, at, symbol.end, { symbol });
  // No type word of its own was written: rules about the type word leave it alone.
  c.sharedTypeWord = true;
  if (prev?.symbol && at > prev.symbol.end && at - prev.symbol.end <= 90 && SIBLING_GAP.test(text.slice(prev.symbol.end, at))) c.listIssuer = prev.listIssuer ?? null;
  return [c];
}

const NUMBER_AFTER_SO = /^số[ \t]*:?[ \t]*(?:\r?\n[ \t]*){0,4}\d/u;

/** "Quyết định của Thủ tướng Chính phủ số: 1521/QĐ-TTg": the type word and the issuer before "số". */
function typeWordAndIssuerBefore(text: string, at: number): RawCitation[] | null {
  const from = Math.max(0, at - 140);
  const window = text.slice(from, at);
  ANCHOR.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = ANCHOR.exec(window); m; m = ANCHOR.exec(window)) last = m;
  if (!last) return null;
  const type = typeByWord(last[0]);
  if (!type) return null;
  const start = from + last.index;
  const afterWord = start + last[0].length;
  CUA.lastIndex = afterWord;
  if (!CUA.exec(text) || CUA.lastIndex >= at) return null;
  const iss = readIssuer(text, CUA.lastIndex, at);
  if (!iss || text.slice(iss.end, at).trim() !== '') return null;
  const c = readNumbered(text, start, afterWord, type, last[0]);
  return c ? [c] : null;
}

/**
 * "(sau đây gọi tắt là số 19/CT-TTg)": "số" and a symbol whose code names its type, with no
 * type word before it.
 */
function typedSoAt(text: string, at: number): RawCitation[] {
  // A capital "Số" opens a header's own number ("Số:" ⏎ "65/2024/QĐ-UBND"), not a citation.
  if (text[at] !== 's') return [];
  // Most "số" are words ("một số", "số lượng"): a number must follow before anything else is tried.
  if (!NUMBER_AFTER_SO.test(text.slice(at, at + 16))) return [];
  const pre = typeWordAndIssuerBefore(text, at);
  if (pre) return pre;
  const c = readNumbered(text, at, at, VAN_BAN, 'số');
  if (!c?.symbol || !c.symbol.typeCode || !c.symbol.issuerCodes.length || c.symbol.shape === 'number-only' || c.symbol.shape === 'irregular') return [];
  const type = typeOfSymbol(c.symbol);
  if (!type) return [];
  c.type = type;
  c.typeWritten = type.name;
  c.sharedTypeWord = true;
  return [c];
}

/**
 * "Nghị quyết số 19-NQ/TW, số 20-NQ/TW ngày 25/10/2017", "Luật Ngân sách nhà nước số 01/2002/QH11
 * …; số 83/2015/QH13": a bare "số" right after a citation's number (and date) is one more of the
 * same type.
 */
// What stands between two items of one list: the first one's date, then ",", ";" or "và".
const SIBLING_GAP =
  /^(?:[ \t]*,?[ \t]*(?:ngày|Ngày)[ \t]*[\d/.\- ]{6,12}|[ \t]*,?[ \t]*(?:ngày|Ngày)[ \t]+\d{1,2}[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4})?[ \t]*(?:[,;][ \t]*(?:và[ \t]+)?|[ \t]+và[ \t]+)$/u;

function siblingAt(text: string, at: number, prev: RawCitation | undefined): RawCitation[] {
  if (!prev?.symbol) return [];
  const from = prev.symbol.end;
  if (at <= from || at - from > 90) return [];
  const gap = text.slice(from, at);
  if (!SIBLING_GAP.test(gap)) return [];
  const c = readNumbered(text, at, at, prev.type, prev.typeWritten);
  if (!c || !c.hasSo || c.symbol?.shape === 'number-only') return [];
  c.sharedTypeWord = true;
  c.listIssuer = prev.listIssuer ?? null;
  return [c];
}

/** "các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg …; số …": the list whose first "số" is at `at`. */
function listAt(text: string, at: number, consumed: number): RawCitation[] {
  let p = at;
  while (p > 0 && (text[p - 1] === ' ' || text[p - 1] === '\t')) p--;
  if (text[p - 1] !== ':') return [];
  const from = Math.max(consumed, at - 160);
  const window = text.slice(from, p);
  ANCHOR.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = ANCHOR.exec(window); m; m = ANCHOR.exec(window)) last = m;
  if (!last) return [];
  const type = typeByWord(last[0]);
  if (!type) return [];
  const start = from + last.index;
  return readSharedList(text, start, start + last[0].length, type, last[0]);
}

/** A citation found at `start` with nothing yet read after its number or name. */
function newCitation(
  type: DocumentType,
  typeWritten: string,
  start: number,
  end: number,
  found: { symbol?: ParsedSymbol; name?: string; hasSo?: boolean; soColon?: boolean },
): RawCitation {
  return {
    type,
    typeWritten,
    start,
    end,
    symbol: found.symbol ?? null,
    name: found.name ?? null,
    hasSo: found.hasSo ?? false,
    soColon: found.soColon ?? false,
    date: null,
    issuer: null,
    subject: null,
    relations: [],
    nested: false,
    sharedTypeWord: false,
    parent: -1,
  };
}

/** The type a symbol's type code names in its family ("TTr" → Tờ trình, "NĐ" → Nghị định). */
function typeOfSymbol(symbol: ParsedSymbol): DocumentType | undefined {
  if (!symbol.typeCode) return undefined;
  const family = symbol.shape === 'legal' ? 'legal' : symbol.shape === 'party' ? 'party' : 'admin';
  return typesForCode(symbol.typeCode, family)[0];
}

function readNumbered(text: string, start: number, afterWord: number, type: DocumentType, typeWritten: string): RawCitation | null {
  SO.lastIndex = afterWord;
  let so = SO.exec(text);
  let p = afterWord;
  let hasSo = false;
  let soColon = false;
  // "Quyết định của Thủ tướng Chính phủ số: 1521/QĐ-TTg …": the issuer between the type word and "số".
  let before: RawCitation['listIssuer'] = null;
  if (!so) {
    CUA.lastIndex = afterWord;
    if (CUA.exec(text)) {
      const iss = readIssuer(text, CUA.lastIndex, Math.min(text.length, CUA.lastIndex + 120));
      if (iss) {
        SO.lastIndex = iss.end;
        so = SO.exec(text);
        if (so) before = iss;
      }
    }
  }
  if (so) {
    hasSo = true;
    soColon = Boolean(so[2]);
    p = SO.lastIndex;
    GAP.lastIndex = p;
    GAP.exec(text);
    p = GAP.lastIndex;
  } else {
    SPACES.lastIndex = p;
    SPACES.exec(text);
    p = SPACES.lastIndex;
    if (p === afterWord) return null;
  }
  const symbol = parseSymbol(text, p);
  if (!symbol) return null;
  if (!hasSo && symbol.shape === 'number-only') return null;
  if (symbol.shape === 'number-only') {
    // "Chỉ thị số 35 ngày 30/5/2019": a bare number is a citation only when a date, issuer or end follows.
    const rest = text.slice(symbol.end, symbol.end + 12);
    if (!/^(?:[ \t]*(?:,|;|\.|\)|$|\n)|[ \t]+(?:ngày|của|năm|về))/u.test(rest)) return null;
    if (/^[ \t]+năm/u.test(rest)) return null;
  }
  // "văn bản số 91/TTr-SGDĐT": a generic type word takes the type the symbol's code names.
  if (type.name === 'Văn bản' && symbol.typeCode) type = typeOfSymbol(symbol) ?? type;
  const c = newCitation(type, typeWritten, start, symbol.end, { symbol, hasSo, soColon });
  if (before) c.listIssuer = before;
  return c;
}

function readNamed(text: string, start: number, afterWord: number, type: DocumentType, typeWritten: string): RawCitation | null {
  const first = typeWritten[0]!;
  if (first === first.toLowerCase()) return null; // "luật", "nghị quyết" in running prose are generic
  let name: string | null = null;
  let end = afterWord;
  if (type.name === 'Luật' || type.name === 'Bộ luật' || type.name === 'Pháp lệnh' || type.name === 'Hiến pháp') {
    if (type.name === 'Hiến pháp') {
      // "Hiến pháp năm 2013", "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam [năm 2013]".
      const h = /^(?:[ \t]+(?:nước|NƯỚC)[ \t]+(?:Cộng|CỘNG)[ \t]+(?:hòa|hoà|HÒA|HOÀ)[ \t]+(?:xã|XÃ)[ \t]+(?:hội|HỘI)[ \t]+(?:chủ|CHỦ)[ \t]+(?:nghĩa|NGHĨA)[ \t]+(?:Việt|VIỆT)[ \t]+(?:Nam|NAM))?(?:(?:[ \t]+năm)?[ \t]+(\d{4})(?!\d))?/u.exec(
        text.slice(afterWord, afterWord + 80),
      );
      if (!h || !h[0]) return null;
      name = h[1] ?? h[0].trim();
      end = afterWord + h[0].length;
    } else {
      const law = readAmendingLaw(text, afterWord) ?? readLawName(text, afterWord);
      if (!law) return null;
      name = law.name;
      end = law.end;
      // "Luật Tổ chức Quốc hội số 57/2014/QH13": the number after the name.
      SO.lastIndex = end;
      const so = SO.exec(text);
      if (so) {
        const symbol = parseSymbol(text, SO.lastIndex + (/^[ \t]*/.exec(text.slice(SO.lastIndex, SO.lastIndex + 4))?.[0].length ?? 0));
        if (symbol && (symbol.shape === 'legal' || symbol.shape === 'qh')) {
          return newCitation(type, typeWritten, start, symbol.end, { symbol, name, hasSo: true, soColon: Boolean(so[2]) });
        }
      }
    }
  } else if (type.name === 'Nghị quyết') {
    NQ_DAI_HOI.lastIndex = afterWord;
    const dh = NQ_DAI_HOI.exec(text);
    if (dh) {
      name = dh[1]!;
      end = NQ_DAI_HOI.lastIndex;
    } else {
      NQ_TRUNG_UONG.lastIndex = afterWord;
      const tw = NQ_TRUNG_UONG.exec(text);
      if (!tw) return null;
      name = tw[1]!;
      end = NQ_TRUNG_UONG.lastIndex;
    }
  } else {
    return null;
  }
  return newCitation(type, typeWritten, start, end, { name });
}

const LIST_INTRO = /^((?:[ \t]+(?:của|do)[ \t]+[^:;\n]{2,80}?)?)[ \t]*:[ \t]*/u;
const LIST_NEXT = /[;,][ \t]*(?:và[ \t]+)?(?=số[ \t])/u;

function readSharedList(text: string, start: number, afterWord: number, type: DocumentType, typeWritten: string): RawCitation[] {
  const intro = LIST_INTRO.exec(text.slice(afterWord, afterWord + 120));
  if (!intro) return [];
  // "các Thông tư của Bộ Văn hóa, Thể thao và Du lịch: số …; số …": one issuer for every item.
  let listIssuer: RawCitation['listIssuer'] = null;
  const cua = /^[ \t]+(?:của|do)[ \t]+/u.exec(intro[1]!);
  if (cua) {
    const at = afterWord + cua[0].length;
    listIssuer = readIssuer(text, at, afterWord + intro[1]!.length);
  }
  const out: RawCitation[] = [];
  let p = afterWord + intro[0].length;
  for (let k = 0; k < 50; k++) {
    if (!text.startsWith('số', p)) break;
    const c = readNumbered(text, p, p, type, typeWritten);
    if (!c || !c.hasSo) break;
    c.sharedTypeWord = true;
    c.start = p;
    c.listIssuer = listIssuer;
    out.push(c);
    // Skip the rest of this item (date, issuer, subject) to the next "; số" or ", số".
    const nl = lineEnd(text, c.end);
    const next = LIST_NEXT.exec(text.slice(c.end, nl));
    if (!next) break;
    p = c.end + next.index + next[0].length;
  }
  return out;
}

/** Date, issuer, subject and relations of each citation, read in text order. */
function attachDetails(text: string, cits: RawCitation[]): void {
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
    if (dated) readDate();
    CUA.lastIndex = p;
    const cua = CUA.exec(text);
    if (cua && (c.symbol || /^[ \t]*(?:của|CỦA)/u.test(text.slice(p, p + 8)))) {
      const iss = readIssuer(text, CUA.lastIndex, limit, isJoint(c.symbol));
      if (iss) {
        c.issuer = iss;
        p = iss.end;
      }
    } else if (c.symbol && c.date) {
      // "… ngày 23 tháng 4 năm 2018 Chính phủ về …": the issuer without "của".
      ISSUER_HEAD.lastIndex = p;
      if (ISSUER_HEAD.exec(text)) {
        const iss = readIssuer(text, ISSUER_HEAD.lastIndex, limit, isJoint(c.symbol));
        if (iss) {
          c.issuer = iss;
          p = iss.end;
        }
      }
    }
    // "số 38/2023/NĐ-CP của Chính phủ ngày …": the date after the issuer.
    if (dated && !c.date && c.issuer) readDate();
    if (!c.issuer && c.listIssuer) c.issuer = c.listIssuer;
    if (!c.issuer && c.symbol) c.issuer = issuerBefore(text, c.start);
    // "Ngày 25/3/2020, Sở Tư pháp ban hành Văn bản số 473/STP-PBGDPL": the date before.
    if (dated && !c.date && !c.badDate) c.date = dateBefore(text, c.start);
    // Subject: what follows, up to the end of this list item.
    const rest = text.slice(p, p + 3);
    if (c.symbol && !/^[ \t]*[,;.:)]/u.test(rest) && p < limit) {
      SPACES.lastIndex = p;
      SPACES.exec(text);
      const s = SPACES.lastIndex;
      const e = findSubjectEnd(text, s, limit, siblingStarts);
      const subj = text.slice(s, e).replace(/[ \t,]+$/u, '');
      if (subj.length > 2 && !/^(?:và|hoặc)(?:[ \t]+các)?$/u.test(subj)) {
        c.subject = { text: subj, start: s, end: s + subj.length };
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
// 2752/QĐ-UBND", "Xét đề nghị của Sở Nội vụ tại Tờ trình số …", "Sở Y tế đã ban hành Công văn số …".
const ISSUER_BEFORE = [
  /(?:của|Của)[ \t]+([^,;.\n]{2,60}?)[ \t]+ban[ \t]+hành[ \t]+kèm[ \t]+theo[ \t]+$/u,
  /(?:của|Của)[ \t]+([^;:.\n]{2,110}?)[ \t]+tại[ \t]+$/u,
  /(?:^|[,;:.\n][ \t]*|[ \t])((?:Chính phủ|Thủ tướng Chính phủ|Quốc hội|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ|Sở|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Ban Chấp hành|Ban Thường vụ|Ban Bí thư|Bộ Chính trị|Văn phòng|Tổng cục|Cục|Phòng|Trung ương)(?![\p{L}])[^,;:.\n]{0,80}?)[ \t]+(?:đã[ \t]+)?(?:ban hành|có)[ \t]+$/u,
];

const DATE_BEFORE = /(?:^|[.;:,\n][ \t]*)(?:Ngày|ngày)[ \t]+(?=\d)/gu;

function dateBefore(text: string, start: number): ParsedDate | null {
  const from = Math.max(0, start - 120);
  const before = text.slice(from, start);
  if (!/(?:ban[ \t]+hành|ký|có)[ \t]+$/u.test(before)) return null;
  DATE_BEFORE.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = DATE_BEFORE.exec(before); m; m = DATE_BEFORE.exec(before)) last = m;
  if (!last) return null;
  const d = parseDateAt(text, from + last.index + last[0].length);
  // The date opens the clause that issues this citation: nothing but the issuer between.
  if (!d || /[.;\n]/.test(text.slice(d.end, start))) return null;
  return d;
}

function issuerBefore(text: string, start: number): { text: string; start: number; end: number } | null {
  const from = Math.max(0, start - 160);
  const before = text.slice(from, start);
  for (const re of ISSUER_BEFORE) {
    const m = re.exec(before);
    if (!m) continue;
    const at = from + m.index + m[0].indexOf(m[1]!);
    // The phrase must read as an issuer's name through to its end.
    const iss = readIssuer(text, at, at + m[1]!.length);
    if (iss && iss.end === at + m[1]!.trimEnd().length) return iss;
  }
  return null;
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
      if (!c.date && n.date) c.date = n.date;
      if (!c.issuer && n.issuer) c.issuer = n.issuer;
    }
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
