// Reading an issuer's name: after "của" / "do" / "giữa", after a date with no "của", and before the
// type word ("của Sở Nội vụ tại Tờ trình số …", "Sở Y tế đã ban hành Công văn số …").
import type { ParsedSymbol } from './identifier.js';
import { issuerByCode, issuerByName } from './vocabulary/issuers.js';
import { isLetter, isUpperAt, typeWordAt, wordBefore, wordEndAt } from './extract-base.js';

// An issuer written straight after the date, without "của" ("… ngày 23/4/2018 Chính phủ về …"):
// only the words that begin the name of a body.
export const ISSUER_HEAD =
  /[ \t]*,?[ \t]*(?=(?:Hội nghị|Chính phủ|Thủ tướng|Quốc hội|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ(?! luật)|Sở|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Ban Chấp hành|Ban Thường vụ|Ban Bí thư|Ban Tuyên giáo|Ban Dân vận|Ban Tổ chức|Ban Kinh tế|BCH|BTV|Văn phòng|Tổng cục|Cục|Phòng|Trung ương|Liên đoàn|Chủ tịch|Giám đốc|ủy ban nhân dân|uỷ ban nhân dân)(?![\p{L}\d]))/uy;
// Words that name a body whose own name may hold a type word ("Bộ Kế hoạch và Đầu tư").
export const ORGAN_WORDS = new Set(['bộ', 'sở', 'phòng', 'ban', 'vụ', 'cục', 'viện', 'trung tâm', 'văn phòng']);
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
    'minh hợp tác dân cư gia đình trẻ em cao tuổi doanh nghiệp nhỏ vừa tỉnh thành chế tin kiến trúc ' +
    'thi đua khen thưởng nước cộng hòa hoà chủ nghĩa cục khu vực ' +
    // Trades in enterprises' names ("Tổng Công ty Phân bón và Hóa chất Dầu khí", "Tập đoàn Điện lực").
    'bón hóa chất dầu khí xăng điện lực than khoáng viễn thông bưu chính su dệt xi măng thép ' +
    'lương thực cảng xuất nhập khẩu dịch vụ thương mại sản').split(' '),
);

// The old placement of the tone mark on "oa", "oe", "uy" ("hoá", "khoẻ", "thuỷ") and the new one
// ("hóa", "khỏe", "thủy") spell one word; the word lists hold the new one.
const OLD_TONE: Record<string, string> = {
  oá: 'óa', oà: 'òa', oả: 'ỏa', oã: 'õa', oạ: 'ọa', oé: 'óe', oè: 'òe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uý: 'úy', uỳ: 'ùy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
};
const OLD_TONE_AT_END = /(?:o[áàảãạéèẻẽẹ]|u[ýỳỷỹỵ])$/u;

export function newStyleTone(lower: string): string {
  const m = OLD_TONE_AT_END.exec(lower);
  return m ? lower.slice(0, m.index) + OLD_TONE[m[0]]! : lower;
}

const SUBJECT_CAPS = new Set(['về', 'phê', 'hướng', 'quy', 'sửa', 'thay', 'bãi', 'thực', 'triển', 'tiếp', 'kiện', 'tăng', 'đẩy', 'nâng', 'sơ', 'điều']);

// "của liên Bộ Quốc phòng - Bộ LĐTBXH - Bộ Tài chính": the joint ministries of a joint circular.
const LOWER_HEADS = new Set(['chính', 'sở', 'bộ', 'ủy', 'uỷ', 'thường', 'liên', 'trưởng', 'phòng', 'trường']);

// The first words of another body's name: after a comma they start a new body, not more of this one.
const BODY_HEAD = /^(?:Bộ|Sở|Ban|Ủy ban|Uỷ ban|UBND|HĐND|Phòng|Cục|Tổng cục|Văn phòng|Chính phủ|Thủ tướng|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy|Trường|Trung tâm)(?![\p{Ll}])/u;

// An enterprise's legal form, word by word ("Công ty cổ phần …", "Công ty trách nhiệm hữu hạn một
// thành viên …"): each word only after the one before it, so "một" or "phần" alone ends a name.
const COMPANY_NEXT: Record<string, readonly string[]> = {
  công: ['ty'], ty: ['cổ', 'trách'], cổ: ['phần'], trách: ['nhiệm'], nhiệm: ['hữu'], hữu: ['hạn'], hạn: ['một'], một: ['thành'], thành: ['viên'],
  // Two-word terms of bodies' names, each word only after the other: "Chủ nhiệm Văn phòng Chính
  // phủ", "Tiểu ban Văn kiện", "Ban Tổ chức kỷ niệm".
  chủ: ['nhiệm'], văn: ['kiện'], chức: ['kỷ'], kỷ: ['niệm'],
};
// A People's Council or Committee with its place ("Hội đồng nhân dân tỉnh Đồng Nai").
const PLACED_COUNCIL = /^(?:Hội[ \t]+đồng|Ủy[ \t]+ban|Uỷ[ \t]+ban)[ \t]+nhân[ \t]+dân[ \t]+(?:tỉnh|thành[ \t]+phố|huyện|quận|thị[ \t]+xã|xã|phường|thị[ \t]+trấn)[ \t]+\p{Lu}/iu;
// Words after which a name must go on: an enterprise's legal form ("cổ phần"), a post's title
// ("Thủ tướng" ⏎ "Chính phủ", "Bộ trưởng" ⏎ "Bộ Y tế", "Chủ tịch" ⏎ "UBND tỉnh").
const NAME_AFTER = new Set(['ty', 'phần', 'hạn', 'viên', 'tướng', 'trưởng', 'tịch', 'đốc']);
const PLACE_LEVEL = new Set(['tỉnh', 'huyện', 'xã', 'phường', 'quận', 'trấn', 'phố']);
const AFTER_LEVEL = new Set(['ủy', 'uỷ', 'đoàn', 'hội', 'và', 'trực', 'nhân', 'khóa', 'khoá']);
const TERM_START = new Set(['kỷ', 'cổ', 'trách', 'hữu', 'một']);
// Abbreviated kinds of places written before a place's name ("TP. Hà Nội", "TX. Sơn Tây").
const PLACE_ABBREVIATIONS = new Set(['TP', 'Tp', 'TX', 'Tx', 'TT']);

// "Hội nghị lần thứ sáu Ban Chấp hành Trung ương": the ordinal of a plenum, after "thứ" only.
const ORDINAL_WORDS = new Set('nhất hai ba tư năm sáu bảy tám chín mười'.split(' '));

// Words after which a capitalised word starts a new clause, not more of the issuer's name.
const ISSUER_STOP = new Set(['về', 'v/v', 'phê', 'quy', 'hướng', 'sửa', 'thực', 'triển', 'tiếp', 'thay', 'bãi']);

/** Reads the issuer name at `pos`: capitalised words, codes and the connectors issuers use. */
/**
 * Reads the issuer name at `pos`. `joint`: the symbol names several bodies (a joint instrument),
 * so a comma may join two bodies' names ("Bộ trưởng Bộ Lao động - Thương binh và Xã hội, Bộ trưởng
 * Bộ Tư pháp"); otherwise a comma before another body's head word ends the name ("… của Bộ Tư pháp,
 * Sở Tư pháp hướng dẫn …"), except the Party's joint "Bộ Chính trị, Ban Bí thư".
 */
export function readIssuer(text: string, pos: number, limit: number, joint = false): { text: string; start: number; end: number } | null {
  let p = pos;
  let lastGood = pos;
  let words = 0;
  let prevWord = '';
  let twoBefore = '';
  let prevWordWritten = '';
  // At the limit only a line break that a name goes on over (see NAME_AFTER below) is read.
  while ((p < limit || (words > 0 && p === limit && (text[p] === '\n' || text[p] === '\r'))) && words < 16) {
    if (words > 0) {
      let q = p;
      while (q < limit && (text[q] === ' ' || text[q] === '\t')) q++;
      // "Công ty cổ phần⏎E.K.LM": an enterprise's legal form does not end its name, so the name
      // goes on over a line break (a short line the layout kept).
      const br = text[q] === '\r' && text[q + 1] === '\n' ? 2 : text[q] === '\n' ? 1 : 0;
      // A body's head word alone ("của Bộ" ⏎ "Tư pháp") also wants its name.
      const bareHead = words === 1 && (prevWordWritten === 'Bộ' || prevWordWritten === 'Sở' || prevWordWritten === 'Cục');
      if (br && q <= limit && (NAME_AFTER.has(prevWord) || bareHead) && q + br < text.length && isUpperAt(text, q + br)) {
        q += br;
        if (limit <= q) {
          const next = text.indexOf('\n', q);
          limit = next < 0 ? text.length : next;
        }
      }
      // "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Lao động - Thương binh và Xã hội", "Bộ Chính trị,
      // Ban Bí thư": a comma or a spaced dash inside a name, when a capitalised word follows.
      if (q === p && text[q] === ',') {
        let r = q + 1;
        while (r < limit && text[r] === ' ') r++;
        if (r > q + 1 && r < limit && isUpperAt(text, r) && !typeWordAt(text, r) && (joint || !BODY_HEAD.test(text.slice(r, r + 12)) || text.startsWith('Ban Bí thư', r))) q = r;
      } else if (q === p && text[q] === '.' && PLACE_ABBREVIATIONS.has(prevWordWritten) && text[q + 1] === ' ') {
        // "Thuế TP. Hà Nội", "UBND TX. Sơn Tây": the abbreviated kind of a place, then its name.
        let r = q + 1;
        while (r < limit && text[r] === ' ') r++;
        if (r < limit && isUpperAt(text, r)) q = r;
      } else if (q > p && (text[q] === '-' || text[q] === '–') && text[q + 1] === ' ') {
        let r = q + 1;
        while (r < limit && text[r] === ' ') r++;
        if (r < limit && isUpperAt(text, r)) q = r;
      } else if (q > p && text[q] === '(' && prevWord === 'dân') {
        // "Ủy ban nhân dân (UBND) tỉnh Quảng Nam": the body's abbreviation, given once in brackets.
        const abbr = /^\((?:UBND|HĐND)\)[ \t]+(?=\p{Ll})/u.exec(text.slice(q, q + 10));
        if (abbr) q += abbr[0].length;
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
    // "… của Ủy ban nhân dân tỉnh Về việc …", "… của Chính phủ Quy định chi tiết …": a capitalised
    // subject word ends the name, unless it names the body's field right after its head word
    // ("Sở Quy hoạch - Kiến trúc") or a steering committee's task ("Ban Chỉ đạo Thực hiện …").
    if (words > 0 && isCap && SUBJECT_CAPS.has(lower) && !ORGAN_WORDS.has(prevWord) && !(prevWord === 'đạo' && twoBefore === 'chỉ')) break;
    // "… của Bộ Chính trị⏎Ngày 17-4, …": a date opens the next sentence; "… Trung ương thi hành
    // Chương VII …": the subject's verb.
    if (words > 0 && (lower === 'ngày' || (lower === 'thi' && /^[ \t]+(?:hành|HÀNH)(?![\p{L}])/u.test(text.slice(e, e + 7))))) break;
    // "HỘI ĐỒNG NHÂN DÂN TỈNH ĐỒNG NAI ỦY BAN NHÂN DÂN TỈNH …": after a council or committee named
    // with its place, another one's head starts the next body (a title run into the authority line).
    if (words > 4 && isCap && PLACED_COUNCIL.test(text.slice(pos, p)) && /^(?:Ủy|Uỷ|ỦY|UỶ|Hội|HỘI)[ \t]+(?:ban|BAN|đồng|ĐỒNG)(?![\p{L}])/u.test(text.slice(p, p + 10))) break;
    // "… do Bộ trưởng Bộ Quốc phòng ban hành", also in a title in capitals ("… BỘ QUỐC PHÒNG BAN HÀNH").
    if (words > 0 && lower === 'ban' && /^[ \t]+(?:hành|HÀNH)(?![\p{L}])/u.test(text.slice(e, e + 7))) break;
    // "… của Sở Xây dựng V/v hướng dẫn …": "V/v" (về việc) opens the subject.
    if (words > 0 && lower === 'v' && text[e] === '/' && (text[e + 1] === 'v' || text[e + 1] === 'V')) break;
    const ok =
      isCap ||
      ISSUER_LOWER.has(lower) ||
      COMPANY_NEXT[prevWord]?.includes(lower) === true ||
      (joint && lower === 'với') ||
      // "Bộ Lao động-Thương binh và Xã hội": two halves of a name run together at the hyphen.
      (lower.includes('-') && hyphenHalves(word)) ||
      ISSUER_LOWER.has(newStyleTone(lower)) ||
      (ROMAN.test(word) && (prevWord === 'khóa' || prevWord === 'khoá')) ||
      (prevWord === 'thứ' && ORDINAL_WORDS.has(lower));
    if (!ok) break;
    // "… của UBND tỉnh xây dựng kế hoạch …": after the level of a place ("tỉnh", "huyện", "xã" …)
    // comes its name, capitalised, or the body of that level ("tỉnh ủy", "tỉnh đoàn") — a word in
    // lower case there starts the clause.
    if (words > 0 && !isCap && PLACE_LEVEL.has(prevWord) && !AFTER_LEVEL.has(lower) && lower !== prevWord) break;
    // "của chính phủ", "của sở Xây dựng": a body's head word written in lower case.
    if (words === 0 && !isCap && !LOWER_HEADS.has(lower)) return null;
    // "Ban Chỉ đạo 934", "Ban Chỉ đạo 389": a steering committee named by its number.
    if (/^\d+$/.test(word) && prevWord !== 'quận' && prevWord !== 'thứ' && !(prevWord === 'đạo' && twoBefore === 'chỉ') && !(word.length <= 2 && isCapWord(prevWord, text, p))) break;
    p = e;
    words++;
    twoBefore = prevWord;
    prevWord = lower;
    prevWordWritten = word;
    // A word that only begins a term ("kỷ" of "kỷ niệm", "cổ" of "cổ phần") ends no name.
    if (lower !== 'và' && lower !== 'với' && !(!isCap && TERM_START.has(lower) && !ISSUER_LOWER.has(lower))) lastGood = p;
  }
  if (lastGood === pos) return null;
  // "Ban Thường vụ Tỉnh ủy (khóa XX)", "Bộ Chính trị (Khóa IX)": the term belongs to the body.
  const term = /^[ \t]*\((?:khóa|khoá|Khóa|Khoá|KHÓA|KHOÁ)[ \t]+[IVXLC]+\)/u.exec(text.slice(lastGood, lastGood + 16));
  if (term) lastGood += term[0].length;
  return { text: text.slice(pos, lastGood), start: pos, end: lastGood };
}

/** Each half of "động-Thương" is a word of a name: a lower-case one the names use, or capitalised. */
function hyphenHalves(word: string): boolean {
  return word.split('-').every((part, i) => part !== '' && (ISSUER_LOWER.has(part.toLowerCase()) || (i > 0 && part[0] !== part[0]!.toLowerCase())));
}

/**
 * A symbol of several bodies: a joint type code (TTLT, NQLT, KHLT …) or two issuer codes that are
 * both bodies ("TTLT-BLĐTBXH-BTP"); "979/BTP-PBGDPL" is one ministry and its department.
 */
export function isJoint(symbol: ParsedSymbol | null): boolean {
  if (!symbol || symbol.issuerCodes.length < 2) return false;
  if (symbol.typeCode && /LT$|PH$/u.test(symbol.typeCode)) return true;
  return symbol.issuerCodes.filter((code) => issuerByCode(code)).length >= 2;
}

/** The word before `p` was capitalised (a name: "Trường THCS Trường Thành 1"). */
export function isCapWord(prevLower: string, text: string, p: number): boolean {
  let q = p;
  while (q > 0 && (text[q - 1] === ' ' || text[q - 1] === '\t')) q--;
  let w = q;
  while (w > 0 && isLetter(text.charCodeAt(w - 1))) w--;
  return w < q && prevLower !== text.slice(w, q) && !/[\/\-]/.test(text[p + 2] ?? '') && !/^\d+[\/\-]/.test(text.slice(p, p + 6));
}

export const ISSUER_BEFORE = [
  /(?:của|Của)[ \t]+([^,;.\n]{2,60}?)[ \t]+ban[ \t]+hành[ \t]+kèm[ \t]+theo\s+$/u,
  /(?:của|Của)[ \t]+([^;:.\n]{2,110}?)(?:[ \t]*,)?[ \t]+(?:tại|theo)\s+(?:các\s+)?$/u,
  // "Quy chế … do Ban Bí thư Trung ương Đảng ban hành theo Quyết định số …".
  /(?:do|Do)[ \t]+([^,;:.\n]{2,80}?)[ \t]+ban[ \t]+hành[ \t]+(?:(?:kèm[ \t]+)?theo|tại)\s+$/u,
  // "… các văn bản của Bộ Giáo dục và Đào tạo: Thông tư số …": the issuer of a list's intro.
  /(?:của|Của)[ \t]+([^;:.\n()]{2,110}?)[ \t]*:\s*$/u,
  // "Xét đề nghị của Trưởng Phòng Giáo dục quận 8 (Công văn số …)".
  /(?:của|Của)[ \t]+([^;:.\n()]{2,110}?)[ \t]*\(\s*$/u,
  /(?:^|[,;:.\n][ \t]*|[ \t])((?:Chính phủ|Thủ tướng Chính phủ|Quốc hội|Ủy ban|Uỷ ban|UBND|HĐND|Hội đồng|Bộ|Sở|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Đảng ủy|Đảng uỷ|Ban Chấp hành|Ban Thường vụ|Ban thường vụ|Ban Bí thư|Bộ Chính trị|Văn phòng|Tổng cục|Cục|Chi cục|Phòng|Trung ương|Trường|Hội|Liên đoàn|Đoàn|Huyện đoàn|Tỉnh đoàn|Công an|Ban Chỉ đạo|Ban cán sự|Đảng đoàn|Mặt trận|Kho bạc|Bảo hiểm xã hội|Thanh tra|Viện|Tòa án|Viện kiểm sát|BTV|BCH|Chủ tịch|Bộ trưởng|Giám đốc)(?![\p{L}])(?:[^,;:.\n]|,(?=[ \t]+\p{Lu})){0,80}?)[ \t]+(?:(?:đã|vừa)[ \t]+(?:\p{Ll}+[ \t]+){0,2}?)?(?:ban hành|có|gửi|ký|thông qua|trả lời[ \t]*\(|(?:hướng dẫn|chỉ đạo|yêu cầu|thông báo|quy định|công bố|phê duyệt)[ \t]+tại(?:[ \t]+các)?)\s*$/u,
];

// The last words of the ISSUER_BEFORE patterns: the only ones after which they can match.
const ISSUER_BEFORE_LAST = new Set(['theo', 'tại', 'các', '(', ':', 'hành', 'có', 'gửi', 'ký', 'qua']);

export function issuerBefore(text: string, start: number, symbol?: ParsedSymbol | null): { text: string; start: number; end: number } | null {
  if (!ISSUER_BEFORE_LAST.has(wordBefore(text, start))) return null;
  const from = Math.max(0, start - 160);
  const before = text.slice(from, start);
  for (const re of ISSUER_BEFORE) {
    // "UBND cấp huyện và UBND cấp xã được Chủ tịch UBND tỉnh công bố tại các …": the leftmost
    // head may not begin the name; a later one is tried (a few at most).
    for (let skip = 0, tries = 0; tries < 4 && skip < before.length; tries++) {
      const m = re.exec(before.slice(skip));
      if (!m) break;
      const at = from + skip + m.index + m[0].indexOf(m[1]!);
      // The phrase must read as an issuer's name through to its end.
      const iss = readIssuer(text, at, at + m[1]!.length);
      if (iss && iss.end === at + m[1]!.trimEnd().length) {
        // A body named before the type word is the issuer only if the symbol does not name another
        // ("nhiệm vụ của Sở Nội vụ theo Quyết định số 12/QĐ-UBND": the Quyết định is the UBND's).
        if (symbol && namesOtherBody(symbol, iss.text)) break;
        return iss;
      }
      skip = at - from + 1;
    }
  }
  return null;
}

function namesOtherBody(symbol: ParsedSymbol, name: string): boolean {
  if (!symbol.issuerCodes.length) return false;
  const named = issuerByName(name);
  if (named) {
    const bodies = symbol.issuerCodes.map((code) => issuerByCode(code));
    if (bodies.some((b) => !b)) return false;
    // "Ban cán sự đảng Ủy ban nhân dân tỉnh" writing "571-CV/UBND": the code's body is in the name.
    const lower = name.toLowerCase();
    if (bodies.some((b) => lower.includes(b!.name.toLowerCase()))) return false;
    return !bodies.some((b) => b!.code === named.code);
  }
  // A department the vocabulary does not list ("Sở Nội vụ"): its codes begin with its head's
  // letter (SNV, SGDĐT; BTC; PGDĐT), so a symbol of the People's Committee alone is another body's.
  const head = /^(Sở|Bộ|Phòng)(?![\p{L}])/u.exec(name)?.[1];
  return head !== undefined && symbol.issuerCodes.every((code) => code === 'UBND' || code === 'HĐND' || code === 'TTg' || code === 'CP');
}
