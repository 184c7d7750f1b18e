// Finding cited instruments in cleaned text. Anchors are type words ("Nghị định", "Kế hoạch",
// "công văn" …); from each anchor a small hand-written reader takes "số", the number/symbol
// (identifier.ts), the date, the issuer ("của …"), the subject ("về …") and relation verbs.
// Named instruments without a number ("Luật Tiếp công dân", "Nghị quyết Trung ương 4 khóa XII")
// are read from their own shapes (law-names.ts). Every pattern is sticky or bounded: the scan is
// linear. This file finds the citations; details.ts reads what follows each (date, issuer via
// issuer-reader.ts, subject, relations); extract-base.ts holds what they share.
import { parseSymbol, type ParsedSymbol } from './identifier.js';
import { TYPE_WORDS, typeByName, typeByWord, typesForCode, type DocumentType } from './vocabulary/types.js';
import { CUA, GAP, MAX_TYPE_WORDS, SO, SPACES, escape, isLetter, lineEnd, newCitation, type RawCitation } from './extract-base.js';
import { issuerBefore, readIssuer } from './issuer-reader.js';
import { readNamed } from './law-names.js';
import { attachDetails } from './details.js';

export type { RawCitation, RawRelation } from './extract-base.js';

const ANCHOR = new RegExp(`(?<![\\p{L}\\d])(?:${TYPE_WORDS.map(escape).join('|')})(?![\\p{L}\\d])`, 'giu');
const VAN_BAN = typeByName('Văn bản')!;

// Candidates are found from cheap triggers rather than by trying every type word at every
// position: the word "số", a number followed by "/" or "-", and the capitalised words that
// begin a named instrument. From each trigger the type word is looked up backwards.
// The named types' syllables may stand on two lines the layout kept apart (a table row's cell).
const TRIGGER = /(?:s|S)(?:ố|Ố)|\d[ \t]{0,2}[\/\-]|(?:Luật|luật|Bộ(?: |\r?\n)[lL]uật|Pháp(?: |\r?\n)lệnh|Hiến(?: |\r?\n)pháp|Nghị(?: |\r?\n)quyết|LUẬT|BỘ LUẬT|PHÁP LỆNH|HIẾN PHÁP|NGHỊ QUYẾT)[ \t]/g;
// The last syllable of every type word: "một số", "chỉ số" end in words no type word ends with.
const LAST_SYLLABLES = new Set(TYPE_WORDS.map((w) => w.split(' ').pop()!));

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
  let w0 = p;
  while (w0 > 0 && isLetter(text.charCodeAt(w0 - 1))) w0--;
  if (w0 === p) return null;
  if (LAST_SYLLABLES.has(text.slice(w0, p).toLowerCase())) {
    const direct = typeWordEndingAt(text, p, phraseEnd);
    if (direct) return direct;
  }
  // "Báo cáo thẩm tra số …", "Văn bản thẩm định số …", "Thông tư liên bộ số …": a qualifier
  // between the type word and "số" (its last syllable may end a type word too: "định").
  const q = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, p - 24), p));
  if (!q) return null;
  p -= q[0].length;
  w0 = p;
  while (w0 > 0 && isLetter(text.charCodeAt(w0 - 1))) w0--;
  if (w0 === p || !LAST_SYLLABLES.has(text.slice(w0, p).toLowerCase())) return null;
  return typeWordEndingAt(text, p, phraseEnd);
}

/** The longest type word whose last syllable ends at `wordEnd`. */
function typeWordEndingAt(text: string, wordEnd: number, phraseEnd: number): { type: DocumentType; start: number; written: string; end: number } | null {
  const starts: number[] = [];
  let q = wordEnd;
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

/** The bare scan: how many triggers the text holds, and nothing read from them (the benchmark's reference). */
export function scanTriggers(text: string): number {
  let n = 0;
  TRIGGER.lastIndex = 0;
  while (TRIGGER.exec(text)) n++;
  return n;
}

export function extractCitations(text: string): RawCitation[] {
  const out: RawCitation[] = [];
  let consumed = 0;
  // The items of a list read ahead ("…: số …; số … về sửa đổi Nghị định số …; số …"): what
  // stands between them is still read (a citation nested in an item's subject), the items are not
  // read twice. Ranges from an item's "số" to its symbol's end, in text order.
  const claimed: [number, number][] = [];
  let sorted = true;
  TRIGGER.lastIndex = 0;
  for (let m = TRIGGER.exec(text); m; m = TRIGGER.exec(text)) {
    const at = m.index;
    if (at < consumed) continue;
    while (claimed.length && claimed[0]![1] <= at) claimed.shift();
    if (claimed.length && at >= claimed[0]![0]) {
      consumed = claimed.shift()![1];
      TRIGGER.lastIndex = Math.max(TRIGGER.lastIndex, consumed);
      continue;
    }
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
        found = listAt(text, at, consumed, out[out.length - 1]);
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
    if (out.length && found[0]!.start < out[out.length - 1]!.start) sorted = false;
    out.push(...found);
    const head = found[0]!;
    consumed = head.symbol ? head.symbol.end : head.end;
    for (let k = 1; k < found.length; k++) {
      const c = found[k]!;
      const end = c.symbol ? c.symbol.end : c.end;
      if (end > consumed) claimed.push([Math.max(c.start, consumed), end]);
    }
    TRIGGER.lastIndex = Math.max(TRIGGER.lastIndex, consumed);
  }
  // A citation nested between two items of a list is found after the list: back to text order.
  if (!sorted) out.sort((a, b) => a.start - b.start);
  if (bareRepeats(text, out)) out.sort((a, b) => a.start - b.start);
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
  // "Decree No. 40/2025/ND-CP": a site's English translation names the same instruments again.
  if (/(?:^|[^\p{L}])No\.?\s*$/u.test(text.slice(Math.max(0, at - 8), at))) return [];
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
 * "… triển khai Nghị quyết 02 ngày 12-6-2021 của Bộ Chính trị … quán triệt nội dung của Nghị
 * quyết 02.": once a bare number is cited with its date or issuer, the same type word and number
 * again is that instrument again. Adds those mentions to `out`; true when it added any.
 */
function bareRepeats(text: string, out: RawCitation[]): boolean {
  const seen = new Set<string>();
  let added = false;
  for (const c of [...out]) {
    if (c.hasSo || c.symbol?.shape !== 'number-only' || c.sharedTypeWord) continue;
    const words = c.typeWritten.split(/\s+/u);
    const key = `${words.join(' ')} ${c.symbol.seq}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // The type word's syllables and the number, any run of spaces or a line break between them.
    const re = new RegExp(`(?<![\\p{L}\\d])${words.map(escape).join('\\s+')}\\s+(?=${escape(c.symbol.seq)}(?![\\d/\\-\\p{L}]))`, 'gu');
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const at = m.index;
      if (out.some((o) => o.start <= at && at < Math.max(o.end, o.symbol?.end ?? 0))) continue;
      const symbol = parseSymbol(text, at + m[0].length);
      if (!symbol || symbol.shape !== 'number-only') continue;
      const written = text.slice(at, at + m[0].length).trimEnd();
      out.push(newCitation(c.type, written, at, symbol.end, { symbol }));
      added = true;
    }
  }
  return added;
}

/**
 * "Nghị quyết số 19-NQ/TW, số 20-NQ/TW ngày 25/10/2017", "Luật Ngân sách nhà nước số 01/2002/QH11
 * …; số 83/2015/QH13": a bare "số" right after a citation's number (and date) is one more of the
 * same type.
 */
// What stands between two items of one list: the first one's date, then ",", ";" or "và".
// Line breaks count as spaces: a hard wrap the layout kept may fall anywhere in it.
const SIBLING_GAP =
  /^(?:\s*,?\s*(?:ngày|Ngày)\s*[\d/.\- ]{6,12}|\s*,?\s*(?:ngày|Ngày)\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})?\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+)$/u;

function siblingAt(text: string, at: number, prev: RawCitation | undefined): RawCitation[] {
  if (!prev?.symbol) return [];
  const from = prev.symbol.end;
  if (at <= from || at - from > 90) return [];
  const gap = text.slice(from, at);
  if (!SIBLING_GAP.test(gap)) return [];
  const c = readNumbered(text, at, at, prev.type, prev.typeWritten);
  if (!c || !c.hasSo || c.symbol?.shape === 'number-only') return [];
  c.sharedTypeWord = true;
  ownCodeType(c);
  c.listIssuer = prev.listIssuer ?? null;
  return [c];
}

/** "các Quyết định của Thủ tướng Chính phủ: số 1400/QĐ-TTg …; số …": the list whose first "số" is at `at`. */
function listAt(text: string, at: number, consumed: number, previous?: RawCitation): RawCitation[] {
  let p = at;
  // "… tại các Tờ trình:" ⏎ "Số 202/TTr-…": the colon may end the line before the first item.
  while (p > 0 && at - p < 40 && (text[p - 1] === ' ' || text[p - 1] === '\t' || text[p - 1] === '\n' || text[p - 1] === '\r')) p--;
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
  const items = readSharedList(text, start, start + last[0].length, type, last[0]);
  // "… tại các Tờ trình: Số …, số … và các Báo cáo: Số …": a list joined to the list before it
  // shares that list's issuer.
  const prev = previous?.symbol && previous.listIssuer && items.length && !items[0]!.listIssuer ? previous : undefined;
  if (prev && start > prev.symbol!.end && start - prev.symbol!.end <= 60 && LIST_AFTER_LIST.test(text.slice(prev.symbol!.end, start))) {
    for (const c of items) c.listIssuer = prev.listIssuer;
  }
  return items;
}

const LIST_AFTER_LIST = /^(?:[ \t]*,?[ \t]*ngày[ \t]+[\d/.\- ]{6,12}|[ \t]*,?[ \t]*ngày[ \t]+\d{1,2}[ \t]+tháng[ \t]+\d{1,2}[ \t]+năm[ \t]+\d{4})?[ \t]*[,;]?[ \t]*và[ \t]+các[ \t]+$/u;

/**
 * An item that shares a type word takes the type its own code names when the shared type's codes
 * do not hold it: "… thực hiện Quyết định số 142/2008/QĐ-TTg ; số 05/2010/TTLT-BCA-BLĐTBXH-BTC" is
 * a Thông tư liên tịch, the list's next item, not a second Quyết định.
 */
function ownCodeType(c: RawCitation): void {
  const code = c.symbol?.typeCode;
  if (!code) return;
  const t = c.type;
  if (t.adminCode === code || t.legalCode === code || t.partyCodes.includes(code) || t.otherCodes.includes(code)) return;
  const own = typeOfSymbol(c.symbol!);
  if (own && own !== t) {
    c.type = own;
    c.typeWritten = own.name;
  }
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
  // "Nghị quyết 02 ngày 12-6-2021 của Bộ Chính trị": a bare number with no "số" is a citation
  // when a date or an issuer follows it at once — not a programme's name ("Chương trình 135").
  if (!hasSo && symbol.shape === 'number-only' && !(BARE_NUMBER_TYPES.has(type.name) && BARE_NUMBER_NEXT.test(text.slice(symbol.end, symbol.end + 24)))) return null;
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

const BARE_NUMBER_TYPES = new Set(['Nghị quyết', 'Chỉ thị', 'Kết luận', 'Quyết định', 'Quy định', 'Thông báo', 'Công văn', 'Hướng dẫn']);
const BARE_NUMBER_NEXT = /^(?:[ \t]*,)?[ \t]+(?:ngày[ \t]+\d|của[ \t]+\p{Lu})/u;

const LIST_INTRO = /^((?:[ \t]+(?:của|do)[ \t]+[^:;\n]{2,80}?)?)[ \t]*:[ \t]*(?:\r?\n[ \t]*)?/u;
// The next item, on this line or — a list laid out one item a line — at the next line's start.
const LIST_NEXT = /[;,][ \t]*(?:\r?\n[ \t]*)?(?:và[ \t]+)?(?=số[ \t])/u;

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
  // "Theo đề nghị của Bộ trưởng Bộ … tại các văn bản: Số …, số …": the issuer before the list.
  if (!listIssuer) listIssuer = issuerBefore(text, start);
  const out: RawCitation[] = [];
  let p = afterWord + intro[0].length;
  for (let k = 0; k < 50; k++) {
    // The first item may open with a capital after the colon ("các Báo cáo: Số 201/BC-…").
    if (!text.startsWith('số', p) && !(k === 0 && text.startsWith('Số', p))) break;
    const c = readNumbered(text, p, p, type, typeWritten);
    if (!c || !c.hasSo) break;
    c.sharedTypeWord = true;
    ownCodeType(c);
    c.start = p;
    c.listIssuer = listIssuer;
    out.push(c);
    // Skip the rest of this item (date, issuer, subject) to the next "; số" or ", số".
    const nl = lineEnd(text, c.end);
    const rest = text.slice(c.end, nl < text.length ? Math.min(nl + 12, text.length) : nl);
    const next = LIST_NEXT.exec(rest);
    // "… và các Báo cáo: Số …": another list begins before the next item; this one ends here.
    if (!next || rest.lastIndexOf(':', next.index) >= 0) break;
    p = c.end + next.index + next[0].length;
  }
  return out;
}
