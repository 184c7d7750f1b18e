// The API's behaviour on the five seed plans, as one suite run against both stores:
// api.test.ts (embedded store) and api.int.test.ts (a real Neo4j). Real HTTP on a loopback port,
// seeds loaded through the real ingest pipeline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { GraphStore } from '../../src/graph/store.js';
import { API_KEY, call, CYPHER_REF, documentKey, jsonPost, multipart, PLANS_DIR, ref, seed, SEED_003, SEED_004, startApi, type Api } from './helpers.js';

const DE_AN_15 = 'Đề án 15-ĐA/TU';
const SEED_003_TEXT = readFileSync(path.join(PLANS_DIR, SEED_003), 'utf8');

export function runApiSuite(name: string, openStore: () => Promise<GraphStore>, closeStore: (store: GraphStore) => Promise<void>) {
  describe(`HTTP API on the seeds (${name} store)`, () => {
    let api: Api;
    let store: GraphStore;
    let seed003: string;
    let seed004: string;

    beforeAll(async () => {
      store = await openStore();
      await seed(store);
      api = await startApi(store);
      seed003 = await documentKey(store, SEED_003);
      seed004 = await documentKey(store, SEED_004);
    });
    afterAll(async () => {
      expect(api?.logs ?? []).toEqual([]);
      await api?.close();
      if (store) await closeStore(store);
    });

    it('GET /health names the store', async () => {
      const reply = await call(`${api.url}/health`);
      expect(reply.status).toBe(200);
      expect(reply.body.data).toMatchObject({ status: 'ok', store: store.kind });
    });

    it('GET /instruments/:ref accepts a citation as written and a canonical key', async () => {
      const byCitation = await call(`${api.url}/instruments/${ref(DE_AN_15)}`);
      expect(byCitation.status).toBe(200);
      const detail = byCitation.body.data;
      expect(detail.instrument).toMatchObject({ type: 'Đề án', number: '15-ĐA/TU', date: '2022-12-15' });
      expect(detail.citationCount).toBeGreaterThan(0);
      expect(detail.citedBy.map((entry: { key: string }) => entry.key)).toContain(seed003);
      expect(Array.isArray(detail.statusEvents)).toBe(true);

      const byKey = await call(`${api.url}/instruments/${ref(detail.instrument.key)}`);
      expect(byKey.status).toBe(200);
      expect(byKey.body.data).toEqual(detail);
    });

    it('implementers of Đề án 15-ĐA/TU include seed 003 and Kế hoạch 144/KH-UBND', async () => {
      const reply = await call(`${api.url}/instruments/${ref(DE_AN_15)}/implementers?depth=3`);
      expect(reply.status).toBe(200);
      const { items, key, depth } = reply.body.data;
      expect(depth).toBe(3);
      expect(key).toMatch(/da-tu/);
      expect(items.map((hit: { key: string }) => hit.key)).toContain(seed003);
      expect(items.map((hit: { number: string | null }) => hit.number)).toContain('144/KH-UBND');
      for (const hit of items) {
        expect(hit.path[0]).toBe(key);
        expect(hit.path.at(-1)).toBe(hit.key);
        expect(hit.path).toHaveLength(hit.depth + 1);
      }
    });

    it('GET /issuers/:key: UBND huyện Lạc Thủy ended with the district tier on 1/7/2025; UBND tỉnh Phú Thọ took over', async () => {
      const plan = (await call(`${api.url}/instruments?q=${ref('Kế hoạch 144/KH-UBND')}`)).body.data.items[0];
      const detail = (await call(`${api.url}/instruments/${ref(plan.key)}`)).body.data;
      expect(detail.issuedBy.map((issuer: { key: string; validTo: string | null }) => [issuer.key, issuer.validTo])).toEqual([['hoa-binh.lac-thuy:ubnd', '2025-07-01']]);
      const reply = await call(`${api.url}/issuers/${ref('hoa-binh.lac-thuy:ubnd')}`);
      expect(reply.status).toBe(200);
      const { issuer, successors, instrumentCount } = reply.body.data;
      expect(issuer).toMatchObject({ name: 'Ủy ban nhân dân huyện Lạc Thủy', level: 'huyen', validTo: '2025-07-01', confidence: 'stated' });
      expect(issuer.source).toMatch(/^https:\/\//);
      expect(instrumentCount).toBeGreaterThan(0);
      expect(successors).toHaveLength(1);
      expect(successors[0]).toMatchObject({ to: 'phu-tho:ubnd', date: '2025-07-01', by: '72/2025/QH15; 203/2025/QH15', issuer: { name: 'Ủy ban nhân dân tỉnh Phú Thọ', validTo: null } });
      expect(successors[0].note).toContain('huyện Lạc Thủy cũ');
      // The province merged by Nghị quyết 202/2025/QH15, and its Sở GD&ĐT with it.
      const province = (await call(`${api.url}/issuers/hoa-binh:ubnd`)).body.data;
      expect(province.successors.map((edge: { to: string; by: string }) => [edge.to, edge.by])).toEqual([['phu-tho:ubnd', '202/2025/QH15']]);
      const so = (await call(`${api.url}/issuers/hoa-binh:sgddt`)).body.data;
      expect(so.issuer.name).toBe('Sở Giáo dục và Đào tạo tỉnh Hòa Bình');
      expect(so.successors.map((edge: { to: string }) => edge.to)).toEqual(['phu-tho:sgddt']);
      const phuTho = (await call(`${api.url}/issuers/phu-tho:ubnd`)).body.data;
      expect(phuTho.predecessors.map((edge: { from: string }) => edge.from)).toEqual(expect.arrayContaining(['hoa-binh.lac-thuy:ubnd', 'hoa-binh:ubnd']));
    });

    it('GET /issuers filters by name and by whether the body ended; an unknown issuer is a 404 with a hint', async () => {
      const ended = (await call(`${api.url}/issuers?q=${ref('Lạc Thủy')}&ended=true`)).body.data.items;
      expect(ended.map((issuer: { key: string }) => issuer.key)).toContain('hoa-binh.lac-thuy:ubnd');
      expect(ended.every((issuer: { validTo: string | null }) => issuer.validTo !== null)).toBe(true);
      // Words of the name in any order, abbreviations as people write them.
      const province = (await call(`${api.url}/issuers?q=${ref('UBND tỉnh Hòa Bình')}`)).body.data.items;
      expect(province.map((issuer: { key: string }) => issuer.key)).toEqual(['hoa-binh:ubnd']);
      const central = (await call(`${api.url}/issuers?jurisdiction=tw&ended=false`)).body.data.items;
      expect(central.map((issuer: { key: string }) => issuer.key)).toEqual(expect.arrayContaining(['tw:cp', 'tw:bgddt']));
      const missing = await call(`${api.url}/issuers/${ref('hoa-binh:khong-co')}`);
      expect(missing.status).toBe(404);
      expect(missing.body.error.hint).toContain('tw:cp');
      expect((await call(`${api.url}/issuers?ended=maybe`)).status).toBe(400);
    });

    it('the registry is in the graph: Thông tư 36/2017/TT-BGDĐT replaced by 09/2024/TT-BGDĐT from 19/7/2024, with its source', async () => {
      const detail = (await call(`${api.url}/instruments/vn:tw:tt-bgddt:2017:36`)).body.data;
      expect(detail.instrument).toMatchObject({ number: '36/2017/TT-BGDĐT', status: 'replaced' });
      expect(detail.statusEvents).toEqual(
        expect.arrayContaining([expect.objectContaining({ kind: 'replaced_by', by: 'vn:tw:tt-bgddt:2024:09', date: '2024-07-19', confidence: 'stated', source: expect.stringMatching(/^https:/) })]),
      );
      expect(detail.relations).toEqual(expect.arrayContaining([{ kind: 'REPLACES', direction: 'in', key: 'vn:tw:tt-bgddt:2024:09' }]));
    });

    it('implementers page with limit and cursor, without losing or repeating anything', async () => {
      const all = (await call(`${api.url}/instruments/${ref(DE_AN_15)}/implementers?depth=3&limit=1000`)).body.data.items;
      expect(all.length).toBeGreaterThan(1);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `${api.url}/instruments/${ref(DE_AN_15)}/implementers?depth=3&limit=1${cursor ? `&cursor=${ref(cursor)}` : ''}`;
        const page = (await call(url)).body.data;
        seen.push(...page.items.map((hit: { key: string }) => hit.key));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all.map((hit: { key: string }) => hit.key));
    });

    it('basis of seed 004 reaches Kế hoạch 163/KH-GD&ĐT and Chỉ thị 05-CT/TW', async () => {
      const reply = await call(`${api.url}/instruments/${ref(seed004)}/basis?depth=5&limit=1000`);
      expect(reply.status).toBe(200);
      const numbers = reply.body.data.items.map((hit: { number: string | null }) => hit.number);
      expect(numbers.some((number: string | null) => number !== null && /^163\/KH-GD&?ĐT$/.test(number))).toBe(true);
      expect(numbers).toContain('05-CT/TW');
    });

    it('GET /instruments/:ref/lineage answers {nodes, edges} around the instrument', async () => {
      const reply = await call(`${api.url}/instruments/${ref(DE_AN_15)}/lineage?up=1&down=2`);
      expect(reply.status).toBe(200);
      const { key, nodes, edges } = reply.body.data;
      const keys = nodes.map((node: { key: string }) => node.key);
      expect(keys).toContain(key);
      expect(keys).toContain(seed003);
      expect(edges.some((edge: { from: string; to: string }) => edge.from === seed003 && edge.to === key)).toBe(true);
      for (const edge of edges) {
        expect(keys).toContain(edge.from);
        expect(keys).toContain(edge.to);
      }
      const alone = await call(`${api.url}/instruments/${ref(key)}/lineage?up=0&down=0`);
      expect(alone.body.data.nodes.map((node: { key: string }) => node.key)).toEqual([key]);
    });

    it('GET /instruments?q= reads a citation as people write it, or searches text', async () => {
      const byCitation = await call(`${api.url}/instruments?q=${ref('Chỉ thị số 05-CT/TW')}`);
      expect(byCitation.status).toBe(200);
      expect(byCitation.body.data.interpretedAs).toBe('citation');
      expect(byCitation.body.data.items.map((node: { number: string }) => node.number)).toEqual(['05-CT/TW']);

      const short = await call(`${api.url}/instruments?q=${ref('KH 144/KH-UBND')}`);
      expect(short.body.data.items.map((node: { number: string }) => node.number)).toContain('144/KH-UBND');

      const byText = await call(`${api.url}/instruments?q=${ref('dân vận')}&limit=5`);
      expect(byText.status).toBe(200);
      expect(byText.body.data.interpretedAs).toBe('text');
      expect(byText.body.data.items.length).toBeGreaterThan(0);

      const filtered = await call(`${api.url}/instruments?type=${ref('Chỉ thị')}&year=2016`);
      expect(filtered.body.data.items.length).toBeGreaterThan(0);
      for (const node of filtered.body.data.items) expect(node).toMatchObject({ type: 'Chỉ thị', year: 2016 });
    });

    it('GET /instruments pages with a cursor', async () => {
      const first = (await call(`${api.url}/instruments?type=${ref('Chỉ thị')}&limit=2`)).body.data;
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).toEqual(expect.any(String));
      const second = (await call(`${api.url}/instruments?type=${ref('Chỉ thị')}&limit=2&cursor=${ref(first.nextCursor)}`)).body.data;
      expect(second.items.length).toBeGreaterThan(0);
      expect(second.items.map((n: { key: string }) => n.key)).not.toContain(first.items[0].key);
    });

    it('GET /documents/:ref/citations lists what seed 003 cites, with its findings', async () => {
      const reply = await call(`${api.url}/documents/${ref(seed003)}/citations`);
      expect(reply.status).toBe(200);
      const { document, citations } = reply.body.data;
      expect(document.key).toBe(seed003);
      expect(path.basename(document.file)).toBe(SEED_003);
      expect(citations.some((citation: { surface: string }) => citation.surface.includes('693/QĐSGD&ĐT'))).toBe(true);
      expect(citations.some((citation: { instrument: { number: string } }) => citation.instrument.number === '144/KH-UBND')).toBe(true);
    });

    it('POST /check reports the malformed symbols of seed 003 that the CLI reports', async () => {
      const reply = await call(`${api.url}/check`, jsonPost({ text: SEED_003_TEXT, filename: SEED_003 }));
      expect(reply.status).toBe(200);
      const report = reply.body.data;
      expect(report.results).toHaveLength(1);
      expect(report.results[0].file).toBe(SEED_003);
      const messages: { ruleId: string; evidence: string }[] = report.results[0].messages;
      expect(messages.some((m) => m.ruleId === 'symbol-missing-hyphen' && m.evidence.includes('693/QĐSGD&ĐT'))).toBe(true);
      expect(messages.some((m) => m.ruleId === 'symbol-space-inside' && m.evidence.includes('15- ĐA/TU'))).toBe(true);
      expect(report.errorCount + report.warningCount + report.infoCount).toBe(messages.length);

      // The same symbol findings as the real `cancu check --format json`.
      let printed = '';
      await main({ argv: ['check', '--format', 'json', SEED_003], stdout: { write: (chunk: string) => (printed += chunk) }, stderr: { write: () => true }, cwd: PLANS_DIR });
      const cli = JSON.parse(printed) as typeof report;
      expect(cli.results[0].file).toBe(SEED_003);
      const symbolFindings = (r: typeof report) =>
        r.results[0].messages
          .filter((m: { ruleId: string }) => m.ruleId.startsWith('symbol-'))
          .map((m: { ruleId: string; line: number; column: number; evidence: string }) => `${m.ruleId}@${m.line}:${m.column} ${m.evidence}`)
          .sort();
      expect(symbolFindings(report)).toEqual(symbolFindings(cli));
    });

    it('POST /check takes an uploaded .txt file and answers in English on request', async () => {
      const reply = await call(`${api.url}/check?lang=en`, multipart(SEED_003, SEED_003_TEXT));
      expect(reply.status).toBe(200);
      const messages = reply.body.data.results[0].messages;
      expect(reply.body.data.results[0].file).toBe(SEED_003);
      expect(messages.some((m: { ruleId: string }) => m.ruleId === 'symbol-missing-hyphen')).toBe(true);
      const vi = await call(`${api.url}/check`, multipart(SEED_003, SEED_003_TEXT));
      expect(messages.map((m: { message: string }) => m.message)).not.toEqual(vi.body.data.results[0].messages.map((m: { message: string }) => m.message));
    });

    it('unknown refs answer 404 with a hint; a ref carrying Cypher is just an unknown ref', async () => {
      for (const bad of ['Chỉ thị 999-CT/TW', 'vn:tw:ct-tw:1999:999', CYPHER_REF]) {
        const reply = await call(`${api.url}/instruments/${ref(bad)}/implementers`);
        expect(reply.status).toBe(404);
        expect(reply.body.error.code).toBe('not_found');
        expect(reply.body.error.message).toContain(bad);
        expect(reply.body.error.hint).toMatch(/khóa chuẩn/);
      }
    });

    it('a ref with an unencoded "/" gets a 404 explaining URL encoding', async () => {
      const reply = await call(`${api.url}/instruments/05-CT/TW/implementers`);
      expect(reply.status).toBe(404);
      expect(reply.body.error.hint).toContain('%2F');
    });

    it('depth out of range is a 400 naming the parameter', async () => {
      for (const depth of ['0', '11', 'abc', '2.5']) {
        const reply = await call(`${api.url}/instruments/${ref(DE_AN_15)}/implementers?depth=${depth}`);
        expect(reply.status).toBe(400);
        expect(reply.body.error.code).toBe('invalid_request');
        expect(reply.body.error.message).toContain('depth');
      }
    });

    it('writes without the right key are refused (401)', async () => {
      const event = { kind: 'expired', date: '2024-01-01', source: 'https://example.org/x' };
      const missing = await call(`${api.url}/instruments/${ref(DE_AN_15)}/status`, jsonPost(event));
      expect(missing.status).toBe(401);
      expect(missing.headers.get('www-authenticate')).toMatch(/Bearer/);
      const wrong = await call(`${api.url}/instruments/${ref(DE_AN_15)}/status`, jsonPost(event, { Authorization: 'Bearer not-the-key-0123456789' }));
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('unauthorized');
      const upload = await call(`${api.url}/documents`, multipart('x.txt', 'KẾ HOẠCH', {}, { 'X-API-Key': `${API_KEY}x` }));
      expect(upload.status).toBe(401);
    });
  });
}
