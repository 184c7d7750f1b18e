// The ingest pipeline over real files into the embedded store: folders, globs, idempotence,
// changed files, failures that do not stop the rest, duplicate keys, progress and findings.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import type { Finding } from '../../src/citations/model.js';
import { MemoryGraphStore } from '../../src/graph/memory/index.js';
import { formatIngestSummary, ingest, type IngestProgress } from '../../ingest/pipeline.js';
import { ROOT, removeScratch, scratch } from './helpers.js';

const PLANS = join(ROOT, 'fixtures', 'plans');

function tempStore(): MemoryGraphStore {
  return new MemoryGraphStore({ dir: scratch('cancu-ingest-') });
}

/** A copy of the seed plans in a scratch folder (the tests change files). */
function scratchPlans(): string {
  const dir = scratch('cancu-plans-');
  for (const name of ['000_62be2637e8442795.txt', '001_0c8db8813ae77d4b.txt', '002_4a437969179fdfe8.txt', '003_06262491b62869cd.txt', '004_723b0c46fb5dfa44.txt']) {
    copyFileSync(join(PLANS, name), join(dir, name));
  }
  return dir;
}

function keyedCitations(dir: string, names: string[]): number {
  return names.reduce((sum, name) => sum + analyze(readFileSync(join(dir, name), 'utf8'), { file: name }).citations.filter((c) => c.key !== null).length, 0);
}

afterAll(removeScratch);

describe('ingest()', () => {
  it('ingests a folder, recording files relative to the root, and reports progress per file', async () => {
    const dir = scratchPlans();
    const store = tempStore();
    const progress: IngestProgress[] = [];
    const summary = await ingest([dir], { store, root: dir, resolver: null, onProgress: (p) => progress.push(p) });
    const names = ['000_62be2637e8442795.txt', '001_0c8db8813ae77d4b.txt', '002_4a437969179fdfe8.txt', '003_06262491b62869cd.txt', '004_723b0c46fb5dfa44.txt'];
    expect(summary).toMatchObject({ files: 5, documents: 5, unchanged: 0, failures: [] });
    expect(summary.citations).toBe(keyedCitations(dir, names));
    expect(summary.instrumentsNew).toBeGreaterThan(50);
    expect((await store.ingestedFiles()).map((entry) => entry.file)).toEqual(names);
    expect(progress.map((p) => p.done).filter((n, i, all) => all.indexOf(n) === i)).toEqual([1, 2, 3, 4, 5]);
    expect(progress.at(-1)).toMatchObject({ total: 5, done: 5, documents: 5 });
    expect(formatIngestSummary(summary)).toMatch(/^5 tệp: ghi 5 văn bản, 0 không đổi, 0 bị từ chối/);
    expect(formatIngestSummary(summary, 'en')).toMatch(/^5 files: 5 documents written/);
    // The first ingest into a store also loads the bundled registry, and says so.
    expect(formatIngestSummary(summary)).toMatch(/Đã nạp dữ kiện hiệu lực vào đồ thị: \d+ văn bản, \d+ sự kiện hiệu lực/);
  });

  it('builds the implementation chain of seed 003 (title, "Thực hiện" preamble, relations in descriptions)', async () => {
    const store = tempStore();
    await ingest([join(PLANS, '003_06262491b62869cd.txt')], { store, root: ROOT, resolver: null });
    const implementers = await store.implementers('vn:hoa-binh:da-tu:2022:15', { depth: 3, limit: 50 });
    const doc = 'doc:fixtures-plans-003-06262491b62869cd-txt';
    expect(implementers.items.map((hit) => [hit.key, hit.depth])).toEqual([
      [doc, 1],
      ['vn:hoa-binh.lac-thuy:kh-ubnd:2023:144', 1],
      ['vn:hoa-binh:kh-sgddt:2023:2754', 1],
    ]);
    const basis = await store.basis(doc, { depth: 1, limit: 200 });
    expect(basis.items.map((hit) => hit.key)).toContain('vn:tw:ct-tw:2016:05');
    const dump = await store.dump();
    const from = (kind: string) => dump.edges.filter((edge) => edge.from === doc && edge.kind === kind).map((edge) => edge.to);
    expect(from('IMPLEMENTS')).toEqual(['vn:hoa-binh.lac-thuy:kh-ubnd:2023:144', 'vn:hoa-binh:da-tu:2022:15', 'vn:hoa-binh:kh-sgddt:2023:2754']);
    expect(from('BASED_ON')).toEqual([]);
  });

  it('turns "Căn cứ …" items into BASED_ON', async () => {
    const store = tempStore();
    await ingest([join(PLANS, '000_62be2637e8442795.txt')], { store, root: ROOT, resolver: null });
    const dump = await store.dump();
    expect(dump.edges.filter((edge) => edge.kind === 'BASED_ON').map((edge) => `${edge.from} → ${edge.to}`)).toEqual([
      'vn:binh-duong.dau-tieng:kh-pgddt:2023:07 → vn:binh-duong.dau-tieng:ctph-bdvhu-pgddt:2021:05',
      'vn:binh-duong.dau-tieng:kh-pgddt:2023:07 → vn:binh-duong:kh-sgddt:2023:61',
    ]);
  });

  it('is idempotent: a second run skips every unchanged file and leaves the graph as it was', async () => {
    const dir = scratchPlans();
    const store = tempStore();
    await ingest([dir], { store, root: dir, resolver: null });
    const before = await store.dump();
    const again = await ingest([dir], { store, root: dir, resolver: null });
    expect(again).toMatchObject({ files: 5, documents: 0, citations: 0, unchanged: 5, failures: [] });
    expect(await store.dump()).toEqual(before);
  });

  it('gives the same graph whatever the batch size', async () => {
    const dir = scratchPlans();
    const one = tempStore();
    const many = tempStore();
    await ingest([dir], { store: one, root: dir, resolver: null, batchSize: 1 });
    await ingest([dir], { store: many, root: dir, resolver: null, batchSize: 500 });
    expect(await one.dump()).toEqual(await many.dump());
  });

  it('re-ingests a changed file and replaces its citations', async () => {
    const dir = scratchPlans();
    const store = tempStore();
    await ingest([dir], { store, root: dir, resolver: null });
    const file = join(dir, '002_4a437969179fdfe8.txt');
    const text = readFileSync(file, 'utf8').replace('Căn cứ Công văn số 533-CV/TU ngày 01/3/2023 của Thành ủy Thủ Dầu Một', 'Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị');
    writeFileSync(file, text);
    const summary = await ingest([dir], { store, root: dir, resolver: null });
    expect(summary).toMatchObject({ documents: 1, unchanged: 4 });
    const cited = (await store.documentCitations('vn:binh-duong.thu-dau-mot:kh-pgddt:2023:605'))!.citations.map((c) => c.to);
    expect(cited).toContain('vn:tw:ct-tw:2016:05');
    expect(cited).not.toContain('vn:binh-duong:cv-tu:2023:533');
    // Same edges as ingesting the changed folder into an empty store. (Node properties may differ:
    // the first value seen wins, and here another plan's citation of 05-CT/TW came first.)
    const clean = tempStore();
    await ingest([dir], { store: clean, root: dir, resolver: null });
    const [after, fresh] = [await store.dump(), await clean.dump()];
    expect(after.edges).toEqual(fresh.edges);
    expect(after.nodes.map((node) => node.key)).toEqual(fresh.nodes.map((node) => node.key));
  });

  it('replaces the document of a file whose own number changed (new key)', async () => {
    const dir = scratch('cancu-renumber-');
    const file = join(dir, 'plan.txt');
    const original = readFileSync(join(PLANS, '000_62be2637e8442795.txt'), 'utf8');
    writeFileSync(file, original);
    const store = tempStore();
    await ingest([dir], { store, root: dir, resolver: null });
    writeFileSync(file, original.replace('Số: 07 /KH-PGDĐT', 'Số: 08/KH-PGDĐT'));
    await ingest([dir], { store, root: dir, resolver: null });
    expect((await store.ingestedFiles()).map((entry) => entry.key)).toEqual(['vn:binh-duong.dau-tieng:kh-pgddt:2023:08']);
    expect(await store.documentCitations('vn:binh-duong.dau-tieng:kh-pgddt:2023:07')).toBeNull();
  });

  it('accepts globs and explicit files, and reports every failure without stopping', async () => {
    const dir = scratchPlans();
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x4b, 0x48, 0x00, 0x01, 0x02, 0x00, 0xff]));
    writeFileSync(join(dir, 'scan.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'bad-utf8.md'), Buffer.from([0x4b, 0xe1, 0xba, 0xbf, 0x20, 0xc3, 0x28]));
    const store = tempStore();
    const summary = await ingest([join(dir, '00[0-1]*.txt'), join(dir, 'binary.txt'), join(dir, 'scan.pdf'), join(dir, 'bad-utf8.md'), join(dir, 'missing.txt'), join(dir, 'nothing-*.md')], {
      store,
      root: dir,
      resolver: null,
    });
    expect(summary.documents).toBe(2);
    expect(summary.failures.map((failure) => failure.file).sort()).toEqual([join(dir, 'missing.txt'), join(dir, 'nothing-*.md'), 'bad-utf8.md', 'binary.txt', 'scan.pdf'].sort());
    for (const failure of summary.failures) expect(failure.reason.length).toBeGreaterThan(10);
    expect(summary.failures.find((failure) => failure.file === 'binary.txt')!.reason).toMatch(/binary|nhị phân/i);
  });

  it('refuses a second file claiming the key another file holds', async () => {
    const dir = scratch('cancu-dup-');
    const text = readFileSync(join(PLANS, '000_62be2637e8442795.txt'), 'utf8');
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b.txt'), text.replace('Dân vận', 'dân vận'));
    const store = tempStore();
    const summary = await ingest([dir], { store, root: dir, resolver: null });
    expect(summary.documents).toBe(1);
    expect(summary.failures).toHaveLength(1);
    expect(summary.failures[0]).toMatchObject({ file: 'b.txt' });
    expect(summary.failures[0]!.reason).toMatch(/a\.txt/);
  });

  it('reports citations of one instrument that disagree across documents, and stores the finding', async () => {
    const dir = scratch('cancu-conflict-');
    mkdirSync(join(dir, 'plans'));
    const plan = (n: number, date: string) =>
      `UBND HUYỆN LẠC THỦY\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: ${n}/KH-PGDĐT\n\nLạc Thủy, ngày 10 tháng 10 năm 2023\n\nKẾ HOẠCH\n\nThực hiện công tác dân vận năm 2023\n\nCăn cứ Nghị định số 30/2020/NĐ-CP ngày ${date} của Chính phủ về công tác văn thư;\n\nI. MỤC ĐÍCH\n\n1. Thực hiện tốt.\n`;
    writeFileSync(join(dir, 'plans', 'a.txt'), plan(11, '05/3/2020'));
    writeFileSync(join(dir, 'plans', 'b.txt'), plan(12, '15/3/2020'));
    const store = tempStore();
    const reported: { file: string; findings: Finding[] }[] = [];
    const summary = await ingest(['plans'], { store, cwd: dir, resolver: null, onFindings: (file, findings) => reported.push({ file, findings }) });
    const conflicts = reported.flatMap((r) => r.findings).filter((f) => f.ruleId === 'inconsistent-citation-across-documents');
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ file: 'plans/b.txt', severity: 'warning', expected: '2020-03-05', line: 12 });
    expect(conflicts[0]!.evidence).toBe('Nghị định số 30/2020/NĐ-CP ngày 15/3/2020');
    expect(summary.findingsBySeverity.warning).toBeGreaterThanOrEqual(1);
    const stored = await store.documentCitations('vn:hoa-binh.lac-thuy:kh-pgddt:2023:12');
    expect(stored!.findings.map((f) => f.ruleId)).toContain('inconsistent-citation-across-documents');
    expect((await store.getInstrument('vn:tw:nd-cp:2020:30'))!.instrument.date).toBe('2020-03-05');
  });

  it('isolates a document the store refuses and writes the others', async () => {
    const dir = scratchPlans();
    const store = tempStore();
    const refusing = Object.create(store) as MemoryGraphStore;
    refusing.writeDocuments = async (batches, options) => {
      if (batches.some((batch) => batch.document.file === '002_4a437969179fdfe8.txt')) throw new Error('refused by the store');
      return store.writeDocuments(batches, options);
    };
    const summary = await ingest([dir], { store: refusing, root: dir, resolver: null });
    expect(summary.documents).toBe(4);
    expect(summary.failures).toEqual([{ file: '002_4a437969179fdfe8.txt', reason: 'refused by the store' }]);
  });

  it("keeps an issuer's registry description when the document that carried it is refused", async () => {
    // Two plans of UBND huyện Yên Thủy, a district no registry file lists: its end with the district
    // tier is described with the first plan only; the store refuses that one.
    const dir = scratch('carry');
    const plan = (n: number) =>
      `ỦY BAN NHÂN DÂN\nHUYỆN YÊN THỦY\n\nSố: ${n}/KH-UBND\n\nYên Thủy, ngày 0${n - 9} tháng 3 năm 2024\n\nKẾ HOẠCH\n\nTuyên truyền pháp luật năm 2024\n\nCăn cứ Luật Phổ biến, giáo dục pháp luật;\n`;
    writeFileSync(join(dir, 'a.txt'), plan(10));
    writeFileSync(join(dir, 'b.txt'), plan(11));
    const store = tempStore();
    const refusing = Object.create(store) as MemoryGraphStore;
    refusing.writeDocuments = async (batches, options) => {
      if (batches.some((batch) => batch.document.file === 'a.txt')) throw new Error('refused by the store');
      return store.writeDocuments(batches, options);
    };
    const summary = await ingest([dir], { store: refusing, root: dir });
    expect(summary.failures.map((failure) => failure.file)).toEqual(['a.txt']);
    expect(summary.documents).toBe(1);
    const ubnd = await store.getIssuer('hoa-binh.yen-thuy:ubnd');
    expect(ubnd?.instrumentCount).toBe(1);
    expect(ubnd?.issuer).toMatchObject({ name: 'Ủy ban nhân dân huyện Yên Thủy', validTo: '2025-07-01' });
    expect(ubnd?.successors.map((edge) => edge.to)).toEqual(['phu-tho:ubnd']);
  });

  it('stores lint findings with each document (bundled registry by default)', async () => {
    const store = tempStore();
    const summary = await ingest([join(PLANS, '003_06262491b62869cd.txt')], { store, root: ROOT });
    expect(summary.findings).toBeGreaterThan(0);
    const stored = await store.documentCitations('doc:fixtures-plans-003-06262491b62869cd-txt');
    expect(stored!.findings.length).toBe(summary.findings);
    expect(stored!.findings.map((f) => f.ruleId)).toContain('symbol-space-inside');
  });
});
