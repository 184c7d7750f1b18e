// Lineage traversal shared by both stores: which edge kinds each question follows, the
// breadth-first search (depth = fewest hops; path = the lexicographically smallest key sequence
// among the shortest paths), ordering (depth, then key) and cursor pagination. A store only has
// to say, for a frontier of keys, which keys are one hop away.
import { GraphInputError } from '../errors.js';
import type { EdgeKind, InstrumentRef, LineageHit, Page } from '../store.js';
import { compareKeys } from './text.js';

/** Incoming edges followed by `implementers` (who implements, continues or guides this). */
export const IMPLEMENTER_KINDS = ['IMPLEMENTS', 'CONTINUES', 'GUIDES'] as const satisfies readonly EdgeKind[];
/** Outgoing edges followed by `basis` (what this rests on). */
export const BASIS_KINDS = ['CITES', 'BASED_ON', 'IMPLEMENTS', 'CONTINUES', 'GUIDES', 'AMENDS'] as const satisfies readonly EdgeKind[];
/** Edge kinds a lineage graph shows. */
export const LINEAGE_KINDS: readonly EdgeKind[] = [...new Set<EdgeKind>([...BASIS_KINDS, ...IMPLEMENTER_KINDS])];

export const MAX_DEPTH = 10;
export const MAX_LIMIT = 1000;

export function validateDepth(value: unknown, name = 'depth', min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > MAX_DEPTH) {
    throw new GraphInputError(
      `Tham số ${name} phải là số nguyên từ ${min} đến ${MAX_DEPTH} (nhận được ${String(value)}).`,
      `${name} must be an integer from ${min} to ${MAX_DEPTH} (got ${String(value)}).`,
      name,
    );
  }
  return value;
}

export function validateLimit(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_LIMIT) {
    throw new GraphInputError(
      `Tham số limit phải là số nguyên từ 1 đến ${MAX_LIMIT} (nhận được ${String(value)}).`,
      `limit must be an integer from 1 to ${MAX_LIMIT} (got ${String(value)}).`,
      'limit',
    );
  }
  return value;
}

/** Opaque cursor: base64url of the offset of the next item. */
export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (cursor === null || cursor === undefined || cursor === '') return 0;
  const text = typeof cursor === 'string' && /^[A-Za-z0-9_-]+={0,2}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^o:(\d{1,9})$/.exec(text);
  if (!match) {
    throw new GraphInputError(
      'Con trỏ phân trang (cursor) không hợp lệ: hãy dùng đúng giá trị nextCursor của trang trước.',
      'Invalid pagination cursor: pass the nextCursor value of the previous page unchanged.',
      'cursor',
    );
  }
  return Number(match[1]);
}

/** Slices a fully ordered list into a page. */
export function paginate<T>(items: readonly T[], limit: number, cursor: string | null | undefined): Page<T> {
  const offset = decodeCursor(cursor);
  const size = validateLimit(limit);
  const page = items.slice(offset, offset + size);
  return { items: page, nextCursor: offset + size < items.length ? encodeCursor(offset + size) : null };
}

export interface Reached {
  key: string;
  depth: number;
  path: string[];
}

/** Neighbours one hop away from each key of a frontier (duplicates and any order are fine). */
export type Expand = (frontier: string[]) => Promise<Map<string, Iterable<string>>> | Map<string, Iterable<string>>;

/**
 * Breadth-first search from `start` up to `depth` hops. Each reached key appears once, at its
 * smallest depth, with the smallest path in key order among the shortest ones: the frontier is
 * kept in path order and neighbours are visited in key order, so the first discovery of a key is
 * through its smallest path. The start itself is never a hit, even when a cycle leads back to it.
 */
export async function breadthFirst(start: string, depth: number, expand: Expand): Promise<Reached[]> {
  const paths = new Map<string, string[]>([[start, [start]]]);
  const reached: Reached[] = [];
  let frontier = [start];
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const next = await expand(frontier);
    const nextFrontier: string[] = [];
    for (const key of frontier) {
      const neighbours = next.get(key);
      if (!neighbours) continue;
      const sorted = [...new Set(neighbours)].sort(compareKeys);
      const base = paths.get(key)!;
      for (const neighbour of sorted) {
        if (paths.has(neighbour)) continue;
        const path = [...base, neighbour];
        paths.set(neighbour, path);
        reached.push({ key: neighbour, depth: level, path });
        nextFrontier.push(neighbour);
      }
    }
    frontier = nextFrontier;
  }
  return reached.sort((a, b) => a.depth - b.depth || compareKeys(a.key, b.key));
}

/** A reached instrument as a lineage hit: its reference fields, depth and path (a node not stored: null fields). */
export function lineageHit(node: InstrumentRef | undefined, reached: Reached): LineageHit {
  return {
    key: reached.key,
    type: node?.type ?? null,
    number: node?.number ?? null,
    date: node?.date ?? null,
    issuer: node?.issuer ?? null,
    depth: reached.depth,
    path: reached.path,
  };
}
