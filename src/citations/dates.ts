// Dates as they are written in citations and headers (spec §4): "14/5/2021", "28 /3/2023",
// "12-1-2022", "14 tháng 03 năm 2023", "ngày tháng 10 năm 2023" (a draft's blank day).

export interface ParsedDate {
  start: number;
  end: number;
  written: string;
  day: number | null;
  month: number | null;
  year: number | null;
  /** ISO date when day, month and year form a real Gregorian date. */
  iso: string | null;
  form: 'numeric' | 'hyphen' | 'words';
  /** Spaces inside a numeric date ("28 /3/2023"). */
  spaced: boolean;
  /** Raw digit strings, to judge padding. */
  dayText: string | null;
  monthText: string | null;
}

// The year may come broken by a stray space ("16/7/20 21").
const NUMERIC = /(\d{1,2})( {0,2})([/.\-])( {0,2})(\d{1,2})( {0,2})\3( {0,2})(\d{4}|(?:19|20) \d{2})(?!\d)/y;
const WORDS = /(?:(\d{1,2})\s+|(?:\.{2,}|…+|_+)?\s*)tháng\s+(\d{1,2})\s+năm\s+(\d{4})(?!\d)/iy;

export function isoDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2100) return null;
  const dim = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > dim) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Parses a date starting exactly at `pos`. */
export function parseDateAt(text: string, pos: number): ParsedDate | null {
  NUMERIC.lastIndex = pos;
  const n = NUMERIC.exec(text);
  if (n) {
    const day = Number(n[1]);
    const month = Number(n[5]);
    const year = Number(n[8]!.replace(' ', ''));
    return {
      start: pos,
      end: pos + n[0].length,
      written: n[0],
      day,
      month,
      year,
      iso: isoDate(day, month, year),
      form: n[3] === '-' ? 'hyphen' : 'numeric',
      spaced: (n[2]! + n[4]! + n[6]! + n[7]!).length > 0 || n[8]!.includes(' '),
      dayText: n[1]!,
      monthText: n[5]!,
    };
  }
  WORDS.lastIndex = pos;
  const w = WORDS.exec(text);
  if (w) {
    const day = w[1] ? Number(w[1]) : null;
    const month = Number(w[2]);
    const year = Number(w[3]);
    return {
      start: pos,
      end: pos + w[0].length,
      written: w[0],
      day,
      month,
      year,
      iso: day === null ? null : isoDate(day, month, year),
      form: 'words',
      spaced: false,
      dayText: w[1] ?? null,
      monthText: w[2]!,
    };
  }
  return null;
}
