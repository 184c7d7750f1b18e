// The embedded store: the shared contract, plus what only it has — its file under the data
// directory (reload, torn tail after a crash, compaction).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import { runContract } from './contract.js';
import { doc } from './batches.js';
import type { DocumentBatch } from '../../src/graph/store.js';
import { StoreUnavailableError } from '../../src/graph/errors.js';
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
    const file = join(dir, 'graph.bin');
    const complete = statSync(file).size;
    // The next write, cut short: a frame header announcing more bytes than the file holds.
    await store.writeDocuments(batches().slice(1));
    await store.close();
    const whole = readFileSync(file);
    writeFileSync(file, whole.subarray(0, complete + 20));
    const reopened = new MemoryGraphStore({ dir });
    expect(await reopened.dump()).toEqual(expected);
    expect(statSync(file).size).toBe(complete);
    // And the store goes on appending cleanly after the cut.
    await reopened.writeDocuments(batches().slice(1));
    await reopened.close();
    const third = new MemoryGraphStore({ dir });
    expect((await third.dump()).nodes.map((node) => node.key)).toContain('doc:b');
    await third.close();
  });

  it('drops a last frame whose bytes never landed (checksum mismatch at the tail)', async () => {
    const dir = tempDir();
    const store = new MemoryGraphStore({ dir });
    await store.writeDocuments(batches().slice(0, 1));
    const expected = await store.dump();
    const file = join(dir, 'graph.bin');
    const complete = statSync(file).size;
    await store.writeDocuments(batches().slice(1));
    await store.close();
    // The file system extended the file, but the frame's data is zeros.
    const whole = readFileSync(file);
    whole.fill(0, complete + 8);
    writeFileSync(file, whole);
    const reopened = new MemoryGraphStore({ dir });
    expect(await reopened.dump()).toEqual(expected);
    expect(statSync(file).size).toBe(complete);
    await reopened.close();
  });

  it('refuses a corrupt frame in the middle of the file, naming its offset', async () => {
    const dir = tempDir();
    const store = new MemoryGraphStore({ dir });
    await store.writeDocuments(batches().slice(0, 1));
    await store.writeDocuments(batches().slice(1));
    await store.close();
    const file = join(dir, 'graph.bin');
    const whole = readFileSync(file);
    // Header is 16 bytes, then the first frame: flip a byte of its payload.
    whole[16 + 8 + 3] = whole[16 + 8 + 3]! ^ 0xff;
    writeFileSync(file, whole);
    await expect(new MemoryGraphStore({ dir }).init()).rejects.toThrow(/graph\.bin@16: .*checksum/);
  });

  it('refuses a file that is not a cancu graph', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'graph.bin'), 'this is not a graph file at all');
    await expect(new MemoryGraphStore({ dir }).init()).rejects.toThrow(/không phải tệp đồ thị của cancu/);
  });

  it('a compaction that cannot write its file loses nothing: the store goes on from the old file', async () => {
    const dir = tempDir();
    const store = new MemoryGraphStore({ dir });
    await store.writeDocuments(batches());
    await store.writeDocuments([doc({ key: 'doc:a', hash: 'v2', cites: [{ to: 'vn:tw:tt-bgddt:2020:11' }] })]);
    const before = await store.dump();
    // The temporary file's name is taken by a directory: the rewrite fails (even for root).
    mkdirSync(join(dir, `graph.bin.tmp-${process.pid}`));
    expect(() => store.compact()).toThrow(StoreUnavailableError);
    expect(await store.dump()).toEqual(before);
    await store.writeDocuments([doc({ key: 'doc:c', cites: [{ to: 'vn:tw:nd-cp:2020:30' }] })]);
    const after = await store.dump();
    await store.close();
    expect(await new MemoryGraphStore({ dir }).dump()).toEqual(after);
  });

  it('opens a store written in format 1 (JSON lines) and rewrites it in the current format', async () => {
    const dir = tempDir();
    // Format 1 as documented (docs/graph.md): a header line, then one record per line.
    const node = (key: string, extra: object) => ({ key, type: null, number: null, family: null, date: null, year: null, issuer: null, issuerCode: null, jurisdiction: null, subject: null, status: 'unknown', isDocument: false, file: null, contentHash: null, ...extra });
    const lines = [
      { format: 'cancu-graph', version: 1 },
      {
        op: 'put',
        k: 'doc:a',
        s: [],
        o: [],
        n: [node('doc:a', { type: 'Kế hoạch', isDocument: true, file: 'plans/a.txt', contentHash: 'h1' }), node('vn:tw:nd-cp:2015:04', { type: 'Nghị định', number: '04/2015/NĐ-CP', date: '2015-01-09' })],
        c: [['vn:tw:nd-cp:2015:04', 'can_cu', 120, 40, 5, 3, 'Nghị định số 04/2015/NĐ-CP ngày 9-1-2015', '04/2015/NĐ-CP', '9-1-2015', '2015-01-09', null, 'Nghị định']],
        r: [],
        f: [{ ruleId: 'unverified-citation', severity: 'info', message: 'Chưa kiểm tra được hiệu lực.', line: 5, column: 3, evidence: 'Nghị định số 04/2015/NĐ-CP ngày 9-1-2015', expected: null }],
      },
      { op: 'status', k: 'vn:tw:nd-cp:2015:04', e: { kind: 'expired', by: null, date: '2024-01-01', confidence: 'stated', source: 'x' } },
    ];
    writeFileSync(join(dir, 'graph.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
    const store = new MemoryGraphStore({ dir });
    const cited = await store.documentCitations('doc:a');
    expect(cited?.citations).toEqual([
      expect.objectContaining({ to: 'vn:tw:nd-cp:2015:04', section: 'can_cu', offset: 120, length: 40, line: 5, column: 3, surface: 'Nghị định số 04/2015/NĐ-CP ngày 9-1-2015', numberWritten: '04/2015/NĐ-CP', dateWritten: '9-1-2015', date: '2015-01-09', issuerWritten: null, typeWritten: 'Nghị định' }),
    ]);
    expect(cited?.findings).toEqual([lines[1]!.f![0]]);
    expect((await store.getInstrument('vn:tw:nd-cp:2015:04'))?.instrument.status).toBe('expired');
    const before = await store.dump();
    await store.close();
    expect(existsSync(join(dir, 'graph.jsonl'))).toBe(false);
    expect(existsSync(join(dir, 'graph.bin'))).toBe(true);
    expect(await new MemoryGraphStore({ dir }).dump()).toEqual(before);
  });

  it('keeps every as-written text and finding exactly, through reopen and compaction', async () => {
    const dir = tempDir();
    const surface = 'Nghị định số 04/2015/NĐ-CP ngày 09 tháng 01 năm 2015 của Chính phủ';
    const batch = doc({ key: 'doc:texts', cites: [{ to: 'vn:tw:nd-cp:2015:04' }, { to: 'vn:tw:nd-cp:2020:30' }, { to: 'vn:tw:ct-tw:2016:05' }] });
    batch.cites[0] = { ...batch.cites[0]!, surface, length: surface.length, numberWritten: '04/2015/NĐ-CP', dateWritten: '09 tháng 01 năm 2015', date: '2015-01-09', issuerWritten: 'Chính phủ', typeWritten: 'Nghị định' };
    // Texts that are not in the surface, an empty one, a date that is not normalised, decomposed text.
    batch.cites[1] = { ...batch.cites[1]!, surface: 'NĐ 30', numberWritten: '30/2020/NĐ-CP', dateWritten: '', date: '2020-3-5', issuerWritten: 'Chi\u0301nh phu\u0309', typeWritten: 'nghị định' };
    batch.cites[2] = { ...batch.cites[2]!, surface: 'Chỉ thị 05', numberWritten: null, dateWritten: null, date: null, issuerWritten: null, typeWritten: null };
    batch.findings = [
      { ruleId: 'citation-missing-issuer', severity: 'warning', message: 'Thiếu cơ quan ban hành.', line: 4, column: 1, evidence: 'NĐ 30', expected: 'Nghị định số 30/2020/NĐ-CP' },
      { ruleId: 'unverified-citation', severity: 'info', message: 'Chưa kiểm tra được.', line: 5, column: 2, evidence: '', expected: null },
    ] as DocumentBatch['findings'];
    const store = new MemoryGraphStore({ dir });
    await store.writeDocuments([batch]);
    const expected = [...batch.cites].map(({ from: _from, ...rest }) => rest);
    await checkThroughReopenAndCompaction(dir, store, async (target) => {
      const read = await target.documentCitations('doc:texts');
      const byTo = new Map(read!.citations.map(({ instrument: _instrument, from: _from, ...rest }) => [rest.to, rest]));
      for (const cite of expected) expect(byTo.get(cite.to)).toEqual(cite);
      expect(read!.findings).toEqual(batch.findings);
    });
  });

  it('keeps each document its own surfaces, messages and evidence when documents repeat, vary and alternate them', async () => {
    // The store compares a finding's message with the last one the same rule gave about the same
    // instrument, and takes a citation's surface for evidence equal to it: wordings and messages
    // that recur, change and come back, and evidence that is only part of a surface, must all
    // read back as written.
    const dir = tempDir();
    const ND = 'vn:tw:nd-cp:2015:04';
    const wordings = ['Nghị định số 04/2015/NĐ-CP', 'Nghị định 04/2015/NĐ-CP', 'NĐ 04/2015/NĐ-CP', 'Nghị định số 04/2015/NĐ-CP ngày 09/01/2015', 'Nghị định số 04/2015/NĐ-CP ngày 9-1-2015', 'Nghị định số 04/2015/NĐ-CP của Chính phủ'];
    const messages = ['Chưa kiểm tra được hiệu lực của Nghị định số 04/2015/NĐ-CP.', 'Nghị định số 04/2015/NĐ-CP đã hết hiệu lực.'];
    const order = [0, 1, 0, 2, 3, 4, 5, 0, 1, 5, 5, 2];
    const batches = order.map((w, i) => {
      const batch = doc({ key: `doc:${i}`, cites: [{ to: ND, surface: wordings[w] }, { to: 'vn:tw:nd-cp:2020:30', surface: wordings[(w + 1) % wordings.length] }] });
      const [first, second] = batch.cites;
      batch.findings = [
        // About the first citation: its surface as evidence, the message alternating between two.
        { ruleId: 'unverified-citation', severity: 'info', message: messages[i % 3 === 2 ? 1 : 0]!, line: first!.line, column: first!.column, evidence: first!.surface, expected: null },
        // About the second, further in: part of its surface as evidence, the same message as for the first instrument.
        { ruleId: 'unverified-citation', severity: 'info', message: messages[0]!, line: second!.line, column: second!.column + 3, evidence: second!.surface.slice(3), expected: 'x' },
        // About no citation at all.
        { ruleId: 'document-missing-date', severity: 'warning', message: `Văn bản ${i} thiếu ngày.`, line: 1, column: 1, evidence: '', expected: null },
      ] as DocumentBatch['findings'];
      return batch;
    });
    const store = new MemoryGraphStore({ dir });
    for (const batch of batches) await store.writeDocuments([batch]);
    const check = (target: MemoryGraphStore) => expectReadBack(target, batches, { findings: true });
    await checkThroughReopenAndCompaction(dir, store, check);
    // A rewrite after reopening (the remembered messages start empty) keeps the texts too.
    const reopened = new MemoryGraphStore({ dir });
    await reopened.writeDocuments([{ ...batches[3]!, document: { ...batches[3]!.document, contentHash: 'changed' } }]);
    await check(reopened);
    await reopened.close();
    await check(new MemoryGraphStore({ dir }));
  });

  it('tells apart surfaces that differ in one character, shares none between instruments by mistake, and stores a known one again after reopening', async () => {
    // A citation's surface is looked for among its own instrument's surfaces by a print of its
    // length and three characters, then compared whole: these two surfaces have the same print.
    const dir = tempDir();
    const X = 'vn:tw:nd-cp:2015:04';
    const Y = 'vn:hoa-binh:nd-cp:2015:04';
    const upper = 'Nghị định số 04/2015/NĐ-CP ngày 9/1/2015 của Chính phủ';
    const lower = 'n' + upper.slice(1);
    const occurrences = (text: string) => {
      const bytes = readFileSync(join(dir, 'graph.bin'));
      const needle = Buffer.from(JSON.stringify(text).slice(1, -1), 'utf8');
      let count = 0;
      for (let at = bytes.indexOf(needle); at >= 0; at = bytes.indexOf(needle, at + 1)) count++;
      return count;
    };
    const batches = [
      doc({ key: 'doc:1', cites: [{ to: X, surface: upper }, { to: Y, surface: upper }] }),
      doc({ key: 'doc:2', cites: [{ to: X, surface: lower }, { to: X, surface: upper }] }),
      doc({ key: 'doc:3', cites: [{ to: Y, surface: lower }, { to: X, surface: lower }] }),
    ];
    const store = new MemoryGraphStore({ dir });
    for (const batch of batches) await store.writeDocuments([batch]);
    const check = (target: MemoryGraphStore) => expectReadBack(target, batches, { findings: false });
    await check(store);
    await store.close();
    const counts = [occurrences(upper), occurrences(lower)];
    expect(counts.every((count) => count >= 1)).toBe(true);
    // Reopened, the store knows which surfaces each instrument has: citing them again adds no copy.
    const reopened = new MemoryGraphStore({ dir });
    const again = doc({ key: 'doc:4', cites: [{ to: X, surface: upper }, { to: Y, surface: lower }, { to: X, surface: lower }, { to: Y, surface: upper }] });
    await reopened.writeDocuments([again]);
    await reopened.close();
    expect([occurrences(upper), occurrences(lower)]).toEqual(counts);
    batches.push(again);
    await checkThroughReopenAndCompaction(dir, new MemoryGraphStore({ dir }), check);
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
    const sizeBefore = statSync(join(dir, 'graph.bin')).size;
    store.compact();
    expect(statSync(join(dir, 'graph.bin')).size).toBeLessThan(sizeBefore);
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

/**
 * Runs `check` on `store`, then on the store reopened from `dir`, after compacting it, and on the
 * compacted file opened afresh; closes what it opened.
 */
/** Each document reads back with its citations' targets and surfaces as written (and its findings). */
async function expectReadBack(target: MemoryGraphStore, batches: readonly DocumentBatch[], opts: { findings: boolean }): Promise<void> {
  for (const batch of batches) {
    const read = await target.documentCitations(batch.document.key);
    expect(read!.citations.map((cite) => [cite.to, cite.surface])).toEqual(batch.cites.map((cite) => [cite.to, cite.surface]));
    if (opts.findings) expect(read!.findings).toEqual(batch.findings);
  }
}

async function checkThroughReopenAndCompaction(dir: string, store: MemoryGraphStore, check: (target: MemoryGraphStore) => Promise<void>): Promise<void> {
  await check(store);
  await store.close();
  const reopened = new MemoryGraphStore({ dir });
  await check(reopened);
  reopened.compact();
  await check(reopened);
  await reopened.close();
  const fresh = new MemoryGraphStore({ dir });
  await check(fresh);
  await fresh.close();
}
