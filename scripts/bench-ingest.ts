// Ingest benchmark: a synthetic corpus (scripts/generate-corpus.ts) through the real pipeline into
// the embedded store, then the same documents straight into each store, with citation edges per
// second, documents per second and peak RSS, printed as a Markdown table.
//
//   npm run build && node dist/scripts/bench-ingest.js --count 100000 [--out bench-out] [--seed 1]
//                                                      [--reuse] [--skip-neo4j] [--neo4j-pipeline] [--only phase,…]
//
// Every measured phase runs in its own child process so that its peak RSS is its own:
//   pipeline→memory  read → parse → extract → lint → load, the whole `cancu ingest` (the batches it
//                    writes are also saved to <out>/batches-<count>.jsonl for the next phases);
//   memory load      the saved batches written to an empty embedded store (store throughput);
//   memory reopen    loading that store back from its file;
//   neo4j load       the saved batches written to Neo4j (NEO4J_URI or bolt://127.0.0.1:7687), when reachable;
//   neo4j import     `cancu db import` of the store the memory load wrote (export, offline importer,
//                    server start with constraints and indexes) — the local server only;
//   pipeline→neo4j   (with --neo4j-pipeline) the whole ingest into Neo4j.
// "store edges/s" counts only the time spent inside GraphStore.writeDocuments (for the import: the
// whole command).
import { spawn } from 'node:child_process';
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync, type WriteStream } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ingest } from '../ingest/pipeline.js';
import { MemoryGraphStore } from '../src/graph/memory/index.js';
import { Neo4jGraphStore } from '../src/graph/neo4j/index.js';
import { dbImport } from '../src/cli/commands/db-import.js';
import { packageRoot } from '../src/cli/main.js';
import type { DocumentBatch, GraphStore, WriteOptions, WriteSummary } from '../src/graph/store.js';
import { writeCorpus, type CorpusManifest } from './generate-corpus.js';

interface Args {
  count: number;
  out: string;
  seed: number;
  reuse: boolean;
  skipNeo4j: boolean;
  neo4jPipeline: boolean;
  batchSize: number;
  /** Phases to run (default all): pipeline-memory, load-memory, reopen-memory, load-neo4j, pipeline-neo4j. */
  only: string[] | null;
  /** V8 heap limit of each phase's process (MB). */
  heapMb: number;
}

interface PhaseResult {
  phase: string;
  documents: number;
  citations: number;
  seconds: number;
  /** Seconds inside writeDocuments (null when not applicable). */
  storeSeconds: number | null;
  peakRssMb: number;
  /** Heap + external memory still in use after a full GC at the end of the phase. */
  liveMb: number;
  note?: string;
}

const SELF = fileURLToPath(import.meta.url);

function parseArgs(argv: string[]): Args & { child?: string } {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return {
    count: Number(value('count') ?? '10000'),
    out: resolve(value('out') ?? 'bench-out'),
    seed: Number(value('seed') ?? '1'),
    reuse: argv.includes('--reuse'),
    skipNeo4j: argv.includes('--skip-neo4j'),
    neo4jPipeline: argv.includes('--neo4j-pipeline'),
    batchSize: Number(value('batch-size') ?? '500'),
    only: value('only')?.split(',') ?? null,
    heapMb: Number(value('heap-mb') ?? '1280'),
    child: value('child'),
  };
}

const corpusDir = (a: Args) => join(a.out, `corpus-${a.count}-s${a.seed}`);
const batchesFile = (a: Args) => join(a.out, `batches-${a.count}-s${a.seed}.jsonl`);
const memoryDir = (a: Args) => join(a.out, `graph-${a.count}`);

function neo4jConnection() {
  return {
    uri: process.env.NEO4J_URI ?? process.env.NEO4J_TEST_URI ?? 'bolt://127.0.0.1:7687',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? 'cancu-dev-password',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  };
}

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** What the phase still holds (the store, mostly) after a full collection; needs --expose-gc. */
function liveMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  const usage = process.memoryUsage();
  return Math.round((usage.heapUsed + usage.external) / 1048576);
}

/** Wraps a store to time writeDocuments and, optionally, save every batch it is given. */
function timed(store: GraphStore, save: WriteStream | null): { store: GraphStore; seconds: () => number } {
  let ns = 0n;
  const wrapped = Object.create(store) as GraphStore;
  wrapped.writeDocuments = async (batches: DocumentBatch[], options?: WriteOptions): Promise<WriteSummary> => {
    if (save) {
      // Respect backpressure: otherwise the saved batches pile up in memory and inflate peak RSS.
      if (!save.write(batches.map((batch) => JSON.stringify(batch)).join('\n') + '\n')) await new Promise<void>((drained) => save.once('drain', () => drained()));
    }
    const start = process.hrtime.bigint();
    try {
      return await store.writeDocuments(batches, options);
    } finally {
      ns += process.hrtime.bigint() - start;
    }
  };
  return { store: wrapped, seconds: () => Number(ns) / 1e9 };
}

async function* savedBatches(file: string, size: number): AsyncGenerator<DocumentBatch[]> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  let batch: DocumentBatch[] = [];
  for await (const line of lines) {
    if (!line) continue;
    batch.push(JSON.parse(line) as DocumentBatch);
    if (batch.length >= size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

// — phases (each in its own process) —

async function pipelinePhase(a: Args, target: 'memory' | 'neo4j'): Promise<PhaseResult> {
  const base: GraphStore = target === 'memory' ? new MemoryGraphStore({ dir: memoryDir(a) }) : new Neo4jGraphStore(neo4jConnection());
  if (target === 'memory') rmSync(memoryDir(a), { recursive: true, force: true });
  await base.init();
  if (target === 'neo4j') await base.clear();
  const save = target === 'memory' ? createWriteStream(batchesFile(a)) : null;
  const { store, seconds } = timed(base, save);
  const started = performance.now();
  let lastReport = 0;
  const summary = await ingest([corpusDir(a)], {
    store,
    root: corpusDir(a),
    batchSize: a.batchSize,
    onProgress: (p) => {
      const now = performance.now();
      if (now - lastReport > 10_000) {
        lastReport = now;
        process.stderr.write(`[bench] ${target}: ${p.done}/${p.total} files, ${p.citations} citations, ${((now - started) / 1000).toFixed(0)} s\n`);
      }
    },
  });
  const elapsed = (performance.now() - started) / 1000;
  if (save) await new Promise<void>((done) => save.end(() => done()));
  const live = liveMb();
  await base.close();
  return {
    phase: `pipeline → ${target}`,
    documents: summary.documents,
    citations: summary.citations,
    seconds: elapsed,
    storeSeconds: seconds(),
    peakRssMb: peakRssMb(),
    liveMb: live,
    note: `${summary.findings} findings, ${summary.failures.length} failures, ${summary.unchanged} unchanged`,
  };
}

async function loadPhase(a: Args, target: 'memory' | 'neo4j'): Promise<PhaseResult> {
  const dir = `${memoryDir(a)}-load`;
  if (target === 'memory') rmSync(dir, { recursive: true, force: true });
  const base: GraphStore = target === 'memory' ? new MemoryGraphStore({ dir }) : new Neo4jGraphStore(neo4jConnection());
  await base.init();
  if (target === 'neo4j') await base.clear();
  const { store, seconds } = timed(base, null);
  let documents = 0;
  let citations = 0;
  const started = performance.now();
  let lastReport = 0;
  for await (const batch of savedBatches(batchesFile(a), a.batchSize)) {
    const summary = await store.writeDocuments(batch);
    documents += summary.documents;
    citations += summary.citations;
    const now = performance.now();
    if (now - lastReport > 10_000) {
      lastReport = now;
      process.stderr.write(`[bench] ${target} load: ${documents} documents, ${citations} citations, ${((now - started) / 1000).toFixed(0)} s\n`);
    }
  }
  const elapsed = (performance.now() - started) / 1000;
  let note = '';
  if (target === 'neo4j') note = await neo4jQueries(base);
  const live = liveMb();
  await base.close();
  return { phase: `batches → ${target}`, documents, citations, seconds: elapsed, storeSeconds: seconds(), peakRssMb: peakRssMb(), liveMb: live, note };
}

/**
 * `cancu db import` of the store the load phase wrote: export to CSV, the offline importer (server
 * stopped), server start with constraints and indexes — all of it counted as time in the store.
 */
async function importPhase(a: Args): Promise<PhaseResult> {
  const graphDir = `${memoryDir(a)}-load`;
  if (!existsSync(join(graphDir, 'graph.bin'))) throw new Error(`${graphDir} holds no store: run the load-memory phase first`);
  let out = '';
  let err = '';
  const { code, summary } = await dbImport({
    from: a.out,
    graphDir,
    yes: true,
    format: 'json',
    root: packageRoot(),
    env: process.env,
    stdout: { write: (text: string) => void (out += text) },
    stderr: { write: (text: string) => void (err += text) },
  });
  if (code !== 0 || !summary) throw new Error(`cancu db import failed: ${err}${out}`);
  const base = new Neo4jGraphStore(neo4jConnection());
  const live = liveMb();
  let note = `export ${summary.exportSeconds.toFixed(1)} s, importer ${summary.importSeconds.toFixed(1)} s, start + indexes ${summary.startSeconds.toFixed(1)} s; ${summary.report.filter((line) => /Peak memory/.test(line)).join('')}`;
  try {
    await base.init();
    note += `; ${await neo4jQueries(base)}`;
  } finally {
    await base.close();
  }
  return { phase: 'embedded store → neo4j (cancu db import)', documents: summary.counts.documents, citations: summary.counts.cites, seconds: summary.seconds, storeSeconds: summary.seconds, peakRssMb: peakRssMb(), liveMb: live, note };
}

async function reopenPhase(a: Args): Promise<PhaseResult> {
  const started = performance.now();
  const store = new MemoryGraphStore({ dir: `${memoryDir(a)}-load` });
  await store.init();
  const health = await store.health();
  const elapsed = (performance.now() - started) / 1000;
  const queries = await memoryQueries(store);
  const live = liveMb();
  await store.close();
  const match = /(\d+) documents, (\d+) citations/.exec(health.detail);
  return { phase: 'memory reopen (load file)', documents: Number(match?.[1] ?? 0), citations: Number(match?.[2] ?? 0), seconds: elapsed, storeSeconds: null, peakRssMb: peakRssMb(), liveMb: live, note: queries };
}

/** A few lineage reads on the loaded graph, for orientation (not a read benchmark). */
async function lineageTimings(store: GraphStore): Promise<string> {
  const hub = 'vn:tw:nd-cp:2020:30';
  const time = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    await run();
    return `${Math.round(performance.now() - started)} ms`;
  };
  const leaf = (await store.searchInstruments({ type: 'Kế hoạch', text: 'truong', limit: 1 })).items[0]?.key;
  const detail = await time(() => store.getInstrument(hub));
  const implementers = await time(() => store.implementers('vn:tw:ct-tw:2016:05', { depth: 3, limit: 100 }));
  const basis = leaf ? await time(() => store.basis(leaf, { depth: 5, limit: 100 })) : 'n/a';
  return `getInstrument(hub) ${detail}, implementers(depth 3) ${implementers}, basis(depth 5) ${basis}`;
}
const memoryQueries = lineageTimings;
const neo4jQueries = lineageTimings;

function runChild(a: Args, child: string): Promise<PhaseResult> {
  return new Promise((done, fail) => {
    const argv = [
      ...process.execArgv,
      '--expose-gc',
      `--max-old-space-size=${a.heapMb}`,
      SELF,
      '--child',
      child,
      '--count',
      String(a.count),
      '--out',
      a.out,
      '--seed',
      String(a.seed),
      '--batch-size',
      String(a.batchSize),
      '--heap-mb',
      String(a.heapMb),
    ];
    const proc = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    proc.on('close', (code) => {
      const line = output.trim().split('\n').pop() ?? '';
      if (code === 0 && line.startsWith('{')) done(JSON.parse(line) as PhaseResult);
      else fail(new Error(`phase ${child} failed (exit ${code}): ${output.slice(-1000)}`));
    });
  });
}

async function neo4jReachable(): Promise<string | null> {
  const store = new Neo4jGraphStore(neo4jConnection());
  try {
    const health = await store.health();
    return health.ok ? null : health.detail;
  } finally {
    await store.close();
  }
}

/**
 * The Neo4j phases clear the database: they take the same lock file as the Neo4j integration tests
 * (tests/graph/neo4j-server.ts) so that neither wipes the other's data midway.
 */
async function lockNeo4j(): Promise<() => void> {
  const lock = join(tmpdir(), 'cancu-neo4j-tests.lock');
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let alive = false;
      try {
        process.kill(Number(readFileSync(lock, 'utf8')), 0);
        alive = true;
      } catch {
        rmSync(lock, { force: true });
      }
      if (alive) await new Promise((wait) => setTimeout(wait, 500));
    }
  }
}

function table(results: PhaseResult[], manifest: CorpusManifest, a: Args): string {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const rows = results.map((r) =>
    [
      r.phase,
      fmt(r.documents),
      fmt(r.citations),
      r.seconds.toFixed(1),
      fmt(r.documents / r.seconds),
      fmt(r.citations / r.seconds),
      r.storeSeconds === null ? '—' : fmt(r.citations / Math.max(r.storeSeconds, 1e-9)),
      fmt(r.peakRssMb),
      fmt(r.liveMb),
      r.note ?? '',
    ].join(' | '),
  );
  return [
    `Corpus: ${fmt(manifest.count)} synthetic plans (seed ${a.seed}), ${fmt(manifest.citations)} planted citations, ${(manifest.bytes / 1e6).toFixed(0)} MB; batch size ${a.batchSize}; V8 heap limit ${a.heapMb} MB; Node ${process.version}; ${availableParallelism()} CPUs, load average ${loadavg()[0]!.toFixed(1)} at the end.`,
    '',
    '| phase | documents | citation edges | s | documents/s | edges/s (end to end) | edges/s (inside the store) | peak RSS (MB) | live after GC (MB) | notes |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (!Number.isInteger(a.count) || a.count < 1) throw new Error('--count must be a positive integer');
  if (a.child) {
    const phases: Record<string, () => Promise<PhaseResult>> = {
      'pipeline-memory': () => pipelinePhase(a, 'memory'),
      'pipeline-neo4j': () => pipelinePhase(a, 'neo4j'),
      'load-memory': () => loadPhase(a, 'memory'),
      'load-neo4j': () => loadPhase(a, 'neo4j'),
      'reopen-memory': () => reopenPhase(a),
      'import-neo4j': () => importPhase(a),
    };
    const phase = phases[a.child];
    if (!phase) throw new Error(`unknown phase ${a.child}`);
    process.stdout.write(JSON.stringify(await phase()) + '\n');
    return;
  }
  mkdirSync(a.out, { recursive: true });
  const manifestFile = join(corpusDir(a), 'manifest.json');
  let manifest: CorpusManifest;
  if (a.reuse && existsSync(manifestFile)) {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as CorpusManifest;
    process.stderr.write(`[bench] reusing ${corpusDir(a)}\n`);
  } else {
    const started = performance.now();
    manifest = await writeCorpus({ count: a.count, seed: a.seed, out: corpusDir(a) });
    process.stderr.write(`[bench] generated ${a.count} plans in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  }
  const results: PhaseResult[] = [];
  const wanted = (phase: string) => a.only === null || a.only.includes(phase);
  for (const phase of ['pipeline-memory', 'load-memory', 'reopen-memory']) if (wanted(phase)) results.push(await runChild(a, phase));
  const neo4jPhases = ['load-neo4j', 'import-neo4j', ...(a.neo4jPipeline ? ['pipeline-neo4j'] : [])].filter(wanted);
  const down = a.skipNeo4j ? 'skipped (--skip-neo4j)' : neo4jPhases.length === 0 ? 'not asked for' : await neo4jReachable();
  if (down === null) {
    const release = await lockNeo4j();
    try {
      for (const phase of neo4jPhases) results.push(await runChild(a, phase));
    } finally {
      release();
    }
  } else {
    process.stderr.write(`[bench] Neo4j not measured: ${down}\n`);
  }
  process.stdout.write(table(results, manifest, a) + '\n');
  const pipeline = results.find((r) => r.phase.startsWith('pipeline'));
  if (pipeline && manifest.citations !== pipeline.citations) {
    process.stdout.write(`\nPlanted ${manifest.citations} citations; the pipeline wrote ${pipeline.citations} (keyed occurrences of the documents written).\n`);
  }
}

await main();
