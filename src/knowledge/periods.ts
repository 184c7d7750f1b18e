// The period an instrument is for, read from its subject (trích yếu): "giai đoạn 2019 - 2025",
// "năm học 2022-2023", "đến năm 2030", and — for yearly plan-like types only — "năm 2021".
// The end of the latest period mentioned is returned, so "giai đoạn 2021-2025, tầm nhìn đến năm
// 2035" runs to 2035; open-ended wording ("và những năm tiếp theo") gives null. A school year is
// taken to end on 31 August of its second year: the latest sensible end, so a warning is never early.
// Flat patterns over a short string; linear.

import { fold } from '../graph/core/text.js';

const DASH = /[\u2010-\u2015\u2212]/g;
const SPAN = /(giai\s+đoạn|năm\s+học)\s+(\d{4})\s*-\s*(\d{4})/giu;
const UNTIL = /đến\s+năm\s+(\d{4})/giu;
const YEAR = /(?<![\p{L}])năm\s+(\d{4})(?!\s*-\s*\d)/giu;
const DATE_BEFORE = /tháng\s*\d{1,2}\s*$/u;
const OPEN = /(?:những|các)\s+năm\s+tiếp\s+theo/iu;

/** Types whose subject "năm 2023" names the year the instrument is for (a yearly plan). */
const YEARLY_TYPES = new Set(['kế hoạch', 'chương trình', 'hướng dẫn', 'công văn', 'chỉ thị', 'thông báo']);
/** Types whose "năm" is their own enactment year, never a period. */
const NO_PERIOD_TYPES = new Set(['luật', 'bộ luật', 'pháp lệnh', 'hiến pháp']);

export interface Period {
  /** ISO date the period ends. */
  end: string;
  /** The words that set it ("giai đoạn 2019 - 2025"). */
  label: string;
}

export function periodOf(subject: string, type: string): Period | null {
  const t = type.toLowerCase();
  if (NO_PERIOD_TYPES.has(t)) return null;
  const s = subject.normalize('NFC').replace(DASH, '-');
  if (OPEN.test(s)) return null;
  let best: Period | null = null;
  const consider = (end: string, label: string) => {
    if (!best || end > best.end) best = { end, label };
  };
  for (const m of s.matchAll(SPAN)) {
    const y1 = Number(m[2]);
    const y2 = Number(m[3]);
    if (y2 < y1 || y2 - y1 > 30) continue;
    const school = /học/u.test(m[1]!);
    consider(school ? `${m[3]}-08-31` : `${m[3]}-12-31`, m[0]);
  }
  for (const m of s.matchAll(UNTIL)) consider(`${m[1]}-12-31`, m[0]);
  if (YEARLY_TYPES.has(t)) {
    for (const m of s.matchAll(YEAR)) {
      if (DATE_BEFORE.test(s.slice(Math.max(0, m.index - 12), m.index))) continue; // "ngày 15 tháng 3 năm 2021"
      if (/^năm\s+học/iu.test(s.slice(m.index))) continue;
      consider(`${m[1]}-12-31`, m[0]);
    }
  }
  return best;
}

/** Where a yearly instrument stands in its series: the subject without its year, and the year's end. */
export interface SeriesPlace {
  /** The subject folded, its year or school year replaced by "§": equal for every member of one series. */
  pattern: string;
  /** ISO end of the year or school year it is for. */
  end: string;
  label: string;
}

const SERIES_LABEL = /^(?:năm\s+học\s+\d{4}\s*-\s*\d{4}|năm\s+\d{4})$/iu;

/**
 * The series place of a yearly instrument ("Kế hoạch … nhiệm vụ năm học 2023-2024"): its period
 * must be one year or one school year. Multi-year periods ("giai đoạn 2021-2025") are not series.
 */
export function seriesOf(subject: string | null, type: string | null): SeriesPlace | null {
  if (!subject || !type) return null;
  const period = periodOf(subject, type);
  if (!period || !SERIES_LABEL.test(period.label)) return null;
  const s = subject.normalize('NFC').replace(DASH, '-');
  const at = s.indexOf(period.label);
  if (at < 0) return null;
  const pattern = fold(`${s.slice(0, at)}§${s.slice(at + period.label.length)}`)
    .replace(/[.;,:]+$/u, '')
    .trim();
  return { pattern, end: period.end, label: period.label };
}
