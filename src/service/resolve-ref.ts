// Turning what a user typed (a canonical key, or a citation as people write it: "Chỉ thị
// 05-CT/TW", "NĐ 30/2020", "Kế hoạch số 144/KH-UBND") into one canonical key of the store.
import { parseReference } from '../citations/reference.js';
import { DOCUMENT_EXTENSIONS } from '../documents/formats.js';
import type { GraphStore, InstrumentNode, InstrumentSearch } from '../graph/store.js';
import { AmbiguousRefError, UnknownRefError, type Candidate } from './errors.js';

/** Most candidates listed in an ambiguity answer. */
const MAX_CANDIDATES = 20;

export function toCandidate(node: InstrumentNode): Candidate {
  return { key: node.key, type: node.type, number: node.number, date: node.date, issuer: node.issuer };
}

/** What a citation says, as store search criteria; null when the text is not a citation at all. */
export function searchCriteriaFor(text: string): Omit<InstrumentSearch, 'limit' | 'cursor'> | null {
  const parsed = parseReference(text);
  if (!parsed) return null;
  const criteria: Omit<InstrumentSearch, 'limit' | 'cursor'> = {};
  if (parsed.canonicalNumber) criteria.number = parsed.canonicalNumber;
  else if (parsed.seq) criteria.seq = parsed.seq;
  else return null;
  if (parsed.type) criteria.type = parsed.type;
  if (parsed.year !== null) criteria.year = parsed.year;
  return criteria;
}

/** Whether `ref` reads as a file name (it ends with an extension src/documents reads). */
export function looksLikeFile(ref: string): boolean {
  const lower = ref.trim().toLowerCase();
  return DOCUMENT_EXTENSIONS.some((extension) => lower.endsWith(extension));
}

/**
 * The ingested document read from the file `ref`: its name as recorded at ingest ("fixtures/plans/
 * 003_….txt"), or the end of it after a "/" ("003_….txt") when only one recorded name ends so.
 * null when no ingested file matches; AmbiguousRefError when several do.
 */
export async function documentByFile(store: GraphStore, ref: string): Promise<string | null> {
  if (!store.ingestedFiles) return null;
  const wanted = ref.trim().normalize('NFC').replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  const files = await store.ingestedFiles();
  const exact = files.find((entry) => entry.file.normalize('NFC') === wanted);
  if (exact) return exact.key;
  const ending = files.filter((entry) => entry.file.normalize('NFC').endsWith(`/${wanted}`));
  if (ending.length === 1) return ending[0]!.key;
  if (ending.length === 0) return null;
  const nodes = await Promise.all(ending.slice(0, MAX_CANDIDATES).map((entry) => store.getInstrument(entry.key)));
  throw new AmbiguousRefError(ref, nodes.flatMap((detail) => (detail ? [toCandidate(detail.instrument)] : [])));
}

/**
 * Resolves `ref` to the key of one stored instrument.
 * 0. The file name of an ingested plan (as recorded, or its end after a "/") → that document.
 * 1. A canonical key (or a citation whose key can be built) that the store knows → that key.
 * 2. Otherwise the citation's number/type/year are searched: one match → it; several → the one
 *    whose canonical number and issuer code match exactly, if there is exactly one; else
 *    AmbiguousRefError listing the candidates.
 * 3. Nothing → UnknownRefError with a hint.
 */
export async function resolveRef(store: GraphStore, ref: string): Promise<string> {
  if (looksLikeFile(ref)) {
    const key = await documentByFile(store, ref);
    if (key) return key;
  }
  const text = ref.normalize('NFC').trim();
  const parsed = text ? parseReference(text) : null;
  if (!parsed) throw new UnknownRefError(ref);

  if (parsed.key && (await store.getInstrument(parsed.key))) return parsed.key;

  const criteria = searchCriteriaFor(text);
  if (!criteria) throw new UnknownRefError(ref);
  const { items } = await store.searchInstruments({ ...criteria, limit: MAX_CANDIDATES + 1 });
  if (items.length === 1) return items[0]!.key;
  if (items.length === 0) throw new UnknownRefError(ref);

  const exact = items.filter(
    (node) =>
      parsed.canonicalNumber !== null &&
      node.number === parsed.canonicalNumber &&
      (parsed.issuerCode === null || node.issuerCode === null || node.issuerCode === parsed.issuerCode),
  );
  if (exact.length === 1) return exact[0]!.key;
  throw new AmbiguousRefError(ref, items.slice(0, MAX_CANDIDATES).map(toCandidate));
}

/**
 * Runs `query` on the instrument `ref` names and returns the key with the answer. The common case
 * — a canonical key — is queried directly, and only an answer that `found` says is empty pays for
 * checking that the key exists (then for the full resolution of `resolveRef`). This keeps a
 * lineage request to one store call.
 */
export async function queryByRef<T>(
  store: GraphStore,
  ref: string,
  query: (key: string) => Promise<T>,
  found: (answer: T) => boolean,
): Promise<{ key: string; answer: T }> {
  const direct = parseReference(ref.normalize('NFC').trim())?.key ?? null;
  if (direct) {
    const answer = await query(direct);
    if (found(answer) || (await store.getInstrument(direct))) return { key: direct, answer };
  }
  const key = await resolveRef(store, ref);
  return { key, answer: await query(key) };
}
