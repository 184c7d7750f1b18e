// Text comparisons both stores share, so that search and conflict detection give the same answer
// in memory and in Neo4j (Neo4j stores the folded forms as properties computed by these functions).
import type { InstrumentNode } from '../store.js';
import { detach, memo } from '../../citations/memo.js';

/** Lower case, no diacritics ("đ" → "d"), single spaces: "Ủy ban  nhân dân" → "uy ban nhan dan". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Running number of a canonical number without leading zeros: "04/2015/NĐ-CP" → "4"; null when it has none. */
export function seqOf(number: string | null): string | null {
  if (!number) return null;
  const match = /^\s*0*(\d+)/.exec(number);
  return match ? match[1]! : null;
}

/** Normalises a seq query the same way ("04" → "4"). */
export function normalizeSeq(seq: string): string {
  const digits = seq.trim().replace(/^0+(?=\d)/, '');
  return digits;
}

/** Folded text searched by `InstrumentSearch.text`: number, type, subject and issuer. */
export function searchTextOf(node: Pick<InstrumentNode, 'number' | 'type' | 'subject' | 'issuer'>): string {
  return fold([node.number, node.type, node.subject, node.issuer].filter((part) => part).join(' | '));
}

export function issuerFoldOf(issuer: string | null): string | null {
  return issuer ? fold(issuer) : null;
}

// Abbreviations that name the same body ("UBND tỉnh" = "Ủy ban nhân dân tỉnh"), applied to folded
// text before two issuer phrases are compared. Only what the plans actually use; the registry of
// issuers (src/citations/vocabulary) is the place for more.
const ISSUER_ABBREVIATIONS: [RegExp, string][] = [
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bhdnd\b/g, 'hoi dong nhan dan'],
  [/\bubmttq(vn)?\b/g, 'uy ban mat tran to quoc'],
  [/\bs?gd\s*(&|va)?\s*dt\b/g, 'giao duc va dao tao'],
  [/\bgddt\b/g, 'giao duc va dao tao'],
  [/\bbch\b/g, 'ban chap hanh'],
  [/\bbtv\b/g, 'ban thuong vu'],
  [/\btw\b/g, 'trung uong'],
  [/\btp\.?\b/g, 'thanh pho'],
  [/\bttg\b/g, 'thu tuong chinh phu'],
];

export const issuerComparable = memo(computeIssuerComparable);

function computeIssuerComparable(issuer: string): string {
  let text = fold(issuer);
  for (const [pattern, replacement] of ISSUER_ABBREVIATIONS) text = text.replace(pattern, replacement);
  return text
    .replace(/^cua\s+/, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Do two issuer phrases name the same body? After expansion, the words of one are all among the
 * words of the other ("Sở GD&ĐT Hòa Bình" = "Sở Giáo dục và Đào tạo tỉnh Hòa Bình";
 * "UBND tỉnh" = "Ủy ban nhân dân tỉnh Hòa Bình"), unless what the longer one adds is a person's
 * title ("Chính phủ" ≠ "Thủ tướng Chính phủ").
 */
export function sameIssuer(a: string, b: string): boolean {
  if (a === b) return true;
  // The same few pairs recur (an instrument stored as "Ủy ban nhân dân tỉnh X", cited as "UBND tỉnh X").
  let known = issuerPairs.get(a);
  if (known === undefined) {
    if (issuerPairs.size >= 10_000) issuerPairs.clear();
    known = new Map();
    issuerPairs.set(detach(a), known);
  }
  let same = known.get(b);
  if (same === undefined) {
    if (known.size >= 1_000) known.clear();
    same = compareIssuers(a, b);
    known.set(detach(b), same);
  }
  return same;
}

/** Bounded memo of `sameIssuer`: first phrase → second phrase → answer. */
const issuerPairs = new Map<string, Map<string, boolean>>();

function compareIssuers(a: string, b: string): boolean {
  const x = issuerComparable(a);
  const y = issuerComparable(b);
  if (x === y) return true;
  if (!x || !y) return false;
  const wx = x.split(' ');
  const wy = y.split(' ');
  const [short, long] = wx.length <= wy.length ? [wx, wy] : [wy, wx];
  const longSet = new Set(long);
  if (!short.every((word) => longSet.has(word))) return false;
  const shortSet = new Set(short);
  const extra = long.filter((word) => !shortSet.has(word)).join(' ');
  return !/\b(thu tuong|bo truong|chu tich|giam doc|truong phong|hieu truong)\b/.test(extra);
}

const foldMemo = memo(fold);

export function sameType(a: string, b: string): boolean {
  return a === b || foldMemo(a) === foldMemo(b);
}

const COMBINING = /[\u0300-\u036f]/;

/** NFC form of a string; text without combining marks (almost all of it) is returned as is, unscanned by ICU. */
export function nfc(text: string): string {
  return COMBINING.test(text) ? text.normalize('NFC') : text;
}

/** Byte-order comparison (UTF-16 code units) — the order Cypher uses for ASCII keys. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** URL-safe slug: "Sở GD&ĐT" → "so-gd-dt". */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
