// Stage 4 — resolve: check the document (the lint stage of src/service/pipeline.ts, with the
// knowledge resolver) and turn it into the nodes and edges the graph stores (src/graph fromAnalyzed).
import type { AnalyzedDocument, Finding } from '../../src/citations/model.js';
import { fromAnalyzed } from '../../src/graph/index.js';
import type { DocumentBatch } from '../../src/graph/store.js';
import type { KnowledgeResolver } from '../../src/model/knowledge.js';
import type { Lang } from '../../src/model/schemas.js';
import { lintDocument } from '../../src/service/pipeline.js';

export interface ResolveOptions {
  file: string;
  contentHash: string;
  lang: Lang;
  resolver: KnowledgeResolver | null;
  /** Judge every document at this date instead of its own. */
  asOf: string | null;
}

export function resolveDocument(doc: AnalyzedDocument, opts: ResolveOptions): { batch: DocumentBatch; findings: Finding[] } {
  const findings = lintDocument(doc, { lang: opts.lang, resolver: opts.resolver, asOf: opts.asOf });
  const batch = fromAnalyzed(doc, { file: opts.file, contentHash: opts.contentHash, findings });
  return { batch, findings };
}
