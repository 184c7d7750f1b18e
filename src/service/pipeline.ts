// The stages every checking path runs, in one place: read (bytes or a string → a SourceText, the
// adapter chosen by the format registry) → analyze (the citation extractor) → lint (the rules,
// with the knowledge given). `cancu check` and POST /check take them through ./check.ts, `cancu
// extract` stops after analyze, and ingest runs them in its workers, then adds its own stages
// (the graph batch, the load).
import { analyze } from '../citations/analyze.js';
import type { AnalyzedDocument, Finding } from '../citations/model.js';
import { fromBuffer, fromString, formatOf, readDocument, type ReadOptions, type SourceText } from '../documents/index.js';
import { lint, type LintOptions } from '../lint/index.js';

/** What a check reads: a file on disk, an upload's bytes, or text given as a string (named by `file`). */
export type SourceInput = { path: string } | { bytes: Uint8Array; file: string } | { text: string; file: string };

/** Stage 1 — read: the document as text with its map back to the source (DocumentError when it cannot be read). */
export async function readSource(input: SourceInput, opts: ReadOptions = {}): Promise<SourceText> {
  if ('path' in input) return readDocument(input.path, opts);
  if ('bytes' in input) return fromBuffer(input.bytes, input.file, opts);
  return fromString(input.text, input.file, formatOf(input.file));
}

/** Stage 2 — analyze: the citations, header and sections; `file` is the name findings carry (default: the source's). */
export function analyzeSource(source: SourceText, file: string = source.file): AnalyzedDocument {
  return analyze(file === source.file ? source : { ...source, file });
}

/** Stage 3 — lint: the findings of the rules (severities by preset and configuration). */
export function lintDocument(doc: AnalyzedDocument, opts: LintOptions): Finding[] {
  return lint(doc, opts);
}
