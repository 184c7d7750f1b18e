// The embedded store: the shared contract, plus what only it has — its file under the data
// directory (reload, torn tail after a crash, compaction).
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import { runContract } from './contract.js';
import { doc } from './batches.js';
import { issuersOf } from '../../src/graph/core/issuers.js';
import { createIssuerFacts, registryKnowledge } from '../../src/knowledge/graph-facts.js';
import { loadRegistry } from '../../src/knowledge/registry.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cancu-graph-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const contractDir = mkdtempSync(join(tmpdir(), 'cancu-contract-'));
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));
runContract('memory', async () => new MemoryGraphStore({ dir: contractDir }));

describe('memory store file', () => {
  const batches = () => [
    doc({ key: 'doc:a', cites: [{ to: 'vn:tw:nd-cp:2020:30' }, { to: 'vn:tw:ct-tw:2016:05' }], relations: [['doc:a', 'IMPLEMENTS', 'vn:tw:ct-tw:2016:05']] }),
    doc({ key: 'doc:b', cites: [{ to: 'vn:tw:nd-cp:2020:30', surface: 'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020' }] }),
  ];

  it('reloads the same graph from its directory', async () => {
    const dir = tempDir();
    const store = new MemoryGraphStore({ dir });
    await store.writeDocuments(batches());
    await store.addStatusEvent('vn:tw:nd-cp:2020:30', { kind: 'amended_by', by: null, date: '2022-01-01', confidence: 'stated', source: 'x' });
    const before = await store.dump();
    await store.close();
    const reopened = new MemoryGraphStore({ dir });
    expect(await reopened.dump()).toEqual(before);
    await reopened.close();
  });

  it('drops a torn last record (a write killed midway) and keeps everything before it', async () => {
    const dir = tempDir();
    const store = new MemoryGraphStore({ dir });
    await store.writeDocuments(batches().slice(0, 1));
    const expected = await store.dump();
    const complete = statSync(join(dir, 'graph.jsonl')).size;
    await store.close();
    appendFileSync(join(dir, 'graph.jsonl'), '{"op":"doc","d":{"key":"doc:b","type":"Kế ho');
    const reopened = new MemoryGraphStore({ dir });
    expect(await reopened.dump()).toEqual(expected);
    expect(statSync(join(dir, 'graph.jsonl')).size).toBe(complete);
    // And the store goes on appending cleanly after the cut.
    await reopened.writeDocuments(batches().slice(1));
    await reopened.close();
    const third = new MemoryGraphStore({ dir });
    expect((await third.dump()).nodes.map((node) => node.key)).toContain('doc:b');
    await third.close();
  });

  it('refuses a corrupt record in the middle of the file', async () => {
    const dir = tempDir();
    const store = new MemoryGraphStore({ dir });
    await store.writeDocuments(batches());
    await store.close();
    const lines = readFileSync(join(dir, 'graph.jsonl'), 'utf8').split('\n');
    lines[1] = lines[1]!.slice(0, 20);
    writeFileSync(join(dir, 'graph.jsonl'), lines.join('\n'));
    await expect(new MemoryGraphStore({ dir }).init()).rejects.toThrow(/graph\.jsonl:2/);
  });

  it('reloads the registry knowledge as written, a relation listed twice included', async () => {
    const dir = tempDir();
    const store = new MemoryGraphStore({ dir });
    const edge = { from: 'vn:tw:tt-bgddt:2024:09', to: 'vn:tw:tt-bgddt:2017:36', kind: 'REPLACES' as const, source: 'registry' };
    await store.writeKnowledge({ version: 'v1', instruments: [], statusEvents: [], relations: [edge, edge], issuers: [], successions: [] });
    const before = await store.dump();
    expect(before.edges.filter((e) => e.kind === 'REPLACES')).toHaveLength(1);
    await store.close();
    expect(await new MemoryGraphStore({ dir }).dump()).toEqual(before);
  });

  it('compacts to a snapshot that reloads identically', async () => {
    const dir = tempDir();
    let store = new MemoryGraphStore({ dir });
    await store.writeDocuments(batches());
    await store.writeDocuments([doc({ key: 'doc:a', hash: 'v2', cites: [{ to: 'vn:tw:tt-bgddt:2020:11' }] })]);
    await store.addStatusEvent('vn:tw:nd-cp:2020:30', { kind: 'expired', by: null, date: '2024-01-01', confidence: 'stated', source: 'x' });
    // The registry's knowledge, described issuers, successions and stated events survive both.
    await store.writeKnowledge(registryKnowledge(loadRegistry()));
    const described = doc({ key: 'doc:lac-thuy', node: { issuerCode: 'UBND', jurisdiction: 'hoa-binh.lac-thuy' }, cites: [{ to: 'vn:hoa-binh:qp.qd-ubnd:2019:45' }] });
    Object.assign(described, createIssuerFacts(loadRegistry()).describe(issuersOf('UBND', 'hoa-binh.lac-thuy')));
    described.statusEvents = [{ key: 'vn:hoa-binh:qp.qd-ubnd:2019:45', event: { kind: 'repealed_by', by: null, date: '2024-02-01', confidence: 'stated', source: 'doc:lac-thuy' } }];
    await store.writeDocuments([described]);
    const before = await store.dump();
    expect(before.edges.some((edge) => edge.kind === 'SUCCEEDED_BY' && edge.from === 'hoa-binh.lac-thuy:ubnd')).toBe(true);
    expect(before.edges.some((edge) => edge.kind === 'REPLACES' && edge.props.source === 'registry')).toBe(true);
    await store.close();
    expect(await new MemoryGraphStore({ dir }).dump()).toEqual(before);
    store = new MemoryGraphStore({ dir });
    const sizeBefore = statSync(join(dir, 'graph.jsonl')).size;
    store.compact();
    expect(statSync(join(dir, 'graph.jsonl')).size).toBeLessThan(sizeBefore);
    expect(await store.dump()).toEqual(before);
    await store.close();
    const reopened = new MemoryGraphStore({ dir });
    expect(await reopened.dump()).toEqual(before);
    // Writes after a snapshot replay on top of it.
    await reopened.writeDocuments([doc({ key: 'doc:a', hash: 'v3', cites: [{ to: 'vn:tw:ct-tw:2016:05' }] })]);
    const after = await reopened.dump();
    await reopened.close();
    expect(await new MemoryGraphStore({ dir }).dump()).toEqual(after);
  });
});
