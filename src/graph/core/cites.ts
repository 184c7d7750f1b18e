// A citation edge as a flat tuple: the embedded store's log record and the list the Neo4j
// adapter sends (the driver packs lists far faster than maps). One layout for both.
import type { CitesEdge } from '../store.js';

export type CiteTuple = [string, string, number, number, number, number, string, string | null, string | null, string | null, string | null, string | null];

export function citeTuple(cite: CitesEdge): CiteTuple {
  return [
    cite.to,
    cite.section,
    cite.offset,
    cite.length,
    cite.line,
    cite.column,
    cite.surface,
    cite.numberWritten ?? null,
    cite.dateWritten ?? null,
    cite.date ?? null,
    cite.issuerWritten ?? null,
    cite.typeWritten ?? null,
  ];
}
