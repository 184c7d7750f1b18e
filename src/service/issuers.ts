// Read use cases over issuing bodies: which bodies the graph knows, and what became of one —
// when it ended and who took over (the 2025 reorganisation's SUCCEEDED_BY chain).
import { fold } from '../graph/core/text.js';
import type { GraphStore, IssuerDetail, IssuerNode } from '../graph/store.js';
import { UnknownRefError } from './errors.js';

const ISSUER_HINT = {
  vi: 'Khóa cơ quan có dạng <địa bàn>:<mã>, ví dụ tw:cp, hoa-binh:ubnd, hoa-binh.lac-thuy:ubnd; xem danh sách tại GET /issuers?q=…',
  en: 'An issuer key reads <jurisdiction>:<code>, e.g. tw:cp, hoa-binh:ubnd, hoa-binh.lac-thuy:ubnd; list them with GET /issuers?q=…',
};

export function unknownIssuer(ref: string): UnknownRefError {
  return new UnknownRefError(ref, { vi: 'cơ quan ban hành', en: 'issuer' }, ISSUER_HINT);
}

export async function describeIssuer(store: GraphStore, key: string): Promise<IssuerDetail> {
  const detail = await store.getIssuer(key.trim());
  if (!detail) throw unknownIssuer(key);
  return detail;
}

/** Abbreviations people write in issuer names ("UBND huyện Lạc Thủy", "Sở GD&ĐT"). */
const ABBREVIATIONS: [RegExp, string][] = [
  [/(?<![\p{L}\d])UBND(?![\p{L}\d])/giu, 'Ủy ban nhân dân'],
  [/(?<![\p{L}\d])HĐND(?![\p{L}\d])/giu, 'Hội đồng nhân dân'],
  [/(?<![\p{L}\d])GD\s*&\s*ĐT(?![\p{L}\d])|(?<![\p{L}\d])GDĐT(?![\p{L}\d])/giu, 'Giáo dục và Đào tạo'],
  [/(?<![\p{L}\d])TP\.?(?![\p{L}\d])/giu, 'thành phố'],
];

function words(text: string): string[] {
  let expanded = text;
  for (const [pattern, replacement] of ABBREVIATIONS) expanded = expanded.replace(pattern, replacement);
  return fold(expanded).split(/[^a-z0-9]+/).filter(Boolean);
}

export interface IssuerQuery {
  /** Words of the name (every one must occur; diacritics, case and common abbreviations ignored), or part of the key. */
  q?: string;
  /** Only bodies that ended (true) or still exist (false). */
  ended?: boolean;
  jurisdiction?: string;
}

export async function listIssuers(store: GraphStore, query: IssuerQuery): Promise<IssuerNode[]> {
  const needle = query.q?.trim() ? query.q.trim() : null;
  const wanted = needle ? words(needle) : [];
  return (await store.listIssuers()).filter(
    (issuer) =>
      (needle === null || issuer.key.includes(needle) || (wanted.length > 0 && wanted.every((word) => words(issuer.name).includes(word)))) &&
      (query.ended === undefined || (issuer.validTo !== null) === query.ended) &&
      (query.jurisdiction === undefined || issuer.jurisdiction === query.jurisdiction || issuer.jurisdiction.startsWith(`${query.jurisdiction}.`)),
  );
}
