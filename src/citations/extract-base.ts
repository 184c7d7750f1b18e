// What every reader of the extractor shares: the raw citation it builds, the few sticky patterns
// read at a citation's edges ("số", "của"), and character-level helpers that walk the cleaned
// text without building strings. Every loop is bounded by ITEM_WINDOW or a word count.
import type { RelationKind } from './model.js';
import type { ParsedSymbol } from './identifier.js';
import type { ParsedDate } from './dates.js';
import { FIRST_SYLLABLES, TYPE_WORDS, typeByWord, type DocumentType } from './vocabulary/types.js';

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

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[ \\t]+');

export const SO = /[ \t]*(?:,[ \t]*)?(số|Số|SỐ)(?![\p{L}])([ \t]*:)?/uy;
// Between "số" and the number: spaces and at most a page gap of blank lines.
export const GAP = /[ \t]*(?:\r?\n[ \t]*){0,4}/y;
export const SPACES = /[ \t]*/y;
// "cua Chính phủ": the hook lost to a typist or OCR, only before a capitalised name.
export const CUA = /[ \t]*,?[ \t]*(?:(?:của|Của|CỦA|do|giữa|liên tịch giữa|cua(?=[ \t]+\p{Lu}))[ \t]+){1,2}/uy;

// Items, subjects and lists never run past this many characters: a bound that keeps every scan
// linear on a megabyte-long single line.
export const ITEM_WINDOW = 1500;

/** End of the line containing `from`, looked for within ITEM_WINDOW characters. */
export function lineEnd(text: string, from: number): number {
  const stop = Math.min(text.length, from + ITEM_WINDOW);
  for (let i = from; i < stop; i++) if (text.charCodeAt(i) === 10) return i;
  return stop;
}

/** End of the word at `p`: letters, digits, "&", and "." or "-" inside it (codes like "GD&ĐT"). */
export function wordEndAt(text: string, p: number): number {
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
export function typeWordAt(text: string, p: number): boolean {
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

export const MAX_TYPE_WORDS = Math.max(...TYPE_WORDS.map((w) => w.split(' ').length));

export function isUpperAt(text: string, p: number): boolean {
  const ch = text[p]!;
  return ch !== ch.toLowerCase();
}

export function isLetter(code: number): boolean {
  // ASCII letters, Latin-1/Latin Extended and Vietnamese (U+1E00–U+1EFF), combining marks.
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7) || (code >= 0x1e00 && code <= 0x1eff) || (code >= 0x300 && code <= 0x36f);
}

/** A citation found at `start` with nothing yet read after its number or name. */
export function newCitation(
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

/**
 * The word that ends right before `end` (spaces and line breaks skipped), in lower case, or "(" or ":" when one
 * stands there: a cheap gate before the look-back patterns, which run only after their last word.
 */
export function wordBefore(text: string, end: number): string {
  let e = end;
  for (let c = text.charCodeAt(e - 1); e > 0 && (c === 32 || c === 9 || c === 10 || c === 13); c = text.charCodeAt(--e - 1));
  if (e > 0 && text.charCodeAt(e - 1) === 40) return '(';
  if (e > 0 && text.charCodeAt(e - 1) === 58) return ':';
  let b = e;
  while (b > 0 && e - b < 12 && isLetter(text.charCodeAt(b - 1))) b--;
  return text.slice(b, e).toLowerCase();
}
