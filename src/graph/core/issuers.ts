// Issuer identity, shared by both stores: which issuer nodes an instrument links to (ISSUED_BY)
// and what an issuer is called when nothing but its key is known. Deterministic functions of the
// instrument's issuer code and jurisdiction, so both stores derive the same links in any order.
//
// Key: `<jurisdiction>:<code slug>` — `tw:cp` (Chính phủ), `hoa-binh:ubnd` (UBND tỉnh Hòa Bình),
// `hoa-binh.lac-thuy:ubnd` (UBND huyện Lạc Thủy). Codes are read through the issuer vocabulary
// (src/citations/vocabulary/issuers.ts): informal variants fold to the official code
// ("GD&ĐT" → PGDĐT at district level, "QH15" → QH); a joint symbol ("BDVHU-PGDĐT") names two
// issuers; parts that are not issuers ("SGDĐT-TTr": a department's inspectorate) are left out.
import { issuerByCode, issuerByVariant, type IssuerCode } from '../../citations/vocabulary/issuers.js';
import { DISTRICTS, PROVINCES } from '../../citations/vocabulary/places.js';
import { codeSlug } from '../../citations/keys.js';
import type { IssuerLevel, IssuerNode, SuccessionEdge } from '../store.js';
import { compareKeys } from './text.js';

function levelOf(jurisdiction: string): IssuerLevel {
  if (jurisdiction === 'tw') return 'trung-uong';
  return jurisdiction.includes('.') ? 'huyen' : 'tinh';
}

/** The vocabulary entry of one code part, read at the level of the jurisdiction. */
function entryOf(part: string, level: IssuerLevel): IssuerCode | undefined {
  const found = issuerByCode(part) ?? issuerByVariant(part);
  if (!found) return undefined;
  // District-level variants of the Phòng GDĐT code ("GDĐT") are also the Sở's at province level.
  if (found.code === 'PGDĐT' && level === 'tinh' && part !== 'PGDĐT') return issuerByCode('SGDĐT');
  return found;
}

const KEYS_CACHE = new Map<string, readonly IssuerRef[]>();

export interface IssuerRef {
  key: string;
  code: string;
  jurisdiction: string;
}

/** The issuers an instrument with this issuer code and jurisdiction links to (ISSUED_BY), in symbol order. */
export function issuersOf(code: string | null, jurisdiction: string | null): readonly IssuerRef[] {
  if (!code || !jurisdiction) return [];
  const cacheKey = `${code}\u0000${jurisdiction}`;
  let hit = KEYS_CACHE.get(cacheKey);
  if (hit === undefined) {
    hit = computeIssuers(code, jurisdiction);
    if (KEYS_CACHE.size > 20_000) KEYS_CACHE.clear();
    KEYS_CACHE.set(cacheKey, hit);
  }
  return hit;
}

function computeIssuers(code: string, jurisdiction: string): IssuerRef[] {
  const level = levelOf(jurisdiction);
  const refs: IssuerRef[] = [];
  const seen = new Set<string>();
  for (const part of code.split('-')) {
    const entry = entryOf(part, level);
    if (!entry) continue;
    const where = entry.level === 'trung-uong' ? 'tw' : jurisdiction;
    const key = `${where}:${codeSlug(entry.code)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    refs.push({ key, code: entry.code, jurisdiction: where });
  }
  // A code the vocabulary does not know stays an issuer of its own when it is the whole code.
  if (refs.length === 0 && !code.includes('-') && /^[\p{Lu}][\p{L}\d&]*$/u.test(code)) {
    const slug = codeSlug(code);
    if (slug) refs.push({ key: `${jurisdiction}:${slug}`, code, jurisdiction });
  }
  return refs;
}

/** Splits an issuer key into jurisdiction and code slug. */
export function parseIssuerKey(key: string): { jurisdiction: string; slug: string } | null {
  const at = key.lastIndexOf(':');
  if (at <= 0 || at === key.length - 1) return null;
  return { jurisdiction: key.slice(0, at), slug: key.slice(at + 1) };
}

const provinceBySlug = new Map(PROVINCES.map((province) => [province.slug, province] as const));
const districtBySlug = new Map<string, (typeof DISTRICTS)[number]>(DISTRICTS.map((district) => [`${district.province}.${district.slug}`, district] as const));

/** "tỉnh Hòa Bình", "Thành phố Hồ Chí Minh", "huyện Lạc Thủy"; null when the place is not in the gazetteer. */
export function placeName(jurisdiction: string): { full: string; bare: string; kind: string } | null {
  if (jurisdiction === 'tw') return null;
  const district = districtBySlug.get(jurisdiction);
  if (district) return { full: `${district.kind} ${district.name}`, bare: district.name, kind: district.kind };
  const province = provinceBySlug.get(jurisdiction);
  if (province) return province.city ? { full: `Thành phố ${province.name}`, bare: province.name, kind: 'thành phố' } : { full: `tỉnh ${province.name}`, bare: province.name, kind: 'tỉnh' };
  return null;
}

/** Party committees are named after the place without its level word: "Tỉnh ủy Hòa Bình", "Thành ủy Thủ Dầu Một". */
function committeeName(code: string, place: { bare: string; kind: string } | null): string | null {
  const city = place?.kind === 'thành phố';
  const committee =
    code === 'TU' ? (city ? 'Thành ủy' : 'Tỉnh ủy') : code === 'HU' ? (city ? 'Thành ủy' : place?.kind === 'thị xã' ? 'Thị ủy' : 'Huyện ủy') : code === 'QU' ? 'Quận ủy' : null;
  if (committee) return place ? `${committee} ${place.bare}` : committee;
  if (code === 'BDVTU' || code === 'BDVHU') return `Ban Dân vận ${committeeName(code === 'BDVTU' ? 'TU' : 'HU', place) ?? ''}`.trim();
  return null;
}

/** What an issuer is called when only its key is known (the registry can say more). */
export function baseIssuer(ref: IssuerRef): IssuerNode {
  const level = levelOf(ref.jurisdiction);
  const entry = issuerByCode(ref.code);
  const place = placeName(ref.jurisdiction);
  const bodyName = entry ? entry.name.split(' / ')[0]! : ref.code;
  const name =
    committeeName(ref.code, place) ??
    (ref.jurisdiction === 'tw' ? bodyName : place ? `${bodyName} ${place.full}` : `${bodyName} (${ref.jurisdiction})`);
  return {
    key: ref.key,
    code: ref.code,
    name,
    level,
    jurisdiction: ref.jurisdiction,
    party: entry?.party ?? false,
    validFrom: null,
    validTo: null,
    source: null,
    confidence: null,
  };
}

/** An issuer known only by its key (a succession's end the batch did not describe). */
export function baseIssuerForKey(key: string): IssuerNode {
  const parsed = parseIssuerKey(key);
  if (!parsed) return baseIssuer({ key, code: key, jurisdiction: key });
  const ref = issuersOf(parsed.slug.toUpperCase(), parsed.jurisdiction).find((candidate) => candidate.key === key);
  return baseIssuer(ref ?? { key, code: parsed.slug.toUpperCase(), jurisdiction: parsed.jurisdiction });
}

/** An issuer with every field present. */
export function normalizeIssuer(issuer: IssuerNode): IssuerNode {
  return {
    key: issuer.key,
    code: issuer.code,
    name: issuer.name,
    level: issuer.level ?? null,
    jurisdiction: issuer.jurisdiction,
    party: issuer.party === true,
    validFrom: issuer.validFrom ?? null,
    validTo: issuer.validTo ?? null,
    source: issuer.source ?? null,
    confidence: issuer.confidence ?? null,
  };
}

export function normalizeSuccession(edge: SuccessionEdge): SuccessionEdge {
  return { from: edge.from, to: edge.to, date: edge.date, by: edge.by ?? null, note: edge.note ?? null, source: edge.source, confidence: edge.confidence };
}

/** SUCCEEDED_BY properties in their canonical order (the dump's). */
export function successionProps(edge: SuccessionEdge): Record<string, unknown> {
  const { from: _from, to: _to, ...props } = normalizeSuccession(edge);
  return props;
}

export function compareIssuers(a: IssuerNode, b: IssuerNode): number {
  return compareKeys(a.key, b.key);
}

/** Successor chain from `key`, nearest first, stopping at a cycle; `next` gives an issuer's successions. */
export function successorChain<T extends SuccessionEdge>(key: string, next: (key: string) => readonly T[]): T[] {
  const chain: T[] = [];
  const seen = new Set([key]);
  let at = key;
  for (;;) {
    const edges = [...next(at)].sort((a, b) => compareKeys(a.date, b.date) || compareKeys(a.to, b.to));
    const edge = edges.find((candidate) => !seen.has(candidate.to));
    if (!edge) return chain;
    chain.push(edge);
    seen.add(edge.to);
    at = edge.to;
  }
}
