// Read use cases over instruments: what is this instrument, who implements it, what does it rest
// on, its whole lineage, and search. A user's reference is resolved to a canonical key on the way
// (resolve-ref.ts); the store answers plain objects.
import type { GraphStore, InstrumentDetail, InstrumentNode, LineageHit, EdgeKind } from '../graph/store.js';
import { InvalidInputError, UnknownRefError } from './errors.js';
import { queryByRef, searchCriteriaFor } from './resolve-ref.js';

export interface PageOptions {
  depth: number;
  limit: number;
  cursor?: string | null;
}

export interface LineagePage {
  /** The resolved canonical key of the instrument asked about. */
  key: string;
  depth: number;
  items: LineageHit[];
  nextCursor: string | null;
}

export async function describeInstrument(store: GraphStore, ref: string): Promise<InstrumentDetail> {
  const { answer } = await queryByRef(store, ref, (key) => store.getInstrument(key), (detail) => detail !== null);
  // Deleted between resolution and reading: report it as unknown rather than as a server fault.
  if (!answer) throw new UnknownRefError(ref);
  return answer;
}

/** Plans and instruments that implement `ref`, directly and through their own implementers. */
export async function findImplementers(store: GraphStore, ref: string, options: PageOptions): Promise<LineagePage> {
  const { key, answer } = await queryByRef(store, ref, (k) => store.implementers(k, options), (page) => page.items.length > 0);
  return { key, depth: options.depth, items: answer.items, nextCursor: answer.nextCursor };
}

/** What `ref` rests on, up to the central instruments. */
export async function findBasis(store: GraphStore, ref: string, options: PageOptions): Promise<LineagePage> {
  const { key, answer } = await queryByRef(store, ref, (k) => store.basis(k, options), (page) => page.items.length > 0);
  return { key, depth: options.depth, items: answer.items, nextCursor: answer.nextCursor };
}

export interface Lineage {
  key: string;
  nodes: InstrumentNode[];
  edges: { from: string; to: string; kind: EdgeKind }[];
}

/** The neighbourhood of `ref`: `up` hops of basis and `down` hops of implementers, as a graph. */
export async function traceLineage(store: GraphStore, ref: string, options: { up: number; down: number }): Promise<Lineage> {
  const { key, answer } = await queryByRef(store, ref, (k) => store.lineage(k, options), (graph) => graph.nodes.length > 0);
  return { key, nodes: answer.nodes, edges: answer.edges };
}

export interface SearchInput {
  q?: string;
  type?: string;
  issuer?: string;
  issuerKey?: string;
  year?: number;
  limit: number;
  cursor?: string | null;
}

export interface SearchResult {
  /** How `q` was understood: as a citation (number/type/year) or as free text. */
  interpretedAs: 'citation' | 'text' | 'none';
  items: InstrumentNode[];
  nextCursor: string | null;
}

/**
 * Searches instruments. `q` written as a citation ("NĐ 30/2020", "Chỉ thị 05-CT/TW") is matched by
 * number, type and year; when that finds nothing, `q` is searched as free text. The cursor
 * remembers which reading produced the first page, so later pages continue the same search.
 */
export async function searchInstruments(store: GraphStore, input: SearchInput): Promise<SearchResult> {
  const filters = definedOnly({ type: input.type, issuer: input.issuer, year: input.year, issuerKey: input.issuerKey });
  const q = input.q?.normalize('NFC').trim() || undefined;
  const resumed = input.cursor ? decodeSearchCursor(input.cursor) : null;
  const criteria = q ? searchCriteriaFor(q) : null;

  const run = async (interpretedAs: SearchResult['interpretedAs'], cursor: string | null): Promise<SearchResult> => {
    const query =
      interpretedAs === 'citation'
        ? { ...criteria, ...filters } // explicit filters win over what the citation implies
        : interpretedAs === 'text'
          ? { ...filters, text: q }
          : filters;
    const page = await store.searchInstruments({ ...query, limit: input.limit, cursor });
    return {
      interpretedAs,
      items: page.items,
      nextCursor: page.nextCursor === null ? null : encodeSearchCursor(interpretedAs, page.nextCursor),
    };
  };

  if (resumed) {
    if (resumed.interpretedAs === 'citation' && !criteria) throw invalidCursor();
    return run(resumed.interpretedAs, resumed.cursor);
  }
  if (!q) return run('none', null);
  if (criteria) {
    const byCitation = await run('citation', null);
    if (byCitation.items.length > 0) return byCitation;
  }
  return run('text', null);
}

const CURSOR_PREFIX: Record<SearchResult['interpretedAs'], string> = { citation: 'c', text: 't', none: 'n' };

function encodeSearchCursor(interpretedAs: SearchResult['interpretedAs'], storeCursor: string): string {
  return `${CURSOR_PREFIX[interpretedAs]}.${storeCursor}`;
}

function decodeSearchCursor(cursor: string): { interpretedAs: SearchResult['interpretedAs']; cursor: string } {
  const mode = (Object.keys(CURSOR_PREFIX) as SearchResult['interpretedAs'][]).find((m) => cursor.startsWith(`${CURSOR_PREFIX[m]}.`));
  if (!mode) throw invalidCursor();
  return { interpretedAs: mode, cursor: cursor.slice(2) };
}

function invalidCursor(): InvalidInputError {
  return new InvalidInputError(
    'Con trỏ phân trang (cursor) không hợp lệ; hãy dùng đúng giá trị nextCursor của trang trước, cùng các tham số tìm kiếm.',
    'Invalid pagination cursor; pass the previous page\'s nextCursor unchanged, with the same search parameters.',
  );
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}
