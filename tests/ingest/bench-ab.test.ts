// The A/B harness for builds of the embedded store: every build must get exactly the same
// documents (each its own parsed copy), the counts must add up, and a difference between the
// builds' graphs must be reported.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAb, type StoreUnderTest } from '../../scripts/bench-ab.js';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import type { DocumentBatch } from '../../src/graph/store.js';
import { doc } from '../graph/batches.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function store(): MemoryGraphStore {
  const dir = mkdtempSync(join(tmpdir(), 'cancu-ab-test-'));
  dirs.push(dir);
  return new MemoryGraphStore({ dir });
}

async function* linesOf(batches: DocumentBatch[]): AsyncIterable<string> {
  for (const batch of batches) {
    yield JSON.stringify(batch);
    yield '';
  }
}

const batches = Array.from({ length: 7 }, (_, i) =>
  doc({ key: `doc:${i}`, cites: [{ to: 'vn:tw:nd-cp:2020:30' }, { to: `vn:tw:ct-tw:2016:${i % 3}` }, { to: 'vn:tw:nd-cp:2020:30' }] }),
);

describe('bench-ab', () => {
  it('writes the same documents into every build, in chunks, and finds the same graph', async () => {
    const seen: string[][] = [[], []];
    const spy = (target: MemoryGraphStore, into: string[]): StoreUnderTest => ({
      writeDocuments: async (written) => {
        into.push(...written.map((batch) => batch.document.key));
        const summary = await target.writeDocuments(written);
        // A build may keep or change what it was given: the other build must not see it.
        for (const batch of written) batch.cites.length = 0;
        return summary;
      },
      dump: () => target.dump(),
    });
    const a = store();
    const b = store();
    const { results, sameGraph } = await runAb(linesOf(batches), [{ name: 'a', store: spy(a, seen[0]!) }, { name: 'b', store: spy(b, seen[1]!) }], { chunk: 3, count: 100, checkDumps: true });
    expect(seen[0]).toEqual(batches.map((batch) => batch.document.key));
    expect(seen[1]).toEqual(seen[0]);
    expect(results.map((result) => [result.name, result.documents, result.citations])).toEqual([
      ['a', 7, 21],
      ['b', 7, 21],
    ]);
    expect(results.every((result) => result.seconds > 0 && result.edgesPerSecond > 0)).toBe(true);
    expect(sameGraph).toBe(true);
  });

  it('stops after --count documents and reports builds whose graphs differ', async () => {
    const a = store();
    const b = store();
    // Build "b" drops every citation of a document: its graph differs.
    const lossy: StoreUnderTest = {
      writeDocuments: (written) => b.writeDocuments(written.map((batch) => ({ ...batch, cites: [] }))),
      dump: () => b.dump(),
    };
    const { results, sameGraph } = await runAb(linesOf(batches), [{ name: 'a', store: a }, { name: 'b', store: lossy }], { chunk: 2, count: 5, checkDumps: true });
    expect(results.map((result) => result.documents)).toEqual([5, 5]);
    expect(results[0]!.citations).toBe(15);
    expect(sameGraph).toBe(false);
  });
});
