// Stages 2–4 for one file, as one pure step: parse → extract → resolve (lint, graph batch), plus
// the status events the document itself states ("… thay thế Quyết định số …"), which travel with
// its batch. Runs in the ingest's own thread or in a worker (./pool.ts): same input, same output.
import type { Finding } from '../../src/citations/model.js';
import { emptyDocumentError } from '../../src/documents/index.js';
import type { DocumentBatch } from '../../src/graph/store.js';
import { learnFacts } from '../../src/knowledge/learn.js';
import type { KnowledgeResolver } from '../../src/model/knowledge.js';
import type { Lang } from '../../src/model/schemas.js';
import { extractCitations } from './extract.js';
import { parseInput } from './parse.js';
import type { ReadFile } from './read.js';
import { resolveDocument } from './resolve.js';

export interface AnalyzeContext {
  lang: Lang;
  resolver: KnowledgeResolver | null;
  asOf: string | null;
}

export interface AnalyzedFile {
  batch: DocumentBatch;
  findings: Finding[];
}

export async function analyzeFile(read: ReadFile, ctx: AnalyzeContext): Promise<AnalyzedFile> {
  const source = await parseInput(read);
  // An empty file is not a plan: refused with its reason, like `cancu check` does.
  if (source.text.trim() === '') throw emptyDocumentError(read.file);
  const doc = extractCitations(source);
  const { batch, findings } = resolveDocument(doc, { file: read.file, contentHash: read.contentHash, lang: ctx.lang, resolver: ctx.resolver, asOf: ctx.asOf });
  const key = batch.document.key;
  for (const fact of learnFacts(doc)) {
    const subject = doc.citations.find((c) => c.key !== null && c.canonicalNumber === fact.subject);
    if (!subject?.key || subject.key === key) continue;
    (batch.statusEvents ??= []).push({
      key: subject.key,
      event: { kind: fact.event.kind, by: key, date: fact.event.date, confidence: fact.event.confidence, source: key, note: fact.evidence.slice(0, 300) },
    });
  }
  return { batch, findings };
}
