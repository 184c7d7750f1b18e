// Stage 3 — extract: the citation extractor (clean → header/sections → citations → keys),
// positions mapped back to the source file.
import { analyze } from '../../src/citations/analyze.js';
import type { AnalyzedDocument } from '../../src/citations/model.js';
import type { SourceText } from '../../src/documents/index.js';

export function extractCitations(source: SourceText): AnalyzedDocument {
  return analyze(source.text, { file: source.file, locate: (offset) => source.locate(offset) });
}
