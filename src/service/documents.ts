// Use cases over ingested documents: the citations (and findings) stored for one plan, and the
// ingest of one uploaded file through the same pipeline `cancu ingest` uses.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { documentKeyForFile } from '../graph/from-analyzed.js';
import type { GraphStore, InstrumentNode, StoredCitation, StoredFinding } from '../graph/store.js';
import { emptyDocumentError, fromBuffer } from '../documents/index.js';
import { NotConfiguredError, UnknownRefError, UnreadableDocumentError } from './errors.js';
import { queryByRef } from './resolve-ref.js';
import type { Severity } from '../model/check.js';

/** What the API reads from the ingest pipeline's summary (ingest/pipeline.ts `IngestSummary`). */
export interface IngestReport {
  documents: number;
  citations: number;
  unchanged: number;
  findingsBySeverity: Record<Severity, number>;
  failures: { file: string; reason: string }[];
}

/**
 * The ingest pipeline as the API needs it (ingest/pipeline.ts `ingest`), injected by the
 * composition root so that src/ does not import ingest/.
 */
export type IngestFiles = (paths: string[], options: { store: GraphStore; root?: string }) => Promise<IngestReport>;

export interface DocumentCitations {
  document: InstrumentNode;
  citations: StoredCitation[];
  findings: StoredFinding[];
}

/** `ref` is a document key, a citation of the plan's own number, or the file name it was ingested from. */
export async function listDocumentCitations(store: GraphStore, ref: string): Promise<DocumentCitations> {
  let stored: DocumentCitations | null;
  try {
    stored = (await queryByRef(store, ref, (key) => store.documentCitations(key), (answer) => answer !== null)).answer;
  } catch (error) {
    if (!(error instanceof UnknownRefError)) throw error;
    stored = await store.documentCitations(documentKeyForFile(ref.normalize('NFC').trim()));
  }
  if (!stored) throw new UnknownRefError(ref, { vi: 'văn bản đã nạp', en: 'ingested document' });
  return stored;
}

export interface Upload {
  bytes: Uint8Array;
  /** The client's file name, without directories. */
  filename: string;
}

export interface IngestedUpload {
  /** The name the document is recorded under. */
  file: string;
  /** Key of the ingested document (null if the store cannot tell). */
  key: string | null;
  /** False when the same file with the same content was already ingested. */
  written: boolean;
  citations: number;
  findings: Record<Severity, number>;
}

/**
 * Ingests one uploaded file. It is read first, so an unreadable file is refused with its precise
 * reason before anything reaches the store. The pipeline reads files, so the bytes are then
 * written to a private temporary directory under their own name (which becomes the recorded
 * file name), ingested, and removed.
 */
export async function ingestUpload(store: GraphStore, ingest: IngestFiles | null | undefined, upload: Upload): Promise<IngestedUpload> {
  if (!ingest) {
    throw new NotConfiguredError(
      'Máy chủ này không được nối với bộ nạp văn bản (ingest); hãy chạy bằng "cancu serve".',
      'This server was started without the ingest pipeline; run it with "cancu serve".',
    );
  }
  const source = await fromBuffer(upload.bytes, upload.filename);
  if (source.text.trim() === '') throw emptyDocumentError(upload.filename);

  const dir = await mkdtemp(path.join(tmpdir(), 'cancu-upload-'));
  let report: IngestReport;
  try {
    await writeFile(path.join(dir, upload.filename), upload.bytes, { flag: 'wx', mode: 0o600 });
    report = await ingest([path.join(dir, upload.filename)], { store, root: dir });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const failure = report.failures[0];
  if (failure) {
    throw new UnreadableDocumentError(
      `Không nạp được tệp "${upload.filename}": ${failure.reason}`,
      `Could not ingest "${upload.filename}": ${failure.reason}`,
      'ingest_failed',
    );
  }
  const recorded = (await store.ingestedFiles?.())?.find((entry) => entry.file === upload.filename);
  return {
    file: upload.filename,
    key: recorded?.key ?? null,
    written: report.documents > 0,
    citations: report.citations,
    findings: report.findingsBySeverity,
  };
}
