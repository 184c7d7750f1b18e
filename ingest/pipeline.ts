// The ingest pipeline: paths → read → parse → extract → resolve → load, one document at a time in
// a fixed order (sorted file names), written in batches. `cancu ingest`, `cancu serve` and
// POST /documents call `ingest()`.
//
// Idempotent: a file whose recorded name and content hash are already in the store is skipped
// before it is even parsed (counted as unchanged). Crash-safe: each document is written with its
// hash atomically, so after a kill the next run skips exactly the documents that landed and redoes
// the rest, giving the same graph as one clean run. A file that fails (unreadable, binary, refused
// by the store) is reported with its reason and the others go on; a store that is down stops the
// run with StoreUnavailableError.
//
// Knowledge: before the documents, the bundled registry is written into the store (vetted
// instruments, status events, REPLACES / REPEALS / AMENDS, issuers and the 2025 successions —
// src/knowledge/graph-facts.ts), once per registry version. Each document batch carries the
// registry's description of its issuers (validity, SUCCEEDED_BY) and the status events the
// document itself states, written atomically with it.
import { resolve as resolvePath } from 'node:path';
import type { Finding, Severity } from '../src/citations/model.js';
import type { DocumentBatch, GraphStore, KnowledgeSummary } from '../src/graph/store.js';
import { issuersOf, type IssuerRef } from '../src/graph/core/issuers.js';
import { createIssuerFacts, knowledgeVersion, registryKnowledge, type IssuerFacts } from '../src/knowledge/graph-facts.js';
import type { Registry } from '../src/knowledge/registry-files.js';
import type { KnowledgeResolver } from '../src/model/knowledge.js';
import type { Lang } from '../src/model/schemas.js';
import { loadRegistry } from '../src/knowledge/registry.js';
import { createRegistryResolver } from '../src/knowledge/resolver.js';
import { analyzeFile, type AnalyzedFile } from './stages/analyze.js';
import { Loader, reasonOf } from './stages/load.js';
import { AnalyzePool, defaultJobs, PoolFailure } from './stages/pool.js';
import { expandInputs, readInput, type Failure, type InputFile, type ReadFile } from './stages/read.js';

export interface IngestProgress {
  /** Files found to ingest (after expanding folders and globs). */
  total: number;
  /** Files dealt with so far (written, unchanged or failed). */
  done: number;
  /** Documents written so far. */
  documents: number;
  unchanged: number;
  failed: number;
  citations: number;
  /** The file just dealt with. */
  file: string | null;
}

export interface IngestOptions {
  store: GraphStore;
  /** Documents per store write (default 500). */
  batchSize?: number;
  /** Called after every file. */
  onProgress?: (progress: IngestProgress) => void;
  /** The findings of each document as it is checked (lint, then cross-document inconsistencies). */
  onFindings?: (file: string, findings: Finding[]) => void;
  /** Resolves relative paths and globs (default process.cwd()). */
  cwd?: string;
  /** Recorded file names are relative to this folder (default: cwd). */
  root?: string;
  /** Language of the findings (and of the messages stored with documents). Default 'vi'. */
  lang?: Lang;
  /** Knowledge for the checks; default: the bundled registry. null: checks that need knowledge are skipped. */
  resolver?: KnowledgeResolver | null;
  /** Judge every document at this ISO date instead of its own date. */
  asOf?: string | null;
  /** Re-ingest files even when unchanged (after an extractor upgrade). */
  force?: boolean;
  /** The registry written into the store before the documents; default: the bundled one. null: none. */
  registry?: Registry | null;
  /**
   * Threads analysing files (parse, extract, check). Default (stages/pool.ts defaultJobs): 1 below
   * 32 files or 4 cores, else one per core but one, at most 8. Workers need the built package and
   * the bundled knowledge (no `resolver`); otherwise files are analysed in this thread.
   */
  jobs?: number;
}

export interface IngestSummary {
  /** Files found. */
  files: number;
  /** Documents written (new or changed). */
  documents: number;
  /** Citation edges written. */
  citations: number;
  instrumentsNew: number;
  instrumentsUpdated: number;
  /** Files skipped because already ingested with the same content. */
  unchanged: number;
  /** Findings reported (lint + cross-document inconsistencies). */
  findings: number;
  findingsBySeverity: Record<Severity, number>;
  failures: Failure[];
  /** What the registry load did (null when no registry was given). */
  knowledge?: KnowledgeSummary | null;
  ms: number;
}

/** How many files are read ahead while the current one is analysed. */
const READ_AHEAD = 16;

let defaultResolver: KnowledgeResolver | null | undefined;
function bundledResolver(): KnowledgeResolver | null {
  if (defaultResolver === undefined) {
    const registry = bundledRegistry();
    defaultResolver = registry ? createRegistryResolver(registry) : null;
  }
  return defaultResolver;
}

let defaultRegistry: Registry | null | undefined;
function bundledRegistry(): Registry | null {
  if (defaultRegistry === undefined) {
    try {
      defaultRegistry = loadRegistry();
    } catch {
      defaultRegistry = null;
    }
  }
  return defaultRegistry;
}

/**
 * Writes the registry's knowledge into the store. When the store already holds this version the
 * batch is not even built: every ingest (each POST /documents too) starts here.
 */
export async function loadKnowledge(store: GraphStore, registry: Registry): Promise<KnowledgeSummary> {
  if ((await store.knowledgeVersion()) === knowledgeVersion(registry)) {
    return { written: false, instruments: 0, statusEvents: 0, relations: 0, issuers: 0, successions: 0 };
  }
  const existing: IssuerRef[] = (await store.listIssuers()).map((issuer) => ({ key: issuer.key, code: issuer.code, jurisdiction: issuer.jurisdiction }));
  return store.writeKnowledge(registryKnowledge(registry, existing));
}

/**
 * Attaches to each batch the registry's description of the issuers it links to — only issuers
 * with something to say (an end, a successor) and only once per run: the store describes the
 * others from their key.
 */
class IssuerDescriber {
  private readonly facts: IssuerFacts;
  private readonly sent = new Set<string>();
  constructor(registry: Registry) {
    this.facts = createIssuerFacts(registry);
  }
  describe(batch: DocumentBatch): void {
    const refs: IssuerRef[] = [];
    for (const node of [batch.document, ...batch.instruments]) {
      for (const ref of issuersOf(node.issuerCode, node.jurisdiction)) if (!this.sent.has(ref.key)) refs.push(ref);
    }
    if (refs.length === 0) return;
    const { issuers, successions } = this.facts.describe(refs);
    for (const ref of refs) this.sent.add(ref.key);
    const notable = issuers.filter((issuer) => issuer.validTo !== null || issuer.validFrom !== null || successions.some((edge) => edge.to === issuer.key));
    if (notable.length > 0) batch.issuers = notable;
    if (successions.length > 0) batch.successions = successions;
  }
}

export async function ingest(paths: string[], opts: IngestOptions): Promise<IngestSummary> {
  const started = performance.now();
  const cwd = resolvePath(opts.cwd ?? process.cwd());
  const root = opts.root ? resolvePath(cwd, opts.root) : cwd;
  const lang = opts.lang ?? 'vi';
  const force = opts.force === true;
  const resolver = opts.resolver === undefined ? bundledResolver() : opts.resolver;
  const findingsBySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let findings = 0;
  const report = (file: string, list: Finding[]) => {
    if (list.length === 0) return;
    findings += list.length;
    for (const finding of list) findingsBySeverity[finding.severity]++;
    opts.onFindings?.(file, list);
  };

  const registry = opts.registry === undefined ? bundledRegistry() : opts.registry;
  const knowledge = registry ? await loadKnowledge(opts.store, registry) : null;
  const describer = registry ? new IssuerDescriber(registry) : null;

  const { files, failures } = await expandInputs(paths, { cwd, root });
  // Which file holds which document key: to skip unchanged files, to replace a file's document
  // when its key changed, and to refuse a second file claiming a key another file holds.
  const byFile = new Map<string, { key: string; contentHash: string }>();
  const owner = new Map<string, string>();
  for (const entry of (await opts.store.ingestedFiles?.()) ?? []) {
    byFile.set(entry.file, { key: entry.key, contentHash: entry.contentHash });
    owner.set(entry.key, entry.file);
  }
  let done = 0;
  let skipped = 0;
  const loader = new Loader(opts.store, {
    batchSize: Math.max(1, opts.batchSize ?? 500),
    force,
    lang,
    onConflicts: (list) => {
      const byFile = new Map<string, Finding[]>();
      for (const finding of list) byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
      for (const [file, group] of byFile) report(file, group);
    },
    onFailure: (failure) => failures.push(failure),
    onWritten: () => progress(null),
  });
  const progress = (file: string | null) =>
    opts.onProgress?.({
      total: files.length,
      done,
      documents: loader.totals.documents,
      unchanged: skipped + loader.totals.unchanged,
      failed: failures.length,
      citations: loader.totals.citations,
      file,
    });

  // Files are read ahead; with a pool of workers they are also analysed ahead, in parallel. Either
  // way they are taken in file order below, so the graph is the same whatever the parallelism.
  const context = { lang, resolver, asOf: opts.asOf ?? null };
  const pool = opts.resolver === undefined ? AnalyzePool.create(opts.jobs ?? defaultJobs(files.length), { lang, asOf: opts.asOf ?? null }) : null;
  const ahead = pool ? Math.max(READ_AHEAD, pool.size * 8) : READ_AHEAD;
  type Prepared = { read: ReadFile; unchanged: boolean; analysed: AnalyzedFile | null };
  const prepare = async (input: InputFile): Promise<Prepared> => {
    const read = await readInput(input);
    // byFile changes only for files already taken, so this is the entry the loop will see.
    const unchanged = !force && byFile.get(read.file)?.contentHash === read.contentHash;
    return { read, unchanged, analysed: !unchanged && pool ? await pool.analyze(read) : null };
  };
  const jobs: (Promise<Prepared> | undefined)[] = [];
  const startAt = (index: number) => {
    if (index < files.length && !jobs[index]) {
      jobs[index] = prepare(files[index]!);
      jobs[index]!.catch(() => undefined); // handled when awaited
    }
  };
  for (let i = 0; i < Math.min(ahead, files.length); i++) startAt(i);

  try {
    for (let index = 0; index < files.length; index++) {
      startAt(index + ahead);
      const input = files[index]!;
      try {
        const prepared = await jobs[index]!;
        jobs[index] = undefined;
        const read = prepared.read;
        const previous = byFile.get(read.file);
        if (prepared.unchanged) {
          skipped++;
        } else {
          const { batch, findings: lintFindings } = prepared.analysed ?? (await analyzeFile(read, context));
          const key = batch.document.key;
          const holder = owner.get(key);
          if (holder !== undefined && holder !== read.file && !force) {
            throw new Error(
              `Văn bản có cùng khóa ${key} với tệp đã nạp ${holder} (cùng số, ký hiệu, năm và cơ quan ban hành): không ghi đè; kiểm tra số văn bản, hoặc nạp lại với --force để tệp này thay thế. ` +
                `(Same document key as the ingested file ${holder}: not overwritten; check the document number, or re-ingest with --force to replace it.)`,
            );
          }
          if (previous && previous.key !== key && owner.get(previous.key) === read.file) {
            batch.supersedes = [previous.key];
            owner.delete(previous.key);
          }
          owner.set(key, read.file);
          byFile.set(read.file, { key, contentHash: read.contentHash });
          report(read.file, lintFindings);
          describer?.describe(batch);
          await loader.add({ file: read.file, batch });
        }
      } catch (error) {
        jobs[index] = undefined;
        if (isStoreDown(error) || error instanceof PoolFailure) throw error;
        failures.push({ file: input.file, reason: reasonOf(error) });
      }
      done++;
      progress(input.file);
    }
  } finally {
    await pool?.close();
  }
  await loader.flush();
  return {
    files: files.length,
    documents: loader.totals.documents,
    citations: loader.totals.citations,
    instrumentsNew: loader.totals.instrumentsNew,
    instrumentsUpdated: loader.totals.instrumentsUpdated,
    unchanged: skipped + loader.totals.unchanged,
    findings,
    findingsBySeverity,
    failures,
    knowledge,
    ms: Math.round(performance.now() - started),
  };
}

function isStoreDown(error: unknown): boolean {
  return (error as { name?: unknown })?.name === 'StoreUnavailableError';
}

/** The summary as people read it (the CLI prints this after the progress bar). */
export function formatIngestSummary(summary: IngestSummary, lang: Lang = 'vi'): string {
  const s = summary;
  const seconds = (s.ms / 1000).toFixed(1);
  const lines =
    lang === 'en'
      ? [
          `${s.files} files: ${s.documents} documents written, ${s.unchanged} unchanged, ${s.failures.length} refused (${seconds} s).`,
          `${s.citations} citations; ${s.instrumentsNew} new instruments, ${s.instrumentsUpdated} updated.`,
          `${s.findings} findings: ${s.findingsBySeverity.error} errors, ${s.findingsBySeverity.warning} warnings, ${s.findingsBySeverity.info} info.`,
        ]
      : [
          `${s.files} tệp: ghi ${s.documents} văn bản, ${s.unchanged} không đổi, ${s.failures.length} bị từ chối (${seconds} giây).`,
          `${s.citations} trích dẫn; ${s.instrumentsNew} văn bản được trích dẫn mới, ${s.instrumentsUpdated} được bổ sung thông tin.`,
          `${s.findings} phát hiện: ${s.findingsBySeverity.error} lỗi, ${s.findingsBySeverity.warning} cảnh báo, ${s.findingsBySeverity.info} thông tin.`,
        ];
  const k = s.knowledge;
  if (k?.written) {
    lines.push(
      lang === 'en'
        ? `Validity registry loaded into the graph: ${k.instruments} instruments, ${k.statusEvents} status events, ${k.relations} relations, ${k.issuers} issuers, ${k.successions} successions.`
        : `Đã nạp dữ kiện hiệu lực vào đồ thị: ${k.instruments} văn bản, ${k.statusEvents} sự kiện hiệu lực, ${k.relations} quan hệ, ${k.issuers} cơ quan ban hành, ${k.successions} quan hệ kế thừa.`,
    );
  }
  for (const failure of s.failures) lines.push(`  ✗ ${failure.file}: ${failure.reason}`);
  return lines.join('\n');
}
