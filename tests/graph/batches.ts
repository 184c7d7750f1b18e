// Hand-made document batches for the store contract: small, readable, with the keys the
// extractor would build (vn:<jurisdiction>:<type-issuer>:<year>:<seq>).
import type { CitesEdge, DocumentBatch, InstrumentNode, RelationEdge } from '../../src/graph/store.js';

export function instrument(key: string, props: Partial<InstrumentNode> = {}): InstrumentNode {
  return {
    key,
    type: null,
    number: null,
    family: null,
    date: null,
    year: null,
    issuer: null,
    issuerCode: null,
    jurisdiction: null,
    subject: null,
    status: 'unknown',
    isDocument: false,
    ...props,
  };
}

export interface CiteSpec {
  to: string;
  offset?: number;
  section?: string;
  surface?: string;
  date?: string | null;
  issuer?: string | null;
  type?: string | null;
}

export interface DocSpec {
  key: string;
  file?: string;
  hash?: string;
  node?: Partial<InstrumentNode>;
  /** Cited instruments (one node each). */
  instruments?: InstrumentNode[];
  cites?: CiteSpec[];
  relations?: [from: string, kind: RelationEdge['kind'], to: string][];
  findings?: DocumentBatch['findings'];
}

export function doc(spec: DocSpec): DocumentBatch {
  const cites: CitesEdge[] = (spec.cites ?? []).map((cite, i) => {
    const offset = cite.offset ?? 100 + i * 60;
    const surface = cite.surface ?? `Văn bản ${cite.to}`;
    return {
      from: spec.key,
      to: cite.to,
      section: cite.section ?? 'body',
      offset,
      length: surface.length,
      line: 3 + i,
      column: 1,
      surface,
      numberWritten: null,
      dateWritten: cite.date ?? null,
      date: cite.date ?? null,
      issuerWritten: cite.issuer ?? null,
      typeWritten: cite.type ?? null,
    };
  });
  return {
    document: instrument(spec.key, {
      type: 'Kế hoạch',
      isDocument: true,
      file: spec.file ?? `plans/${spec.key.replace(/[^a-z0-9]+/gi, '_')}.txt`,
      contentHash: spec.hash ?? `hash-${spec.key}`,
      ...spec.node,
    }),
    instruments: spec.instruments ?? [...new Set((spec.cites ?? []).map((cite) => cite.to))].map((key) => instrument(key)),
    cites,
    relations: (spec.relations ?? []).map(([from, kind, to]) => ({ from, to, kind, source: spec.key })),
    findings: spec.findings ?? [],
  };
}
