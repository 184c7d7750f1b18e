// A pool of worker threads for the analysis of files (./analyze.ts), so that an ingest uses every
// core: the workers parse, extract and check; the ingest's own thread keeps the order, the
// ownership of document keys and the writes. Results come back by file, whatever worker answered,
// and the caller consumes them in file order — the graph is the same as with one thread.
//
// Only from the built package (dist/): a worker runs a JavaScript file, and the test runner loads
// TypeScript sources, where the ingest analyses in its own thread. From the bundled command
// (dist/cli/cancu.bundle.cjs) the workers run the compiled dist/ingest/stages/worker.js.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Lang } from '../../src/model/schemas.js';
import type { AnalyzedFile } from './analyze.js';
import type { ReadFile } from './read.js';

/** Below this many files the workers' start-up (~0.2 s each) costs more than it saves. */
export const POOL_MIN_FILES = 32;

/**
 * Workers for `files` files by default: none for small inputs, and none on machines with fewer than
 * 4 cores — there the second core is already busy with the collector and the writes (measured on 2
 * vCPUs: 2,000 plans in 16.9 s with one thread, 12.5 s with `--jobs 2`, for 60% more memory).
 * Otherwise one per core but one, at most 8.
 */
export function defaultJobs(files: number, cores = availableParallelism()): number {
  return files < POOL_MIN_FILES || cores < 4 ? 1 : Math.min(8, cores - 1);
}

/** The worker's JavaScript file: next to this module, or dist/ingest/stages/ seen from the bundle in dist/cli/; null from TypeScript sources. */
function workerScript(): string | null {
  const self = fileURLToPath(import.meta.url);
  if (self.endsWith('pool.js')) return self.slice(0, -'pool.js'.length) + 'worker.js';
  const compiled = join(dirname(self), '..', 'ingest', 'stages', 'worker.js');
  return self.endsWith('.cjs') && existsSync(compiled) ? compiled : null;
}

/** A worker died: the ingest stops (a file's own failure is reported with the file instead). */
export class PoolFailure extends Error {
  override name = 'PoolFailure';
}

interface Pending {
  resolve: (result: AnalyzedFile) => void;
  reject: (error: Error) => void;
}

export class AnalyzePool {
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private failure: PoolFailure | null = null;

  private constructor(size: number, init: { lang: Lang; asOf: string | null }, script: string) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(script, { workerData: init });
      worker.on('message', (message: { id: number; ok: boolean; result?: AnalyzedFile; reason?: string }) => {
        const entry = this.pending.get(message.id);
        if (!entry) return;
        this.pending.delete(message.id);
        if (message.ok) entry.resolve(message.result!);
        else entry.reject(new Error(message.reason));
      });
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`worker exited with code ${code}`));
      });
      this.workers.push(worker);
    }
  }

  /** A pool of `size` workers, or null when workers cannot run here (TypeScript sources) or size ≤ 1. */
  static create(size: number, init: { lang: Lang; asOf: string | null }): AnalyzePool | null {
    if (size <= 1) return null;
    const script = workerScript();
    return script ? new AnalyzePool(size, init, script) : null;
  }

  get size(): number {
    return this.workers.length;
  }

  /** Analyses one file on the next worker (round robin); rejects with the reason the file failed. */
  analyze(read: ReadFile): Promise<AnalyzedFile> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    const worker = this.workers[id % this.workers.length]!;
    return new Promise<AnalyzedFile>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // The bytes are copied into a buffer of their own and moved, not cloned.
      const bytes = new Uint8Array(read.bytes);
      worker.postMessage({ id, read: { ...read, bytes } }, [bytes.buffer]);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }

  /** A worker died: every file still waiting fails with the reason, and so do later ones. */
  private fail(error: Error): void {
    this.failure ??= new PoolFailure(`Luồng phân tích song song dừng bất thường: ${error.message}; chạy lại với --jobs 1. (A parallel analysis worker failed; re-run with --jobs 1.)`);
    for (const entry of this.pending.values()) entry.reject(this.failure);
    this.pending.clear();
  }
}
