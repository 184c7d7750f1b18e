// `cancu ingest --jobs N`: files analysed by worker threads (ingest/stages/pool.ts) give the same
// graph, the same summary and the same per-file failures as one thread — the real CLI on real
// files, twice, into two embedded stores that are then compared.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/generate-corpus.js';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/cancu.cjs');
const dir = mkdtempSync(join(tmpdir(), 'cancu-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function ingestInto(data: string, jobs: number) {
  const r = spawnSync(process.execPath, [bin, 'ingest', join(dir, 'plans'), '--format', 'json', '--jobs', String(jobs)], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NEO4J_URI: '', CANCU_DATA_DIR: join(dir, data), NO_COLOR: '1' },
  });
  return { code: r.status, stderr: r.stderr, summary: r.stdout ? JSON.parse(r.stdout) : null };
}

describe('parallel analysis', () => {
  it('gives the graph, summary and failures of one thread', async () => {
    await writeCorpus({ count: 40, seed: 3, out: join(dir, 'plans') });
    // Files that fail on their own: binary, invalid UTF-8, empty.
    writeFileSync(join(dir, 'plans', 'zz-binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
    writeFileSync(join(dir, 'plans', 'zz-invalid.txt'), Buffer.from([0x4b, 0xe1, 0xba, 0x3f, 0x68, 0x6f, 0x61, 0x63, 0x68]));
    writeFileSync(join(dir, 'plans', 'zz-empty.txt'), '');

    const one = ingestInto('one', 1);
    const two = ingestInto('two', 2);
    // Exit 2: some files failed (and were named); the others were written.
    expect(one.code, one.stderr).toBe(2);
    expect(two.code, two.stderr).toBe(2);
    const { ms: _a, ...summaryOne } = one.summary;
    const { ms: _b, ...summaryTwo } = two.summary;
    expect(summaryOne.documents).toBe(40);
    expect(summaryOne.failures.map((f: { file: string }) => f.file.split('/').pop())).toEqual(['zz-binary.txt', 'zz-empty.txt', 'zz-invalid.txt']);
    expect(summaryOne.failures[1].reason).toMatch(/không có nội dung/);
    expect(summaryTwo).toEqual(summaryOne);

    const storeOne = new MemoryGraphStore({ dir: join(dir, 'one', 'graph') });
    const storeTwo = new MemoryGraphStore({ dir: join(dir, 'two', 'graph') });
    const dumpOne = await storeOne.dump();
    expect(dumpOne.nodes.filter((node) => node.isDocument)).toHaveLength(40);
    expect(await storeTwo.dump()).toEqual(dumpOne);
    await storeOne.close();
    await storeTwo.close();

    // Re-running in parallel skips every unchanged file.
    const again = ingestInto('two', 2);
    expect(again.summary).toMatchObject({ documents: 0, unchanged: 40 });
  }, 120_000);
});

describe('default parallelism', () => {
  it('stays in one thread for small inputs and small machines, else uses the cores but one (at most 8)', async () => {
    const { defaultJobs } = await import('../../ingest/stages/pool.js');
    expect(defaultJobs(10, 16)).toBe(1);
    expect(defaultJobs(1000, 2)).toBe(1);
    expect(defaultJobs(1000, 4)).toBe(3);
    expect(defaultJobs(1000, 32)).toBe(8);
  });
});
