// Cleaning: the text the extractor reads, with a map back to the source. Composes decomposed
// (NFD) Vietnamese, folds dash variants to "-", the Icelandic Eth "Ð"/"ð" to "Đ"/"đ", no-break and
// other odd spaces to " ", Cyrillic capitals that look like Latin ones to those, drops zero-width characters, and reads a literal "\r\n" / "\n" escape
// (pasted from JSON or a web form) as the line break it stands for. Every change that alters length is
// recorded, so any offset in the cleaned text maps back to the source (`toSource`).
// When the text needs none of this, it is returned as is and the map is the identity: composed
// text pays one linear scan and nothing else.

export interface CleanText {
  text: string;
  /** Maps an offset in `text` to the corresponding offset in the source. */
  toSource(offset: number): number;
  identity: boolean;
}

// Characters that need work: combining marks (NFD), dash variants, Eth look-alikes, odd spaces,
// zero-width characters and soft hyphens.
const NEEDS_WORK = /[\u0300-\u036f\u2010-\u2015\u2212\u00d0\u00f0\u00a0\u2000-\u200b\u202f\u205f\u3000\u200c\u200d\u2060\ufeff\u00ad\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425]|\\[rn]/;
// One unit of work: a run of combining marks (taken with the base character before it), or one
// special character. Every alternative starts with a character of a small set, so the engine
// skips the plain text between them fast.
const WORK_UNIT = /\\r\\n|\\[rn]|[\u0300-\u036f]+|[\u2010-\u2015\u2212\u00d0\u00f0\u00a0\u2000-\u200b\u202f\u205f\u3000\u200c\u200d\u2060\ufeff\u00ad\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425]/g;

const CYRILLIC_LOOKALIKE: Record<number, string> = { 0x410: 'A', 0x412: 'B', 0x415: 'E', 0x41a: 'K', 0x41c: 'M', 0x41d: 'H', 0x41e: 'O', 0x420: 'P', 0x421: 'C', 0x422: 'T', 0x425: 'X' };

// Vietnamese has a few hundred distinct letter + mark clusters: compose each once.
const COMPOSED = new Map<string, string>();

function replacement(unit: string): string {
  const ch = unit.charCodeAt(0);
  // A literal "\r\n" or "\n" escape pasted into the text is a line break.
  if (ch === 0x5c) return '\n';
  if (unit.length === 1) {
    if ((ch >= 0x2010 && ch <= 0x2015) || ch === 0x2212) return '-';
    if (ch === 0x00d0) return 'Đ';
    if (ch === 0x00f0) return 'đ';
    if (ch === 0x200b || ch === 0x200c || ch === 0x200d || ch === 0x2060 || ch === 0xfeff || ch === 0x00ad) return '';
    if (ch === 0x00a0 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x202f || ch === 0x205f || ch === 0x3000) return ' ';
    // Cyrillic capitals that look like Latin ones, typed into symbols ("TT-BТС").
    const latin = CYRILLIC_LOOKALIKE[ch];
    if (latin) return latin;
  }
  let composed = COMPOSED.get(unit);
  if (composed === undefined) {
    composed = unit.normalize('NFC');
    if (COMPOSED.size < 50_000) COMPOSED.set(unit, composed);
  }
  return composed;
}

export function clean(source: string): CleanText {
  if (!NEEDS_WORK.test(source)) return { text: source, toSource: (o) => o, identity: true };
  // Breakpoints: at cleanStarts[i] the cleaned text resumes 1:1 with source at sourceStarts[i].
  const cleanStarts: number[] = [0];
  const sourceStarts: number[] = [0];
  const parts: string[] = [];
  let last = 0;
  let cleanLen = 0;
  WORK_UNIT.lastIndex = 0;
  for (let m = WORK_UNIT.exec(source); m; m = WORK_UNIT.exec(source)) {
    let at = m.index;
    // Combining marks compose with the character before them, unless a unit already took it.
    const mark = m[0].charCodeAt(0);
    if (mark >= 0x300 && mark <= 0x36f && at > last) at--;
    const unit = at === m.index ? m[0] : source.slice(at, m.index + m[0].length);
    const rep = replacement(unit);
    if (rep === unit) continue;
    const before = source.slice(last, at);
    parts.push(before, rep);
    cleanLen += before.length;
    if (rep.length !== unit.length) {
      // The replacement maps to the unit's start; what follows resumes 1:1 after the unit.
      cleanStarts.push(cleanLen);
      sourceStarts.push(at);
      cleanLen += rep.length;
      cleanStarts.push(cleanLen);
      sourceStarts.push(at + unit.length);
    } else {
      cleanLen += rep.length;
    }
    last = at + unit.length;
  }
  parts.push(source.slice(last));
  const text = parts.join('');
  if (cleanStarts.length === 1) return { text, toSource: (o) => o, identity: false };
  const toSource = breakpointMap(cleanStarts, sourceStarts);
  return { text, toSource, identity: false };
}

/**
 * The map back of a text rewritten by replacements: from outStarts[i] on, the output resumes 1:1
 * with the input at inStarts[i]. An offset inside a shorter replacement stays within what it
 * replaced. Shared by the cleaning and reflow stages.
 */
export function breakpointMap(outStarts: number[], inStarts: number[]): (offset: number) => number {
  const os = Int32Array.from(outStarts);
  const is = Int32Array.from(inStarts);
  return (offset: number): number => {
    let lo = 0;
    let hi = os.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (os[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return is[lo]! + Math.min(offset - os[lo]!, lo + 1 < is.length ? is[lo + 1]! - is[lo]! : Infinity);
  };
}
