// Kill -9 in the middle of a large ingest, run it again: the graph must equal one clean run.
// The memory store for real, with a real child process and a real SIGKILL.
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import { childIngest, corpus, removeScratch, scratch } from './helpers.js';

afterAll(removeScratch);

describe('ingest after SIGKILL (memory store)', () => {
  it('resumes to the same graph as a clean run', async () => {
    const plans = await corpus(240, 7);
    const killedDir = scratch('cancu-killed-');
    const cleanDir = scratch('cancu-clean-');

    // Two kills at different points, small batches so that many writes happen before each.
    const first = await childIngest({ corpus: plans, batchSize: 7, target: killedDir, killAfter: 60 });
    expect(first.killed).toBe(true);
    const second = await childIngest({ corpus: plans, batchSize: 5, target: killedDir, killAfter: 150 });
    expect(second.killed).toBe(true);
    const resumed = await childIngest({ corpus: plans, batchSize: 11, target: killedDir });
    const summary = JSON.parse(/done (.*)/.exec(resumed.output)![1]!) as { documents: number; unchanged: number; failures: unknown[] };
    expect(summary.failures).toEqual([]);
    // The resumed run skipped what had landed and wrote the rest.
    expect(summary.unchanged).toBeGreaterThan(0);
    expect(summary.documents + summary.unchanged).toBe(240);

    const clean = await childIngest({ corpus: plans, batchSize: 500, target: cleanDir });
    expect(clean.killed).toBe(false);

    const afterCrash = new MemoryGraphStore({ dir: killedDir });
    const cleanStore = new MemoryGraphStore({ dir: cleanDir });
    const [a, b] = [await afterCrash.dump(), await cleanStore.dump()];
    expect(a.nodes.length).toBeGreaterThan(240);
    expect(a.edges.length).toBeGreaterThan(240 * 30);
    expect(a).toEqual(b);
    await afterCrash.close();
    await cleanStore.close();
  });
});
