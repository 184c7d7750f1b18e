// Read use cases over issuing bodies: which bodies the graph knows, and what became of one —
// when it ended and who took over (the 2025 reorganisation's SUCCEEDED_BY chain).
import { fold } from '../graph/core/text.js';
import type { GraphStore, IssuerDetail, IssuerNode } from '../graph/store.js';
import { UnknownRefError } from './errors.js';

const ISSUER_HINT = {
  vi: 'Khóa cơ quan có dạng <địa bàn>:<mã>, ví dụ tw:cp, hoa-binh:ubnd, hoa-binh.lac-thuy:ubnd; xem danh sách tại GET /issuers?q=…',
  en: 'An issuer key reads <jurisdiction>:<code>, e.g. tw:cp, hoa-binh:ubnd, hoa-binh.lac-thuy:ubnd; list them with GET /issuers?q=…',
};

export async function describeIssuer(store: GraphStore, key: string): Promise<IssuerDetail> {
  const detail = await store.getIssuer(key.trim());
  if (!detail) throw new UnknownRefError(key, { vi: 'cơ quan ban hành', en: 'issuer' }, ISSUER_HINT);
  return detail;
}

export interface IssuerQuery {
  /** Part of the name or key, diacritics ignored. */
  q?: string;
  /** Only bodies that ended (true) or still exist (false). */
  ended?: boolean;
  jurisdiction?: string;
}

export async function listIssuers(store: GraphStore, query: IssuerQuery): Promise<IssuerNode[]> {
  const needle = query.q ? fold(query.q) : null;
  return (await store.listIssuers()).filter(
    (issuer) =>
      (needle === null || fold(issuer.name).includes(needle) || issuer.key.includes(needle)) &&
      (query.ended === undefined || (issuer.validTo !== null) === query.ended) &&
      (query.jurisdiction === undefined || issuer.jurisdiction === query.jurisdiction || issuer.jurisdiction.startsWith(`${query.jurisdiction}.`)),
  );
}
