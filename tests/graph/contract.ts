// The GraphStore contract: one suite, run against every adapter (memory.test.ts and
// neo4j.int.test.ts). What it checks is what the API and ingest rely on; parity between the two
// stores is exactly "both pass this".
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphInputError } from '../../src/graph/errors.js';
import type { GraphStore, LineageHit } from '../../src/graph/store.js';
import { doc, instrument } from './batches.js';

const CT = 'vn:tw:ct-tw:2016:05'; // Chỉ thị 05-CT/TW
const ND = 'vn:tw:nd-cp:2020:30'; // Nghị định 30/2020/NĐ-CP
const TT = 'vn:tw:tt-bgddt:2020:11';
const KH_TINH = 'vn:hoa-binh:kh-ubnd:2023:144';
const DA_TU = 'vn:hoa-binh:da-tu:2022:15';
const KH_SO = 'vn:hoa-binh:kh-sgddt:2023:2754';
const KH_PHONG = 'doc:lac-thuy-kh-phong-2023';
const KH_TRUONG_A = 'doc:lac-thuy-truong-a-2024';
const KH_TRUONG_B = 'doc:lac-thuy-truong-b-2024';

/** An implementation chain four levels deep, as the corpus has them. */
function chain() {
  return [
    doc({
      key: KH_TINH,
      node: { number: '144/KH-UBND', date: '2023-09-15', year: 2023, issuer: 'UBND huyện Lạc Thủy' },
      instruments: [instrument(DA_TU, { type: 'Đề án', number: '15-ĐA/TU', date: '2022-12-15' }), instrument(CT, { type: 'Chỉ thị', number: '05-CT/TW', date: '2016-05-15' })],
      cites: [{ to: DA_TU, section: 'can_cu' }, { to: CT }],
      relations: [[KH_TINH, 'IMPLEMENTS', DA_TU], [KH_TINH, 'BASED_ON', DA_TU], [DA_TU, 'IMPLEMENTS', CT]],
    }),
    doc({
      key: KH_PHONG,
      instruments: [instrument(KH_TINH), instrument(KH_SO, { type: 'Kế hoạch', number: '2754/KH-SGDĐT' }), instrument(ND, { type: 'Nghị định', number: '30/2020/NĐ-CP' })],
      cites: [{ to: KH_TINH, section: 'can_cu' }, { to: KH_SO, section: 'can_cu' }, { to: ND }, { to: ND }],
      relations: [[KH_PHONG, 'IMPLEMENTS', KH_TINH], [KH_PHONG, 'IMPLEMENTS', KH_SO], [KH_SO, 'IMPLEMENTS', DA_TU]],
    }),
    doc({
      key: KH_TRUONG_A,
      cites: [{ to: KH_PHONG, section: 'can_cu' }, { to: TT }],
      relations: [[KH_TRUONG_A, 'IMPLEMENTS', KH_PHONG], [TT, 'GUIDES', ND]],
    }),
    doc({
      key: KH_TRUONG_B,
      cites: [{ to: KH_PHONG, section: 'can_cu' }],
      relations: [[KH_TRUONG_B, 'CONTINUES', KH_PHONG]],
    }),
  ];
}

async function allPages(fetch: (cursor: string | null) => Promise<{ items: LineageHit[]; nextCursor: string | null }>) {
  const items: LineageHit[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export function runContract(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;

    beforeAll(async () => {
      store = await makeStore();
      await store.init();
    });
    afterAll(async () => {
      await store?.clear();
      await store?.close();
    });
    beforeEach(async () => {
      await store.clear();
    });

    it('reports health and starts empty after clear()', async () => {
      const health = await store.health();
      expect(health).toMatchObject({ store: store.kind, ok: true });
      expect(await store.dump()).toEqual({ nodes: [], edges: [], findings: {}, statusEvents: {}, issuers: [] });
    });

    it('is idempotent: the same batch twice gives the identical dump', async () => {
      const first = await store.writeDocuments(chain());
      expect(first).toMatchObject({ documents: 4, citations: 9, unchanged: 0 });
      const once = await store.dump();
      const again = await store.writeDocuments(chain());
      expect(again).toMatchObject({ documents: 0, citations: 0, unchanged: 4 });
      expect(await store.dump()).toEqual(once);
      const forced = await store.writeDocuments(chain(), { force: true });
      expect(forced).toMatchObject({ documents: 4, unchanged: 0 });
      expect(await store.dump()).toEqual(once);
    });

    it('counts created and updated instruments, the document itself excluded', async () => {
      const summary = await store.writeDocuments([doc({ key: 'doc:a', cites: [{ to: ND }, { to: CT }] })]);
      expect(summary).toMatchObject({ documents: 1, citations: 2, instrumentsCreated: 2, instrumentsUpdated: 0 });
      const second = await store.writeDocuments([
        doc({ key: 'doc:b', instruments: [instrument(ND, { date: '2020-03-05' }), instrument(TT)], cites: [{ to: ND }, { to: TT }] }),
      ]);
      expect(second).toMatchObject({ instrumentsCreated: 1, instrumentsUpdated: 1 });
    });

    it('replaces a changed document atomically: old citations, relations and orphans go', async () => {
      await store.writeDocuments([
        doc({ key: 'doc:a', hash: 'v1', cites: [{ to: ND }, { to: CT }], relations: [[CT, 'IMPLEMENTS', DA_TU], ['doc:a', 'BASED_ON', ND]] }),
        doc({ key: 'doc:b', cites: [{ to: ND }] }),
      ]);
      const summary = await store.writeDocuments([doc({ key: 'doc:a', hash: 'v2', cites: [{ to: TT }], relations: [['doc:a', 'IMPLEMENTS', TT]] })]);
      expect(summary).toMatchObject({ documents: 1, citations: 1, unchanged: 0 });
      const dump = await store.dump();
      const keys = dump.nodes.map((node) => node.key);
      // CT and DA_TU were only held by doc:a v1; ND is still cited by doc:b.
      expect(keys).toEqual(['doc:a', 'doc:b', TT, ND].sort());
      expect(dump.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`)).toEqual([
        `doc:a CITES ${TT}`,
        `doc:a IMPLEMENTS ${TT}`,
        `doc:b CITES ${ND}`,
      ]);
      expect(await store.documentHash('doc:a')).toBe('v2');
      const citations = await store.documentCitations('doc:a');
      expect(citations?.citations.map((citation) => citation.to)).toEqual([TT]);
    });

    it('supersedes the document a file had under another key, in the same write', async () => {
      await store.writeDocuments([
        doc({ key: 'doc:old', file: 'a.txt', hash: 'v1', cites: [{ to: CT }, { to: ND }], relations: [['doc:old', 'IMPLEMENTS', CT]] }),
        doc({ key: 'doc:b', cites: [{ to: 'doc:old' }, { to: ND }] }),
      ]);
      const renumbered = doc({ key: KH_TINH, file: 'a.txt', hash: 'v2', cites: [{ to: TT }] });
      renumbered.supersedes = ['doc:old'];
      await store.writeDocuments([renumbered]);
      const dump = await store.dump();
      // doc:old is still cited by doc:b, so it stays, as a plain instrument; CT went with it.
      expect(dump.nodes.map((node) => [node.key, node.isDocument, node.file ?? null])).toEqual(
        [
          ['doc:b', true, 'plans/doc_b.txt'],
          ['doc:old', false, null],
          [KH_TINH, true, 'a.txt'],
          [ND, false, null],
          [TT, false, null],
        ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)),
      );
      expect(await store.documentCitations('doc:old')).toBeNull();
      expect(await store.ingestedFiles?.()).toEqual([
        { file: 'a.txt', key: KH_TINH, contentHash: 'v2' },
        { file: 'plans/doc_b.txt', key: 'doc:b', contentHash: 'hash-doc:b' },
      ]);
    });

    it('gives the same graph as a clean write after a replacement', async () => {
      await store.writeDocuments([doc({ key: 'doc:a', hash: 'v1', cites: [{ to: CT }] }), doc({ key: 'doc:b', cites: [{ to: ND }] })]);
      await store.writeDocuments([doc({ key: 'doc:a', hash: 'v2', cites: [{ to: TT }] })]);
      const replaced = await store.dump();
      await store.clear();
      await store.writeDocuments([doc({ key: 'doc:a', hash: 'v2', cites: [{ to: TT }] }), doc({ key: 'doc:b', cites: [{ to: ND }] })]);
      expect(await store.dump()).toEqual(replaced);
    });

    it('merges instruments by key across documents and keeps who cites them', async () => {
      await store.writeDocuments([
        doc({ key: 'doc:a', file: 'a.txt', instruments: [instrument(ND, { type: 'Nghị định', number: '30/2020/NĐ-CP' })], cites: [{ to: ND }, { to: ND }] }),
        doc({ key: 'doc:b', file: 'b.txt', instruments: [instrument(ND, { date: '2020-03-05', issuer: 'Chính phủ', year: 2020 })], cites: [{ to: ND }] }),
      ]);
      const detail = await store.getInstrument(ND);
      expect(detail?.instrument).toMatchObject({ key: ND, type: 'Nghị định', number: '30/2020/NĐ-CP', date: '2020-03-05', issuer: 'Chính phủ', year: 2020, isDocument: false });
      expect(detail?.citedBy).toEqual([
        { key: 'doc:a', file: 'a.txt', count: 2 },
        { key: 'doc:b', file: 'b.txt', count: 1 },
      ]);
      expect(detail?.citationCount).toBe(3);
      expect(await store.getInstrument('vn:tw:nd-cp:1999:1')).toBeNull();
    });

    it('keeps the first value when citations disagree and reports the conflict as a finding', async () => {
      await store.writeDocuments([
        doc({ key: 'doc:a', instruments: [instrument(ND, { date: '2020-03-05', issuer: 'Chính phủ', type: 'Nghị định' })], cites: [{ to: ND }] }),
      ]);
      const summary = await store.writeDocuments([
        doc({
          key: 'doc:b',
          instruments: [instrument(ND, { date: '2020-05-03', issuer: 'Thủ tướng Chính phủ', type: 'nghị định' })],
          cites: [{ to: ND, surface: 'Nghị định số 30/2020/NĐ-CP ngày 05/5/2020', offset: 40 }],
        }),
      ]);
      expect(summary.conflicts?.map((c) => [c.key, c.field, c.kept, c.incoming, c.document])).toEqual([
        [ND, 'date', '2020-03-05', '2020-05-03', 'doc:b'],
        [ND, 'issuer', 'Chính phủ', 'Thủ tướng Chính phủ', 'doc:b'],
      ]);
      expect(summary.conflicts?.[0]).toMatchObject({ offset: 40, surface: 'Nghị định số 30/2020/NĐ-CP ngày 05/5/2020' });
      expect((await store.getInstrument(ND))?.instrument).toMatchObject({ date: '2020-03-05', issuer: 'Chính phủ' });
      const stored = await store.documentCitations('doc:b');
      expect(stored?.findings.map((finding) => [finding.ruleId, finding.severity, finding.evidence])).toEqual([
        ['inconsistent-citation-across-documents', 'warning', 'Nghị định số 30/2020/NĐ-CP ngày 05/5/2020'],
        ['inconsistent-citation-across-documents', 'warning', 'Nghị định số 30/2020/NĐ-CP ngày 05/5/2020'],
      ]);
      // Equivalent issuer wordings are not a conflict.
      const same = await store.writeDocuments([
        doc({ key: 'doc:c', instruments: [instrument(KH_TINH, { issuer: 'UBND huyện Lạc Thủy' })], cites: [{ to: KH_TINH }] }),
        doc({ key: 'doc:d', instruments: [instrument(KH_TINH, { issuer: 'Ủy ban nhân dân huyện Lạc Thủy' })], cites: [{ to: KH_TINH }] }),
      ]);
      expect(same.conflicts).toEqual([]);
    });

    it('never lets a later citation replace a known number or subject, and reports a repeated disagreement each time', async () => {
      const first = { type: 'Nghị định', number: '30/2020/NĐ-CP', date: '2020-03-05', issuer: 'Chính phủ', subject: 'về công tác văn thư' };
      await store.writeDocuments([doc({ key: 'doc:a', instruments: [instrument(ND, first)], cites: [{ to: ND }] })]);
      const quiet = await store.writeDocuments([
        doc({ key: 'doc:b', instruments: [instrument(ND, { ...first, number: '30/2020/ND-CP', subject: 'về văn thư' })], cites: [{ to: ND }] }),
      ]);
      expect([quiet.instrumentsCreated, quiet.instrumentsUpdated, quiet.conflicts]).toEqual([0, 0, []]);
      expect((await store.getInstrument(ND))?.instrument).toMatchObject(first);
      for (const key of ['doc:c', 'doc:d']) {
        const summary = await store.writeDocuments([doc({ key, instruments: [instrument(ND, { ...first, date: '2020-05-03' })], cites: [{ to: ND }] })]);
        expect(summary.conflicts?.map((c) => [c.field, c.kept, c.incoming, c.document])).toEqual([['date', '2020-03-05', '2020-05-03', key]]);
      }
      expect((await store.getInstrument(ND))?.instrument).toMatchObject(first);
      // Another wording of the same issuer is neither a conflict nor a change, however often it recurs.
      await store.writeDocuments([doc({ key: 'doc:e', instruments: [instrument(KH_TINH, { issuer: 'Ủy ban nhân dân huyện Lạc Thủy' })], cites: [{ to: KH_TINH }] })]);
      for (const key of ['doc:f', 'doc:g']) {
        const summary = await store.writeDocuments([doc({ key, instruments: [instrument(KH_TINH, { issuer: 'UBND huyện Lạc Thủy' })], cites: [{ to: KH_TINH }] })]);
        expect([summary.instrumentsUpdated, summary.conflicts]).toEqual([0, []]);
      }
      expect((await store.getInstrument(KH_TINH))?.instrument.issuer).toBe('Ủy ban nhân dân huyện Lạc Thủy');
    });

    it("treats an ingested document's header as authoritative for its own node", async () => {
      await store.writeDocuments([doc({ key: 'doc:b', instruments: [instrument(KH_TINH, { date: '2023-09-16', issuer: 'UBND huyện Lạc Thủy' })], cites: [{ to: KH_TINH }] })]);
      const summary = await store.writeDocuments([doc({ key: KH_TINH, node: { date: '2023-09-15', number: '144/KH-UBND' } })]);
      expect(summary.conflicts?.map((c) => [c.field, c.kept, c.incoming, c.surface])).toEqual([['date', '2023-09-15', '2023-09-16', null]]);
      expect((await store.getInstrument(KH_TINH))?.instrument).toMatchObject({ date: '2023-09-15', number: '144/KH-UBND', issuer: 'UBND huyện Lạc Thủy', isDocument: true });
    });

    it('finds implementers transitively, by depth then key, with paths', async () => {
      await store.writeDocuments(chain());
      const direct = await store.implementers(DA_TU, { depth: 1, limit: 50 });
      expect(direct.items.map((hit) => [hit.key, hit.depth])).toEqual([
        [KH_SO, 1],
        [KH_TINH, 1],
      ]);
      expect(direct.nextCursor).toBeNull();
      const deep = await store.implementers(CT, { depth: 10, limit: 50 });
      expect(deep.items.map((hit) => [hit.key, hit.depth, hit.path])).toEqual([
        [DA_TU, 1, [CT, DA_TU]],
        [KH_SO, 2, [CT, DA_TU, KH_SO]],
        [KH_TINH, 2, [CT, DA_TU, KH_TINH]],
        // Two shortest paths lead to the Phòng's plan: the smaller key sequence is reported.
        [KH_PHONG, 3, [CT, DA_TU, KH_SO, KH_PHONG]],
        [KH_TRUONG_A, 4, [CT, DA_TU, KH_SO, KH_PHONG, KH_TRUONG_A]],
        [KH_TRUONG_B, 4, [CT, DA_TU, KH_SO, KH_PHONG, KH_TRUONG_B]],
      ]);
      expect(deep.items[0]).toMatchObject({ type: 'Đề án', number: '15-ĐA/TU', date: '2022-12-15' });
      const limited = await store.implementers(CT, { depth: 3, limit: 50 });
      expect(limited.items.map((hit) => hit.key)).toEqual([DA_TU, KH_SO, KH_TINH, KH_PHONG]);
      // GUIDES counts as implementing; CITES and BASED_ON do not.
      expect((await store.implementers(ND, { depth: 2, limit: 10 })).items.map((hit) => hit.key)).toEqual([TT]);
      expect((await store.implementers('vn:tw:none:2000:1', { depth: 2, limit: 10 })).items).toEqual([]);
    });

    it('pages lineage with opaque cursors and refuses bad depth, limit and cursor', async () => {
      await store.writeDocuments(chain());
      const all = await store.implementers(CT, { depth: 5, limit: 1000 });
      const paged = await allPages((cursor) => store.implementers(CT, { depth: 5, limit: 2, cursor }));
      expect(paged).toEqual(all.items);
      const first = await store.implementers(CT, { depth: 5, limit: 2 });
      expect(first.items).toHaveLength(2);
      expect(typeof first.nextCursor).toBe('string');
      await expect(store.implementers(CT, { depth: 0, limit: 2 })).rejects.toBeInstanceOf(GraphInputError);
      await expect(store.implementers(CT, { depth: 11, limit: 2 })).rejects.toBeInstanceOf(GraphInputError);
      await expect(store.basis(CT, { depth: 1.5, limit: 2 })).rejects.toBeInstanceOf(GraphInputError);
      await expect(store.implementers(CT, { depth: 2, limit: 0 })).rejects.toBeInstanceOf(GraphInputError);
      await expect(store.implementers(CT, { depth: 2, limit: 2, cursor: 'not a cursor!' })).rejects.toBeInstanceOf(GraphInputError);
      const error = await store.implementers(CT, { depth: 99, limit: 2 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ field: 'depth' });
      expect((error as GraphInputError).messageEn).toMatch(/1 to 10/);
    });

    it('finds the basis of a plan up to the central instruments', async () => {
      await store.writeDocuments(chain());
      const basis = await store.basis(KH_TRUONG_A, { depth: 10, limit: 100 });
      expect(basis.items.map((hit) => [hit.key, hit.depth])).toEqual([
        [KH_PHONG, 1],
        [TT, 1],
        [KH_SO, 2],
        [KH_TINH, 2],
        [ND, 2],
        [DA_TU, 3],
        [CT, 3],
      ]);
      expect(basis.items.find((hit) => hit.key === DA_TU)?.path).toEqual([KH_TRUONG_A, KH_PHONG, KH_SO, DA_TU]);
      const one = await store.basis(KH_TRUONG_A, { depth: 1, limit: 100 });
      expect(one.items.map((hit) => hit.key)).toEqual([KH_PHONG, TT]);
    });

    it('survives cycles without returning the start', async () => {
      await store.writeDocuments([
        doc({ key: 'doc:x', cites: [{ to: 'doc:y' }], relations: [['doc:x', 'CONTINUES', 'doc:y']] }),
        doc({ key: 'doc:y', cites: [{ to: 'doc:x' }], relations: [['doc:y', 'CONTINUES', 'doc:x']] }),
      ]);
      expect((await store.implementers('doc:x', { depth: 10, limit: 10 })).items.map((hit) => [hit.key, hit.depth])).toEqual([['doc:y', 1]]);
      expect((await store.basis('doc:x', { depth: 10, limit: 10 })).items.map((hit) => hit.key)).toEqual(['doc:y']);
    });

    it('returns a lineage graph: basis up, implementers down, edges among them', async () => {
      await store.writeDocuments(chain());
      const graph = await store.lineage(KH_PHONG, { up: 1, down: 1 });
      expect(graph.nodes.map((node) => node.key)).toEqual([KH_PHONG, KH_TRUONG_A, KH_TRUONG_B, KH_SO, KH_TINH, ND].sort());
      expect(graph.edges.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`).sort()).toEqual(
        [
          `${KH_PHONG} CITES ${KH_SO}`,
          `${KH_PHONG} CITES ${KH_TINH}`,
          `${KH_PHONG} CITES ${ND}`,
          `${KH_PHONG} IMPLEMENTS ${KH_SO}`,
          `${KH_PHONG} IMPLEMENTS ${KH_TINH}`,
          `${KH_TRUONG_A} CITES ${KH_PHONG}`,
          `${KH_TRUONG_A} IMPLEMENTS ${KH_PHONG}`,
          `${KH_TRUONG_B} CITES ${KH_PHONG}`,
          `${KH_TRUONG_B} CONTINUES ${KH_PHONG}`,
        ].sort(),
      );
      const none = await store.lineage(KH_PHONG, { up: 0, down: 0 });
      expect(none.nodes.map((node) => node.key)).toEqual([KH_PHONG]);
      expect(none.edges).toEqual([]);
      expect(await store.lineage('doc:missing', { up: 1, down: 1 })).toEqual({ nodes: [], edges: [] });
      await expect(store.lineage(KH_PHONG, { up: 11, down: 0 })).rejects.toBeInstanceOf(GraphInputError);
    });

    it('lists typed relations of an instrument in both directions', async () => {
      await store.writeDocuments(chain());
      const detail = await store.getInstrument(DA_TU);
      expect(detail?.relations).toEqual([
        { kind: 'IMPLEMENTS', direction: 'out', key: CT },
        { kind: 'BASED_ON', direction: 'in', key: KH_TINH },
        { kind: 'IMPLEMENTS', direction: 'in', key: KH_SO },
        { kind: 'IMPLEMENTS', direction: 'in', key: KH_TINH },
      ]);
    });

    it('searches by number, seq, type, issuer, year and free text, with pages', async () => {
      await store.writeDocuments([
        doc({
          key: 'doc:s',
          instruments: [
            instrument(ND, { type: 'Nghị định', number: '30/2020/NĐ-CP', year: 2020, issuer: 'Chính phủ', issuerCode: 'CP', subject: 'về công tác văn thư' }),
            instrument('vn:tw:nd-cp:2015:04', { type: 'Nghị định', number: '04/2015/NĐ-CP', year: 2015, issuer: 'Chính phủ', issuerCode: 'CP' }),
            instrument('vn:hoa-binh:ct-ubnd:2022:06', { type: 'Chỉ thị', number: '06/CT-UBND', year: 2022, issuer: 'UBND tỉnh Hòa Bình', issuerCode: 'UBND' }),
            instrument('vn:son-la:ct-ubnd:2022:06', { type: 'Chỉ thị', number: '06/CT-UBND', year: 2022, issuer: 'UBND tỉnh Sơn La', issuerCode: 'UBND' }),
          ],
          cites: [{ to: ND }, { to: 'vn:tw:nd-cp:2015:04' }, { to: 'vn:hoa-binh:ct-ubnd:2022:06' }, { to: 'vn:son-la:ct-ubnd:2022:06' }],
        }),
      ]);
      const keys = async (query: Parameters<GraphStore['searchInstruments']>[0]) => (await store.searchInstruments(query)).items.map((node) => node.key);
      expect(await keys({ number: '06/CT-UBND', limit: 10 })).toEqual(['vn:hoa-binh:ct-ubnd:2022:06', 'vn:son-la:ct-ubnd:2022:06']);
      expect(await keys({ seq: '4', limit: 10 })).toEqual(['vn:tw:nd-cp:2015:04']);
      expect(await keys({ seq: '04', type: 'nghị định', limit: 10 })).toEqual(['vn:tw:nd-cp:2015:04']);
      expect(await keys({ type: 'Chỉ thị', issuer: 'hoa binh', limit: 10 })).toEqual(['vn:hoa-binh:ct-ubnd:2022:06']);
      expect(await keys({ issuer: 'CP', year: 2020, limit: 10 })).toEqual([ND]);
      expect(await keys({ text: 'VAN THU', limit: 10 })).toEqual([ND]);
      expect(await keys({ text: 'son la', limit: 10 })).toEqual(['vn:son-la:ct-ubnd:2022:06']);
      expect(await keys({ text: 'không có', limit: 10 })).toEqual([]);
      const first = await store.searchInstruments({ type: 'Chỉ thị', limit: 1 });
      expect(first.items).toHaveLength(1);
      const second = await store.searchInstruments({ type: 'Chỉ thị', limit: 1, cursor: first.nextCursor });
      expect(second.items.map((node) => node.key)).toEqual(['vn:son-la:ct-ubnd:2022:06']);
      expect(second.nextCursor).toBeNull();
      await expect(store.searchInstruments({ limit: 0 })).rejects.toBeInstanceOf(GraphInputError);
    });

    it('records status events, deduplicated, and keeps them across document rewrites', async () => {
      await store.writeDocuments([doc({ key: 'doc:a', hash: 'v1', cites: [{ to: ND }] })]);
      const event = { kind: 'replaced_by' as const, by: 'vn:tw:nd-cp:2025:99', date: '2025-07-01', confidence: 'stated' as const, source: 'https://example.gov.vn/nd', note: null };
      await store.addStatusEvent(ND, event);
      await store.addStatusEvent(ND, event);
      await store.addStatusEvent(ND, { kind: 'amended_by', by: null, date: '2021-01-01', confidence: 'inferred', source: 'registry' });
      const detail = await store.getInstrument(ND);
      expect(detail?.statusEvents).toEqual([event, { kind: 'amended_by', by: null, date: '2021-01-01', confidence: 'inferred', source: 'registry', note: null }]);
      expect(detail?.instrument.status).toBe('replaced');
      // The document stops citing it: the instrument stays because a fact is recorded about it.
      await store.writeDocuments([doc({ key: 'doc:a', hash: 'v2', cites: [{ to: CT }] })]);
      expect((await store.getInstrument(ND))?.statusEvents).toHaveLength(2);
      // A fact about an instrument nobody cites yet creates it.
      await store.addStatusEvent('vn:tw:tt-bnv:2016:01', { kind: 'expired', by: null, date: '2023-07-01', confidence: 'inferred', source: 'registry' });
      expect((await store.getInstrument('vn:tw:tt-bnv:2016:01'))?.instrument.status).toBe('expired');
      expect((await store.dump()).statusEvents?.[ND]).toHaveLength(2);
    });

    it('returns the citations of a document in text order with their instruments and findings', async () => {
      await store.writeDocuments([
        doc({
          key: 'doc:a',
          instruments: [instrument(ND, { number: '30/2020/NĐ-CP' }), instrument(CT)],
          cites: [
            { to: CT, offset: 500, section: 'body', surface: 'Chỉ thị số 05-CT/TW' },
            { to: ND, offset: 20, section: 'can_cu', surface: 'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020', date: '2020-03-05' },
          ],
          findings: [{ ruleId: 'citation-missing-date', severity: 'warning', message: 'Thiếu ngày', line: 9, column: 4, evidence: 'Chỉ thị số 05-CT/TW', expected: null }],
        }),
      ]);
      const result = await store.documentCitations('doc:a');
      expect(result?.document).toMatchObject({ key: 'doc:a', isDocument: true, contentHash: 'hash-doc:a' });
      expect(result?.citations.map((citation) => [citation.to, citation.offset, citation.section, citation.instrument.key])).toEqual([
        [ND, 20, 'can_cu', ND],
        [CT, 500, 'body', CT],
      ]);
      expect(result?.citations[0]).toMatchObject({ from: 'doc:a', surface: 'Nghị định số 30/2020/NĐ-CP ngày 05/3/2020', date: '2020-03-05', dateWritten: '2020-03-05', line: 4, column: 1 });
      expect(result?.citations[0]?.instrument.number).toBe('30/2020/NĐ-CP');
      expect(result?.findings).toEqual([{ ruleId: 'citation-missing-date', severity: 'warning', message: 'Thiếu ngày', line: 9, column: 4, evidence: 'Chỉ thị số 05-CT/TW', expected: null }]);
      expect(await store.documentCitations(ND)).toBeNull();
      expect(await store.documentCitations('doc:none')).toBeNull();
    });

    it("takes each citation's target from its own key, in whatever order the batch lists its instruments", async () => {
      // The merge takes the handle of "the next listed instrument" for a citation whose key is that
      // instrument's: instruments listed out of citation order, cited twice, not cited at all, and a
      // citation of an instrument not listed must each land on their own node.
      const UNLISTED = 'vn:tw:qd-ttg:2021:9';
      const batch = doc({
        key: 'doc:order',
        instruments: [instrument(TT, { number: '11/2020/TT-BGDĐT' }), instrument(ND, { number: '30/2020/NĐ-CP' }), instrument(CT, { number: '05-CT/TW' })],
        cites: [{ to: ND }, { to: TT }, { to: ND }, { to: UNLISTED }, { to: TT }, { to: ND }],
      });
      const summary = await store.writeDocuments([batch]);
      expect(summary.instrumentsCreated).toBe(4);
      const result = await store.documentCitations('doc:order');
      expect(result?.citations.map((citation) => [citation.to, citation.instrument.key, citation.instrument.number])).toEqual([
        [ND, ND, '30/2020/NĐ-CP'],
        [TT, TT, '11/2020/TT-BGDĐT'],
        [ND, ND, '30/2020/NĐ-CP'],
        [UNLISTED, UNLISTED, null],
        [TT, TT, '11/2020/TT-BGDĐT'],
        [ND, ND, '30/2020/NĐ-CP'],
      ]);
      expect((await store.getInstrument(CT))?.instrument.number).toBe('05-CT/TW');
      expect((await store.getInstrument(ND))?.citationCount).toBe(3);
      expect((await store.getInstrument(UNLISTED))?.citationCount).toBe(1);
    });

    it('knows document hashes and ingested files', async () => {
      await store.writeDocuments([doc({ key: 'doc:a', file: 'plans/a.txt', hash: 'abc' })]);
      expect(await store.documentHash('doc:a')).toBe('abc');
      expect(await store.documentHash('doc:b')).toBeNull();
      expect(await store.ingestedFiles?.()).toEqual([{ file: 'plans/a.txt', key: 'doc:a', contentHash: 'abc' }]);
    });

    it('refuses a malformed batch whole, writing nothing', async () => {
      const bad = doc({ key: 'doc:bad', cites: [{ to: ND }] });
      bad.cites[0]!.offset = -1;
      await expect(store.writeDocuments([doc({ key: 'doc:ok' }), bad])).rejects.toBeInstanceOf(GraphInputError);
      expect((await store.dump()).nodes).toEqual([]);
      const wrongSource = doc({ key: 'doc:bad2', relations: [['doc:bad2', 'IMPLEMENTS', ND]] });
      wrongSource.relations[0]!.source = 'doc:other';
      await expect(store.writeDocuments([wrongSource])).rejects.toThrow(/source/);
    });

    it('links instruments to their issuers (ISSUED_BY), named from the key when nothing else is known', async () => {
      await store.writeDocuments([
        doc({
          key: 'doc:a',
          node: { issuerCode: 'UBND', jurisdiction: 'hoa-binh.lac-thuy' },
          instruments: [
            instrument(ND, { number: '30/2020/NĐ-CP', issuerCode: 'CP', jurisdiction: 'tw' }),
            // A joint symbol names two issuers; "TTr" (a department's inspectorate) is not one.
            instrument('vn:hoa-binh:kh-sgddt-ttr:2023:7', { issuerCode: 'SGDĐT-TTr', jurisdiction: 'hoa-binh' }),
            instrument('vn:binh-duong.dau-tieng:hd-bdvhu-pgddt:2024:2', { issuerCode: 'BDVHU-PGDĐT', jurisdiction: 'binh-duong.dau-tieng' }),
          ],
          cites: [{ to: ND }, { to: 'vn:hoa-binh:kh-sgddt-ttr:2023:7' }, { to: 'vn:binh-duong.dau-tieng:hd-bdvhu-pgddt:2024:2' }],
        }),
      ]);
      const dump = await store.dump();
      expect(dump.edges.filter((edge) => edge.kind === 'ISSUED_BY').map((edge) => [edge.from, edge.to])).toEqual([
        ['doc:a', 'hoa-binh.lac-thuy:ubnd'],
        ['vn:binh-duong.dau-tieng:hd-bdvhu-pgddt:2024:2', 'binh-duong.dau-tieng:bdvhu'],
        ['vn:binh-duong.dau-tieng:hd-bdvhu-pgddt:2024:2', 'binh-duong.dau-tieng:pgddt'],
        ['vn:hoa-binh:kh-sgddt-ttr:2023:7', 'hoa-binh:sgddt'],
        [ND, 'tw:cp'],
      ]);
      expect(dump.issuers?.map((issuer) => [issuer.key, issuer.name, issuer.level, issuer.validTo])).toEqual([
        ['binh-duong.dau-tieng:bdvhu', 'Ban Dân vận Huyện ủy Dầu Tiếng', 'huyen', null],
        ['binh-duong.dau-tieng:pgddt', 'Phòng Giáo dục và Đào tạo huyện Dầu Tiếng', 'huyen', null],
        ['hoa-binh.lac-thuy:ubnd', 'Ủy ban nhân dân huyện Lạc Thủy', 'huyen', null],
        ['hoa-binh:sgddt', 'Sở Giáo dục và Đào tạo tỉnh Hòa Bình', 'tinh', null],
        ['tw:cp', 'Chính phủ', 'trung-uong', null],
      ]);
      expect((await store.getInstrument(ND))?.issuedBy?.map((issuer) => issuer.key)).toEqual(['tw:cp']);
      // Search among one issuer's instruments.
      const ofDauTieng = await store.searchInstruments({ issuerKey: 'binh-duong.dau-tieng:pgddt', limit: 10 });
      expect(ofDauTieng.items.map((node) => node.key)).toEqual(['vn:binh-duong.dau-tieng:hd-bdvhu-pgddt:2024:2']);
      expect((await store.searchInstruments({ issuerKey: 'hoa-binh.lac-thuy:ubnd', type: 'Kế hoạch', limit: 10 })).items.map((node) => node.key)).toEqual(['doc:a']);
      expect((await store.searchInstruments({ issuerKey: 'hoa-binh.lac-thuy:ubnd', type: 'Quyết định', limit: 10 })).items).toEqual([]);
      // The cited plan is ingested itself and its header names another issuer: the link follows.
      const cited = 'vn:hoa-binh:kh-sgddt-ttr:2023:7';
      await store.writeDocuments([doc({ key: cited, node: { issuerCode: 'UBND', jurisdiction: 'hoa-binh' } })]);
      const relinked = (await store.dump()).edges.filter((edge) => edge.kind === 'ISSUED_BY' && edge.from === cited).map((edge) => edge.to);
      expect(relinked).toEqual(['hoa-binh:ubnd']);
      expect((await store.getIssuer('hoa-binh:sgddt'))?.instrumentCount).toBe(0);
      expect(await store.getIssuer('tw:cp')).toMatchObject({ issuer: { key: 'tw:cp', code: 'CP' }, successors: [], predecessors: [], instrumentCount: 1 });
      expect(await store.getIssuer('tw:none')).toBeNull();
    });

    it('keeps described issuers and their successions, and follows the chain of successors', async () => {
      const ended = { validTo: '2025-07-01', source: 'https://example.gov.vn/nq-202', confidence: 'stated' as const };
      const lacThuy = { key: 'hoa-binh.lac-thuy:ubnd', code: 'UBND', name: 'Ủy ban nhân dân huyện Lạc Thủy', level: 'huyen' as const, jurisdiction: 'hoa-binh.lac-thuy', party: false, validFrom: null, ...ended };
      const hoaBinh = { key: 'hoa-binh:ubnd', code: 'UBND', name: 'Ủy ban nhân dân tỉnh Hòa Bình', level: 'tinh' as const, jurisdiction: 'hoa-binh', party: false, validFrom: null, ...ended };
      const batch = doc({ key: 'doc:a', node: { issuerCode: 'UBND', jurisdiction: 'hoa-binh.lac-thuy' } });
      batch.issuers = [lacThuy, hoaBinh];
      batch.successions = [
        { from: 'hoa-binh.lac-thuy:ubnd', to: 'phu-tho:ubnd', date: '2025-07-01', by: '72/2025/QH15', note: 'chính quyền cấp xã và chính quyền tỉnh Phú Thọ', source: 'https://example.gov.vn/luat-72', confidence: 'stated' },
        { from: 'hoa-binh:ubnd', to: 'phu-tho:ubnd', date: '2025-07-01', by: '202/2025/QH15', note: null, source: 'https://example.gov.vn/nq-202', confidence: 'stated' },
      ];
      await store.writeDocuments([batch]);
      // A later write that only links the issuer does not take its description away.
      await store.writeDocuments([doc({ key: 'doc:b', node: { issuerCode: 'UBND', jurisdiction: 'hoa-binh.lac-thuy' } })]);
      const detail = await store.getIssuer('hoa-binh.lac-thuy:ubnd');
      expect(detail?.issuer).toEqual(lacThuy);
      expect(detail?.instrumentCount).toBe(2);
      expect(detail?.successors.map((edge) => [edge.from, edge.to, edge.by, edge.issuer.name])).toEqual([
        ['hoa-binh.lac-thuy:ubnd', 'phu-tho:ubnd', '72/2025/QH15', 'Ủy ban nhân dân tỉnh Phú Thọ'],
      ]);
      const phuTho = await store.getIssuer('phu-tho:ubnd');
      expect(phuTho?.predecessors.map((edge) => edge.from)).toEqual(['hoa-binh.lac-thuy:ubnd', 'hoa-binh:ubnd']);
      expect(phuTho?.issuer.validTo).toBeNull();
      const dump = await store.dump();
      expect(dump.edges.filter((edge) => edge.kind === 'SUCCEEDED_BY')).toEqual([
        { from: 'hoa-binh.lac-thuy:ubnd', to: 'phu-tho:ubnd', kind: 'SUCCEEDED_BY', props: { date: '2025-07-01', by: '72/2025/QH15', note: 'chính quyền cấp xã và chính quyền tỉnh Phú Thọ', source: 'https://example.gov.vn/luat-72', confidence: 'stated' } },
        { from: 'hoa-binh:ubnd', to: 'phu-tho:ubnd', kind: 'SUCCEEDED_BY', props: { date: '2025-07-01', by: '202/2025/QH15', note: null, source: 'https://example.gov.vn/nq-202', confidence: 'stated' } },
      ]);
      expect((await store.listIssuers()).map((issuer) => issuer.key)).toEqual(['hoa-binh.lac-thuy:ubnd', 'hoa-binh:ubnd', 'phu-tho:ubnd']);
    });

    it('writes the status events a document states in the same write as the document', async () => {
      const replaced = 'vn:hoa-binh:qp.qd-ubnd:2019:45';
      const batch = doc({ key: 'doc:new-rule', cites: [{ to: replaced }] });
      batch.statusEvents = [{ key: replaced, event: { kind: 'replaced_by', by: 'doc:new-rule', date: '2024-03-01', confidence: 'stated', source: 'doc:new-rule', note: 'thay thế' } }];
      await store.writeDocuments([batch]);
      const detail = await store.getInstrument(replaced);
      expect(detail?.instrument.status).toBe('replaced');
      expect(detail?.statusEvents).toEqual([{ kind: 'replaced_by', by: 'doc:new-rule', date: '2024-03-01', confidence: 'stated', source: 'doc:new-rule', note: 'thay thế' }]);
      const bad = doc({ key: 'doc:bad-event' });
      bad.statusEvents = [{ key: ND, event: { kind: 'replaced_by', by: null, date: '1/7/2025', confidence: 'stated', source: 'x' } }];
      await expect(store.writeDocuments([bad])).rejects.toBeInstanceOf(GraphInputError);
      expect(await store.documentHash('doc:bad-event')).toBeNull();
    });

    it('writes the registry knowledge once per version, authoritative over citations but not over a header', async () => {
      const OLD = 'vn:tw:tt-bgddt:2017:36';
      const NEW = 'vn:tw:tt-bgddt:2024:09';
      const URL = 'https://example.gov.vn/tt-09-2024';
      // A plan cites 36/2017 with a wrong date; another document is itself 09/2024 (its header says so).
      await store.writeDocuments([
        doc({ key: 'doc:plan', instruments: [instrument(OLD, { number: '36/2017/TT-BGDĐT', date: '2017-12-01' })], cites: [{ to: OLD }] }),
        doc({ key: NEW, node: { type: 'Thông tư', number: '09/2024/TT-BGDĐT', date: '2024-06-03', subject: null } }),
      ]);
      const knowledge = {
        version: 'v1',
        instruments: [
          instrument(OLD, { type: 'Thông tư', number: '36/2017/TT-BGDĐT', date: '2017-12-28', issuer: 'Bộ Giáo dục và Đào tạo', issuerCode: 'BGDĐT', jurisdiction: 'tw' }),
          instrument(NEW, { type: 'Thông tư', number: '09/2024/TT-BGDĐT', date: '2024-06-05', subject: 'Quy chế tuyển sinh' }),
        ],
        statusEvents: [{ key: OLD, event: { kind: 'replaced_by' as const, by: NEW, date: '2024-07-19', confidence: 'stated' as const, source: URL, note: null } }],
        relations: [{ from: NEW, to: OLD, kind: 'REPLACES' as const, source: 'registry' }],
        issuers: [],
        successions: [],
      };
      expect(await store.knowledgeVersion()).toBeNull();
      expect(await store.writeKnowledge(knowledge)).toMatchObject({ written: true, instruments: 2, statusEvents: 1, relations: 1 });
      expect(await store.knowledgeVersion()).toBe('v1');
      const old = await store.getInstrument(OLD);
      expect(old?.instrument).toMatchObject({ date: '2017-12-28', issuer: 'Bộ Giáo dục và Đào tạo', status: 'replaced' });
      expect(old?.issuedBy?.map((issuer) => issuer.key)).toEqual(['tw:bgddt']);
      expect(old?.relations).toEqual([{ kind: 'REPLACES', direction: 'in', key: NEW }]);
      // The document's header keeps its date; the registry fills only what the header left empty.
      expect((await store.getInstrument(NEW))?.instrument).toMatchObject({ date: '2024-06-03', subject: 'Quy chế tuyển sinh', isDocument: true });
      const before = await store.dump();
      expect(await store.writeKnowledge(knowledge)).toMatchObject({ written: false });
      expect(await store.dump()).toEqual(before);
      // A new version replaces the registry's edges: the instrument that only they held goes.
      const ORPHAN = 'vn:tw:tt-bgddt:2009:09';
      await store.writeKnowledge({ ...knowledge, version: 'v2', relations: [...knowledge.relations, { from: OLD, to: ORPHAN, kind: 'REPLACES', source: 'registry' }] });
      expect((await store.getInstrument(ORPHAN))?.relations).toEqual([{ kind: 'REPLACES', direction: 'in', key: OLD }]);
      await store.writeKnowledge({ ...knowledge, version: 'v3' });
      expect(await store.getInstrument(ORPHAN)).toBeNull();
      expect((await store.dump()).edges.filter((edge) => edge.kind === 'REPLACES')).toEqual([{ from: NEW, to: OLD, kind: 'REPLACES', props: { source: 'registry' } }]);
      await expect(store.writeKnowledge({ ...knowledge, version: 'v4', relations: [{ from: NEW, to: OLD, kind: 'REPLACES', source: 'doc:plan' }] })).rejects.toBeInstanceOf(GraphInputError);
    });

    it('clear() removes everything', async () => {
      await store.writeDocuments(chain());
      await store.addStatusEvent(CT, { kind: 'expired', by: null, date: '2024-01-01', confidence: 'stated', source: 'x' });
      await store.clear();
      expect(await store.dump()).toEqual({ nodes: [], edges: [], findings: {}, statusEvents: {}, issuers: [] });
      expect(await store.documentHash(KH_PHONG)).toBeNull();
      expect((await store.searchInstruments({ limit: 10 })).items).toEqual([]);
    });
  });
}
