// Stage 3 — extract: the citation extractor (clean → header/sections → citations → keys),
// positions mapped back to the source file (the analyze stage of src/service/pipeline.ts).
import type { AnalyzedDocument } from '../../src/citations/model.js';
import type { SourceText } from '../../src/documents/index.js';
import { analyzeSource } from '../../src/service/pipeline.js';

export function extractCitations(source: SourceText): AnalyzedDocument {
  return analyzeSource(source);
}
