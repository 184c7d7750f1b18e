// Instruments cited by name rather than number: laws ("Luật Tổ chức chính quyền địa phương",
// "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y"), the Constitution, and Party
// resolutions named by the meeting that adopted them ("Nghị quyết Đại hội … lần thứ XIII").
import { parseSymbol } from './identifier.js';
import { typeByWord, type DocumentType } from './vocabulary/types.js';
import { SO, newCitation, typeWordAt, wordBefore, type RawCitation } from './extract-base.js';

const NAMED_LAW_WORD = /[ \t]+(\p{Lu}[\p{Ll}]*)(?![\p{L}\d])/uy;
// "Luật Tổ chức HĐND và UBNDngày 26/11/2003": a code run into the "ngày" of the date still ends the name.
const CAP_LAW_WORD = /[ \t]+(\p{Lu}[\p{Ll}]*(?![\p{L}\d])|\p{Lu}{2,}(?=ngày[ \t]*\d)|\p{Lu}{2,}(?![\p{L}\d]))/uy;
// Capitalised words that open a new clause or item rather than continue a law's name.
const CAP_STOP = new Set(['Căn', 'Thực', 'Theo', 'Về', 'Và', 'Xét', 'Trên', 'Tại', 'Nay', 'Ngày', 'Số', 'Của', 'Điều', 'Khoản', 'Chương']);
const LOWER_LAW_WORD = /[ \t]+(\p{Ll}+)(?![\p{L}\d])/uy;
// "Luật sửa đổi, bổ sung một số điều của Luật X và Luật Y": one law that amends the others.
const AMENDING_LAW = /[ \t]+(?:sửa[ \t]+đổi|Sửa[ \t]+đổi|SỬA[ \t]+ĐỔI)(?:[ \t]*,[ \t]*|[ \t]+)(?:bổ[ \t]+sung|Bổ[ \t]+sung|BỔ[ \t]+SUNG)(?:[ \t]+(?:một|Một|MỘT)[ \t]+(?:số|SỐ)[ \t]+(?:điều|Điều|ĐIỀU))?(?:[ \t]+(?:của|CỦA))?[ \t]+(?:(?:các|Các)[ \t]+)?(?=Luật|LUẬT|Bộ luật|BỘ LUẬT|Pháp lệnh)/uy;
const LAW_JOIN = /[ \t]*(?:,[ \t]*|[ \t]+và[ \t]+|[ \t]+và[ \t]+các[ \t]+)(?=Luật|luật|Bộ luật|bộ luật|Pháp lệnh)/uy;
const LOWER_WORD = /[ \t]+([\p{Ll}]+|\d{4})(?![\p{L}\d])/uy;
const NAME_STOP = new Set([
  'và', 'của', 'về', 'theo', 'tại', 'được', 'đã', 'với', 'trong', 'cho', 'để', 'các', 'những', 'này', 'đó', 'số', 'ngày', 'là', 'thì', 'mà', 'có', 'do', 'nhằm', 'gắn', 'đối', 'vào', 'từ', 'đến', 'sửa', 'bổ',
  'đang', 'sẽ', 'phải', 'trước', 'khi', 'nếu', 'nhưng', 'đều', 'cũng', 'vẫn', 'bị', 'tới', 'hoặc', 'năm',
]);

const ACRONYM_YEAR = /^[ \t]+(\p{Lu}{2,8})[ \t]+(?:năm[ \t]+)?(?:19|20)\d\d(?![\p{L}\d])/u;
// Function words that may stand inside a law's name ("người có công với cách mạng").
const NAME_INNER = new Set(['với', 'cho', 'trong', 'đối']);
// Up to four lower-case words, then the date or the number.
const CLOSED_FEW_WORDS_ON = /^(?:[ \t]+\p{Ll}+){1,6}[ \t]*,?[ \t]+(?:ngày[ \t]+\d|số[ \t]*:?[ \t]*\d)/u;

const OF_COUNCILS = /^[ \t]+(?:Hội[ \t]+đồng[ \t]+nhân[ \t]+dân|HĐND)(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)(?:Ủy|Uỷ)[ \t]+ban[ \t]+nhân[ \t]+dân(?![\p{L}])|^[ \t]+HĐND(?:[ \t]*,[ \t]*|[ \t]+và[ \t]+)UBND(?![\p{L}])/u;
const AMENDED_MARK = /^[ \t]*\((?:sửa[ \t]+đổi(?:[ \t]*,[ \t]*bổ[ \t]+sung)?|bổ[ \t]+sung)(?:[ \t]+năm[ \t]+\d{4})?\)/u;

// Party resolutions named by the meeting that adopted them.
const NQ_DAI_HOI = /[ \t]+((?:Đại[ \t]+hội|ĐẠI[ \t]+HỘI)[ \t]+(?:[\p{L}\d]+[ \t]+){0,9}?(?:lần|LẦN)[ \t]+(?:thứ|THỨ)[ \t]+([IVXLC]+))(?:[ \t]+(?:(?:của|CỦA)[ \t]+(?:Đảng|ĐẢNG)(?![ \t]+(?:bộ|BỘ))))?(?![\p{L}\d])/uy;
// "Nghị quyết Trung ương 4 khóa XII", "… Trung ương 4 (khóa XII)".
const NQ_TRUNG_UONG = /[ \t]+((?:(?:Hội[ \t]+nghị|HỘI[ \t]+NGHỊ)[ \t]+)?(?:(?:lần|LẦN)[ \t]+(?:thứ|THỨ)[ \t]+)?(?:Trung|TRUNG)[ \t]+(?:ương|ƯƠNG)[ \t]+(\d{1,2})(?:(?:[ \t]*,)?[ \t]+(?:khóa|khoá|KHÓA|KHOÁ)[ \t]+([IVXLC]+)|[ \t]*\((?:khóa|khoá|Khóa|Khoá|KHÓA|KHOÁ)[ \t]+([IVXLC]+)\)))(?![\p{L}\d])/uy;

const COUNTRY_ONLY = /^(?:Việt[ \t]+Nam|VIỆT[ \t]+NAM)$/u;

// Lower-case words after "Luật" that make a common noun or verb, not a law's name: "Luật sư"
// (lawyer), "Luật gia", "Luật pháp", "Luật hóa", "luật định", "Luật lệ", "Luật chơi".
const GENERIC_AFTER_LUAT = new Set(['sư', 'gia', 'pháp', 'hóa', 'hoá', 'định', 'lệ', 'chơi', 'học', 'nêu', 'trên', 'mới', 'cũ', 'hiện', 'nói', 'khác', 'riêng', 'chung', 'nào', 'ấy', 'vui', 'chuyên', 'liên', 'này', 'thay', 'bãi', 'hủy', 'huỷ', 'dự']);
// Verbs that end a name written in lower case ("Luật viên chức quy định …", "Luật đất đai hướng dẫn …").
const LOWER_NAME_VERB = /^[ \t]+(?:quy[ \t]+định|hướng[ \t]+dẫn|ban[ \t]+hành|yêu[ \t]+cầu|nêu|cấm|cần|không|chưa|vừa|mới|hiện[ \t]+hành|thì|nên|giao|đã)(?![\p{L}])/u;

/**
 * "Luật Tiếp công dân", "Luật Giáo dục 2019": the capitalised name after the type word. `loose`:
 * the type word is capitalised ("Luật viên chức", "Bộ Luật lao động"), or the name is one an
 * amending law amends — a name begun in lower case is then a law's without a number or date.
 */
function readLawName(text: string, pos: number, loose = false): { name: string; end: number } | null {
  // "Luật NSNN 2015", "Luật DN 2014": a law's name in its initials, its year after it.
  if (loose) {
    const acronym = ACRONYM_YEAR.exec(text.slice(pos, pos + 20));
    if (acronym && acronym[1] !== 'SƯ') return { name: acronym[0].trim(), end: pos + acronym[0].length };
  }
  NAMED_LAW_WORD.lastIndex = pos;
  const first = NAMED_LAW_WORD.exec(text);
  let end: number;
  // "Luật tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày …": a name begun in lower case is read
  // like any other, and is a law's only when its number or date follows.
  let lowerFirst = false;
  if (first) {
    const firstWord = first[1]!;
    // "Luật Các tổ chức tín dụng": the law's own name begins with "Các".
    const credit = firstWord === 'Các' && /^[ \t]+tổ[ \t\r\n]+chức[ \t\r\n]+tín[ \t]+dụng/u.test(text.slice(NAMED_LAW_WORD.lastIndex, NAMED_LAW_WORD.lastIndex + 24));
    if (typeByWord(firstWord) || (NAME_STOP.has(firstWord.toLowerCase()) && !credit)) return null;
    end = NAMED_LAW_WORD.lastIndex;
  } else {
    LOWER_LAW_WORD.lastIndex = pos;
    const w = LOWER_LAW_WORD.exec(text);
    if (!w || NAME_STOP.has(w[1]!)) return null;
    end = LOWER_LAW_WORD.lastIndex;
    lowerFirst = true;
  }
  const firstLower = lowerFirst ? text.slice(pos, end).trim() : '';
  let words = 1;
  // "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân": eleven words.
  while (words < 14) {
    // "Luật Phòng, chống tham nhũng", "Luật Cán bộ, công chức": a comma before a lower-case word
    // belongs to the name.
    // In a name begun in lower case only a short head takes a comma ("Luật cán bộ, công chức"):
    // "… Luật thuế thu nhập cá nhân, thu nhập được miễn …" goes on with the sentence.
    if (text[end] === ',' && (!lowerFirst || words <= 2)) {
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
    // "… Hội đồng nhân dân và Ủy ban nhân dân", "… HĐND và UBND" (also mistyped "UNBD").
    if (word === 'và' && /^[ \t]+(?:Ủy ban|Uỷ ban|\p{Lu}{3,5})(?:(?![\p{L}])|(?=ngày[ \t]*\d))/u.test(text.slice(LOWER_WORD.lastIndex, LOWER_WORD.lastIndex + 16))) {
      end = LOWER_WORD.lastIndex;
      words++;
      continue;
    }
    // "Luật Ban hành văn bản quy phạm pháp luật của Hội đồng nhân dân, Ủy ban nhân dân" (2004).
    if (word === 'của') {
      const own = OF_COUNCILS.exec(text.slice(LOWER_WORD.lastIndex, LOWER_WORD.lastIndex + 60));
      if (own) {
        end = LOWER_WORD.lastIndex + own[0].length;
        words += 6;
        continue;
      }
    }
    // "Pháp lệnh ưu đãi người có công với cách mạng ngày 29 tháng 6 năm 2005", "… với cách mạng số
    // 26/2005/PL-UBTVQH11": a function word inside a name the date or number closes a few words on.
    const ahead = text.slice(LOWER_WORD.lastIndex, LOWER_WORD.lastIndex + 60);
    const inner = NAME_INNER.has(word) || (word === 'có' && /^[ \t]+công(?![\p{L}])/u.test(ahead));
    // "Luật phí và lệ phí 2015": "và" inside a lower-case name its year closes one or two words on.
    if (word === 'và' && lowerFirst && /^(?:[ \t]+\p{Ll}+){1,2}[ \t]+(?:19|20)\d\d(?![\p{L}\d])/u.test(ahead)) {
      end = LOWER_WORD.lastIndex;
      words++;
      continue;
    }
    if (NAME_STOP.has(word) && !(inner && CLOSED_FEW_WORDS_ON.test(ahead) && !/hiệu[ \t]+lực/u.test(ahead))) break;
    if (word === 'hiện' && /^[ \t]+hành(?![\p{L}])/u.test(text.slice(LOWER_WORD.lastIndex, LOWER_WORD.lastIndex + 8))) break;
    if (lowerFirst && LOWER_NAME_VERB.test(text.slice(end, end + 16))) break;
    end = LOWER_WORD.lastIndex;
    words++;
    if (/^\d{4}$/.test(word)) break;
  }
  // "Luật Tổ chức HĐND và UBND (sửa đổi) ngày 21 tháng 6 năm 1994": the amended edition's mark.
  const amended = AMENDED_MARK.exec(text.slice(end, end + 40));
  if (amended) end += amended[0].length;
  const yearTail = /^[ \t]+năm[ \t]+(\d{4})(?!\d)/u.exec(text.slice(end, end + 12));
  if (yearTail) end += yearTail[0].length;
  // A name begun in lower case is a law's when its number or date follows, or its year ends it
  // ("Luật khiếu nại 2011", as sites list the laws a document rests on).
  const dated = /^[ \t]+(?:số[ \t]*:?[ \t]*\d|ngày[ \t]+\d)/u.test(text.slice(end, end + 16)) || /(?:^|[ \t])(?:19|20)\d\d$/u.test(text.slice(Math.max(pos, end - 5), end));
  // A loose name begun in lower case needs two words ("Luật viên chức", "Luật thuế GTGT"), the
  // first not a common noun's ("Luật sư", "Luật pháp").
  const looseName = loose && words >= 2 && !GENERIC_AFTER_LUAT.has(firstLower) && !(firstLower === 'quy' && /^[ \t]+định/u.test(text.slice(pos + 4, pos + 12)));
  if (lowerFirst && !dated && !looseName) return null;
  const name = text.slice(pos, end).trim();
  // "Luật Việt Nam" (a site's name, "Dân Luật Việt Nam", "Hệ thống Luật Việt Nam") names no law.
  if (COUNTRY_ONLY.test(name)) return null;
  return { name, end };
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
    const law = readLawName(text, p + word[0].length, true);
    if (!law) break;
    end = law.end;
    LAW_JOIN.lastIndex = end;
    if (!LAW_JOIN.exec(text)) break;
    p = LAW_JOIN.lastIndex;
  }
  if (end < 0) return null;
  return { name: text.slice(pos, end).trim(), end };
}

export function readNamed(text: string, start: number, afterWord: number, type: DocumentType, typeWritten: string): RawCitation | null {
  const first = typeWritten[0]!;
  if (first === first.toLowerCase()) {
    // "luật", "nghị quyết" in running prose are generic ("pháp luật", "theo luật định") — except a
    // law named with its date or number: "theo luật ngân sách nhà nước ngày 16/12/2003".
    if (typeWritten !== 'luật' || wordBefore(text, start) === 'pháp') return null;
    const law = readLawName(text, afterWord);
    if (!law || !/^[ \t]*,?[ \t]+(?:số[ \t]*:?[ \t]*\d|ngày[ \t]+\d)/u.test(text.slice(law.end, law.end + 16))) return null;
  }
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
      const amending = readAmendingLaw(text, afterWord);
      // "các Luật sửa đổi, bổ sung …": several amending laws spoken of together, none named.
      if (amending && /(?:^|[^\p{L}])(?:các|những)[ \t]+$/u.test(text.slice(Math.max(0, start - 8), start))) return null;
      const law = amending ?? readLawName(text, afterWord, first !== first.toLowerCase() && typeWritten !== typeWritten.toUpperCase());
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
