// Match keys for instrument numbers and titles, and the date wording used in knowledge messages.
// A number written "36/2017/TT-BGD&ĐT", "36 / 2017 / TT-BGDĐT" or with an Icelandic Eth "Ð" must
// find the registry's "36/2017/TT-BGDĐT": the key drops what does not identify the instrument
// (spaces, "&", dots, case, leading zeros of the running number) and folds look-alikes.

import { memo } from '../citations/memo.js';
import type { InstrumentFamily } from '../model/knowledge.js';

/** Đ look-alikes seen in extracted text: Icelandic Eth (U+00D0/U+00F0), African D (U+0189/U+0256). */
const D_LOOKALIKES = /[\u00d0\u0189]/g;
const d_LOOKALIKES = /[\u00f0\u0256]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const DROPPED = /[\s&.\u200b-\u200d\u2060\ufeff]/g;

/** The match key of a number/symbol: NFC, upper case, no spaces/"&"/dots, "TƯ" = "TW", "QĐi" = "QĐ" (Party), no leading zeros. */
export const numberKey: (raw: string) => string = memo(computeNumberKey, 20_000);

function computeNumberKey(raw: string): string {
  let s = raw.normalize('NFC').replace(D_LOOKALIKES, 'Đ').replace(d_LOOKALIKES, 'đ').replace(DASHES, '-').replace(DROPPED, '');
  s = s.toUpperCase().replace(/TƯ$/, 'TW');
  // Spec §1.3: a Party "Quy định" is numbered QĐ or QĐi interchangeably.
  s = s.replace(/^(\d+)-QĐI\//, '$1-QĐ/');
  return s.replace(/^0+(?=\d)/, '');
}

/** A second, coarser key for text whose "Đ" was lost altogether ("ND-CP", "BGDDT"). */
export function asciiKey(key: string): string {
  return key.replace(/Đ/g, 'D');
}

export interface LegalParts {
  seq: string;
  year: string;
  typeCode: string;
  issuer: string;
}

/** Splits a legal-normative key "4/2015/NĐ-CP" into its parts; null for other shapes (QH laws have no type code). */
export function legalParts(key: string): LegalParts | null {
  const m = /^(\d{1,5})\/(\d{4})\/([A-ZĐ]{1,5})-([A-ZĐ0-9-]{1,40})$/.exec(key);
  return m ? { seq: m[1]!, year: m[2]!, typeCode: m[3]!, issuer: m[4]! } : null;
}

/** Issuer code of a number key: the last "-" group after the last "/" ("4/2015/NĐ-CP" → "CP", "5-CT/TW" → "TW"). */
export function issuerCodeOfKey(key: string): string {
  const tail = key.slice(key.lastIndexOf('/') + 1);
  return tail.slice(tail.lastIndexOf('-') + 1);
}

/** Central issuer codes: instruments carrying them are numbered nationally, so the number alone identifies them. */
const CENTRAL_CODE = /^(?:CP|TTG|QH\d*|UBTVQH\d*|CTN|VP(?:CP|QH|TW)|B(?!CSĐ|DV)[A-ZĐ]{1,8}|TTCP|KTNN|KBNN|UBDT|TW|VKSNDTC|TANDTC)$/;

export function isCentralKey(key: string): boolean {
  return CENTRAL_CODE.test(issuerCodeOfKey(key));
}

/** The family a canonical number belongs to, from its shape (spec §1.0). */
export function familyOfNumber(number: string): InstrumentFamily {
  if (/^\d{1,5}\s*\/\s*\d{4}\s*\//.test(number)) return 'legal';
  if (/^\d{1,5}\s*-\s*[^/\s]{1,10}\s*\//.test(number)) return 'party';
  return 'admin';
}

/** Old-style tone placement ("Hoà", "Uỷ") → the placement the registry uses ("Hòa", "Ủy"). */
const OLD_TONES: Record<string, string> = {
  'oà': 'òa', 'oá': 'óa', 'oả': 'ỏa', 'oã': 'õa', 'oạ': 'ọa',
  'oè': 'òe', 'oé': 'óe', 'oẻ': 'ỏe', 'oẽ': 'õe', 'oẹ': 'ọe',
  'uỳ': 'ùy', 'uý': 'úy', 'uỷ': 'ủy', 'uỹ': 'ũy', 'uỵ': 'ụy',
};
const OLD_TONE = /o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ]/g;

/** Lower-case, NFC, single-spaced text with one tone placement, for comparing names and titles. */
export const textKey: (s: string) => string = memo(computeTextKey, 20_000);

function computeTextKey(s: string): string {
  return s
    .normalize('NFC')
    .replace(D_LOOKALIKES, 'Đ')
    .replace(d_LOOKALIKES, 'đ')
    .toLowerCase()
    .replace(OLD_TONE, (m) => OLD_TONES[m] ?? m)
    .replace(/\s+/g, ' ')
    .trim();
}

/** The title of a named law without its year ("Luật Giáo dục 2005" → "luật giáo dục") and the year, if any. */
export function lawTitle(s: string): { key: string; year: number | null } {
  const t = textKey(s).replace(/\([^)]{0,80}\)/g, ' ').replace(/\s+/g, ' ').trim();
  const m = /^(.*?)(?:,?\s(?:năm\s)?(\d{4}))?$/.exec(t);
  const key = (m?.[1] ?? t).replace(/[\s,;.]+$/, '');
  return { key, year: m?.[2] ? Number(m[2]) : null };
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-07-19" → "19/7/2024" (spec §4: the day and months 1–2 take a leading zero). */
export function dateVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = Number(m);
  return `${d}/${month < 3 ? m : String(month)}/${y}`;
}

/** "2024-07-19" → "19 July 2024". */
export function dateEn(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${Number(d)} ${MONTHS_EN[Number(m) - 1]} ${y}`;
}
