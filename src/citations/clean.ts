// Cleaning: the text the extractor reads, with a map back to the source. Composes decomposed
// (NFD) Vietnamese, folds dash variants to "-", the Icelandic Eth "Ð"/"ð" to "Đ"/"đ", no-break and
// other odd spaces to " ", Cyrillic capitals that look like Latin ones to those, drops zero-width
// characters and markdown's "*" inside a symbol, and reads a literal "\r\n" / "\n" escape
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
// zero-width characters, soft hyphens and Cyrillic look-alikes (1); the backslash of a literal
// "\r" / "\n" escape (2); markdown's "*" (3, only inside a symbol). A table read by character
// code: a regular expression of the same class scans plain text four times slower, and most texts hold none of these.
const WORK = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x0300, 0x036f], [0x2010, 0x2015], [0x2212, 0x2212], [0x00d0, 0x00d0], [0x00f0, 0x00f0], [0x00a0, 0x00a0],
  [0x2000, 0x200d], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0x2060, 0x2060], [0xfeff, 0xfeff],
  [0x00ad, 0x00ad], [0x0410, 0x0410], [0x0412, 0x0412], [0x0415, 0x0415], [0x041a, 0x041a], [0x041c, 0x041e],
  [0x0420, 0x0422], [0x0425, 0x0425],
] as const) WORK.fill(1, from, to + 1);
WORK[0x5c] = 2;
WORK[0x2a] = 3;

// Markdown's emphasis inside a symbol ("44**/**2025**/**TT-BYT", a bold slash from a converted
// page): a run of "*" between a separator and a digit or capital goes.
function symbolSeparator(c: number): boolean {
  return c === 0x2f || c === 0x2d;
}
function symbolChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 0x110;
}

/**
 * The next unit of work at or after `from`: a run of combining marks, one special character, or a
 * literal "\r\n" / "\r" / "\n" escape. Its start, or -1; its length in `unitLength`.
 */
function nextUnit(source: string, from: number): number {
  for (let i = from, n = source.length; i < n; i++) {
    const kind = WORK[source.charCodeAt(i)];
    if (kind === 0) continue;
    if (kind === 3) {
      let e = i + 1;
      while (e < n && source.charCodeAt(e) === 0x2a) e++;
      const p = i > 0 ? source.charCodeAt(i - 1) : 0;
      const q = e < n ? source.charCodeAt(e) : 0;
      if ((symbolChar(p) && symbolSeparator(q)) || (symbolSeparator(p) && symbolChar(q))) {
        unitLength = e - i;
        return i;
      }
      i = e - 1;
      continue;
    }
    if (kind === 2) {
      const c = source.charCodeAt(i + 1);
      if (c !== 114 && c !== 110) continue;
      // "\r\n" as one break, else the two-character escape alone.
      unitLength = c === 114 && source.charCodeAt(i + 2) === 0x5c && source.charCodeAt(i + 3) === 110 ? 4 : 2;
      return i;
    }
    let e = i + 1;
    if (isMark(source.charCodeAt(i))) while (e < n && isMark(source.charCodeAt(e))) e++;
    unitLength = e - i;
    return i;
  }
  return -1;
}
let unitLength = 0;

function isMark(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}

const CYRILLIC_LOOKALIKE: Record<number, string> = { 0x410: 'A', 0x412: 'B', 0x415: 'E', 0x41a: 'K', 0x41c: 'M', 0x41d: 'H', 0x41e: 'O', 0x420: 'P', 0x421: 'C', 0x422: 'T', 0x425: 'X' };

// Vietnamese has a few hundred distinct letter + mark clusters: compose each once.
const COMPOSED = new Map<string, string>();

function replacement(unit: string): string {
  const ch = unit.charCodeAt(0);
  // A literal "\r\n" or "\n" escape pasted into the text is a line break.
  if (ch === 0x5c) return '\n';
  if (ch === 0x2a) return '';
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
  let next = nextUnit(source, 0);
  if (next < 0) return { text: source, toSource: (o) => o, identity: true };
  // Breakpoints: at cleanStarts[i] the cleaned text resumes 1:1 with source at sourceStarts[i].
  const cleanStarts: number[] = [0];
  const sourceStarts: number[] = [0];
  const parts: string[] = [];
  let last = 0;
  let cleanLen = 0;
  for (; next >= 0; next = nextUnit(source, next + unitLength)) {
    let at = next;
    const end = next + unitLength;
    // Combining marks compose with the character before them, unless a unit already took it.
    if (isMark(source.charCodeAt(at)) && at > last) at--;
    const unit = source.slice(at, end);
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
