// Shared by the ingest tests: a small synthetic corpus on disk, and a child ingest that can be
// killed at a chosen point.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from '../../scripts/generate-corpus.js';

export const ROOT = resolve(import.meta.dirname, '../..');

const scratchDirs: string[] = [];

/** A temporary folder removed by `removeScratch()` (call it in afterAll). */
export function scratch(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
}

export function removeScratch(): void {
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export async function corpus(count: number, seed: number): Promise<string> {
  const dir = join(scratch('cancu-corpus-'), 'plans');
  await writeCorpus({ count, seed, out: dir });
  return dir;
}

/**
 * Runs tests/ingest/ingest-child.ts. With `killAfter`, sends SIGKILL as soon as the child reports
 * that many processed files (and at least one written document); resolves with what it reported.
 */
export function childIngest(args: { corpus: string; batchSize: number; target: string; killAfter?: number }): Promise<{ killed: boolean; processed: number; documents: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(join(ROOT, 'node_modules', '.bin', 'vite-node'), [join(ROOT, 'tests/ingest/ingest-child.ts'), args.corpus, String(args.batchSize), args.target], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: process.env,
    });
    let output = '';
    let processed = 0;
    let documents = 0;
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      for (const match of chunk.matchAll(/processed (\d+) documents (\d+)/g)) {
        processed = Number(match[1]);
        documents = Number(match[2]);
      }
      if (!killed && args.killAfter !== undefined && processed >= args.killAfter && documents > 0) {
        killed = true;
        child.kill('SIGKILL');
      }
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolvePromise({ killed, processed, documents, output });
      else if (code === 0) resolvePromise({ killed, processed, documents, output });
      else reject(new Error(`child ingest failed (code ${code}, signal ${signal}):\n${stderr}\n${output.slice(-2000)}`));
    });
  });
}
