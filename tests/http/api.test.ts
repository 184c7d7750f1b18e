// The API on the embedded store: the shared seed suite, then writes, bad requests (each leaving the
// graph untouched) and the HTTP plumbing (OpenAPI, docs, CORS, auth modes, limits).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/graph/store.js';
import { routing } from '../../src/http/routes.js';
import { API_KEY, call, CYPHER_REF, documentKey, jsonPost, memoryStore, multipart, PLANS_DIR, ref, removeTempDirs, seed, SEED_003, startApi, type Api } from './helpers.js';
import { runApiSuite } from './suite.js';

runApiSuite('memory', async () => memoryStore(), async (store) => store.close());

afterAll(() => removeTempDirs());

const auth = { Authorization: `Bearer ${API_KEY}` };

describe('writes', () => {
  let api: Api;
  let store: GraphStore;
  beforeAll(async () => {
    store = memoryStore();
    await seed(store);
    api = await startApi(store);
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('POST /instruments/:ref/status records the event with its source (Bearer or X-API-Key)', async () => {
    const event = {
      kind: 'replaced_by',
      by: 'Chỉ thị số 05-CT/TW',
      date: '2024-06-01',
      confidence: 'inferred',
      source: 'https://example.gov.vn/van-ban/123',
      note: 'thử nghiệm',
    };
    const reply = await call(`${api.url}/instruments/${ref('Kế hoạch 144/KH-UBND')}/status`, jsonPost(event, auth));
    expect(reply.status).toBe(201);
    expect(reply.body.data.event).toMatchObject({ kind: 'replaced_by', by: 'vn:tw:ct-tw:2016:05', date: '2024-06-01', source: event.source });
    const detail = await call(`${api.url}/instruments/${ref(reply.body.data.key)}`);
    expect(detail.body.data.statusEvents).toEqual([expect.objectContaining({ kind: 'replaced_by', source: event.source, confidence: 'inferred' })]);

    const second = await call(
      `${api.url}/instruments/${ref(reply.body.data.key)}/status`,
      jsonPost({ kind: 'expired', date: '2025-01-01', source: 'https://example.gov.vn/2' }, { 'X-API-Key': API_KEY }),
    );
    expect(second.status).toBe(201);
    expect(second.body.data.instrument.statusEvents).toHaveLength(2);
  });

  it('POST /instruments/:ref/status validates the event', async () => {
    const before = await store.dump();
    const url = `${api.url}/instruments/${ref('Kế hoạch 144/KH-UBND')}/status`;
    for (const bad of [
      { kind: 'vanished', date: '2024-01-01', source: 'https://x.y/z' },
      { kind: 'expired', date: '01/01/2024', source: 'https://x.y/z' },
      { kind: 'expired', date: '2024-01-01' },
      { kind: 'expired', date: '2024-01-01', source: 'https://x.y/z', extra: 1 },
    ]) {
      const reply = await call(url, jsonPost(bad, auth));
      expect(reply.status, JSON.stringify(bad)).toBe(400);
      expect(reply.body.error.code).toBe('invalid_request');
    }
    expect(await store.dump()).toEqual(before);
  });

  it('POST /documents ingests an uploaded plan, and reading it back works', async () => {
    const text = readFileSync(path.join(PLANS_DIR, SEED_003), 'utf8').replace('Lạc Thủy, ngày tháng 10 năm 2023', 'Lạc Thủy, ngày 20 tháng 10 năm 2023');
    const reply = await call(`${api.url}/documents`, multipart('ke-hoach-moi.txt', text, {}, auth));
    expect(reply.status).toBe(201);
    expect(reply.body.data.file).toBe('ke-hoach-moi.txt');
    const key = await documentKey(store, 'ke-hoach-moi.txt');
    const citations = await call(`${api.url}/documents/${ref(key)}/citations`);
    expect(citations.status).toBe(200);
    expect(citations.body.data.citations.length).toBeGreaterThan(10);
  });

  it('a citation several instruments share answers 409 with the candidates; a key picks one', async () => {
    const binhDuong = 'KẾ HOẠCH\nThực hiện Chỉ thị số 06/CT-UBND ngày 10/02/2022 của UBND tỉnh Bình Dương về công tác tiếp công dân.\n';
    const upload = await call(`${api.url}/documents`, multipart('binh-duong.txt', binhDuong, {}, auth));
    expect(upload.status).toBe(201);
    const reply = await call(`${api.url}/instruments/${ref('Chỉ thị 06/CT-UBND')}`);
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe('ambiguous_ref');
    const keys = reply.body.error.candidates.map((c: { key: string }) => c.key);
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(keys.some((key: string) => key.includes('hoa-binh'))).toBe(true);
    expect(keys.some((key: string) => key.includes('binh-duong'))).toBe(true);
    const chosen = await call(`${api.url}/instruments/${ref(keys[0])}`);
    expect(chosen.status).toBe(200);
  });
});

describe('bad requests change nothing', () => {
  let api: Api;
  let store: GraphStore;
  beforeAll(async () => {
    store = memoryStore();
    await seed(store);
    api = await startApi(store);
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('each bad request gets its status and the graph is unchanged', async () => {
    const before = await store.dump();
    const statusUrl = `${api.url}/instruments/${ref('Kế hoạch 144/KH-UBND')}/status`;
    const big = 'a'.repeat(11 * 1024 * 1024);
    const cases: [string, Promise<{ status: number; body: any }>, number, string][] = [
      ['malformed JSON to /check', call(`${api.url}/check`, jsonPost('{"text": "abc",')), 400, 'invalid_json'],
      ['malformed JSON to a write', call(statusUrl, jsonPost('{kind: expired}', auth)), 400, 'invalid_json'],
      ['unknown ref', call(`${api.url}/instruments/${ref('Kế hoạch 99999/KH-UBND')}`), 404, 'not_found'],
      ['depth out of range', call(`${api.url}/instruments/${ref('Kế hoạch 144/KH-UBND')}/basis?depth=11`), 400, 'invalid_request'],
      ['unknown query parameter', call(`${api.url}/instruments/${ref('Kế hoạch 144/KH-UBND')}/basis?dept=2`), 400, 'invalid_request'],
      ['oversize JSON body', call(`${api.url}/check`, jsonPost({ text: big })), 413, 'payload_too_large'],
      ['oversize upload', call(`${api.url}/documents`, multipart('big.txt', big, {}, auth)), 413, 'payload_too_large'],
      ['missing key', call(statusUrl, jsonPost({ kind: 'expired', date: '2024-01-01', source: 'https://x.y/z' })), 401, 'unauthorized'],
      ['wrong key', call(statusUrl, jsonPost({ kind: 'expired', date: '2024-01-01', source: 'https://x.y/z' }, { 'X-API-Key': 'wrong-key-0123456789abcdef' })), 401, 'unauthorized'],
      ['upload without key', call(`${api.url}/documents`, multipart('x.txt', 'KẾ HOẠCH')), 401, 'unauthorized'],
      ['Cypher in a ref (read)', call(`${api.url}/instruments/${ref(CYPHER_REF)}`), 404, 'not_found'],
      ['Cypher in a ref (lineage)', call(`${api.url}/instruments/${ref(CYPHER_REF)}/lineage`), 404, 'not_found'],
      ['Cypher in a ref (write)', call(`${api.url}/instruments/${ref(CYPHER_REF)}/status`, jsonPost({ kind: 'expired', date: '2024-01-01', source: 'https://x.y/z' }, auth)), 404, 'not_found'],
      ['Cypher in a search', call(`${api.url}/instruments?q=${ref(CYPHER_REF)}`), 200, ''],
      ['Cypher in a document ref', call(`${api.url}/documents/${ref(CYPHER_REF)}/citations`), 404, 'not_found'],
      ['unsupported upload type', call(`${api.url}/documents`, multipart('plan.odt', 'PK', {}, auth)), 415, 'unsupported_media_type'],
      ['binary upload', call(`${api.url}/check`, multipart('plan.txt', new Uint8Array([0x4b, 0x48, 0x00, 0x01, 0x02, 0xff]))), 422, 'unreadable_document'],
      ['invalid UTF-8 upload', call(`${api.url}/documents`, multipart('plan.txt', new Uint8Array([0x4b, 0xc3, 0x28, 0x41]), {}, auth)), 422, 'unreadable_document'],
      ['broken percent-encoding in a ref', call(`${api.url}/instruments/%E0%A4%A/basis`), 400, 'invalid_request'],
      ['text/plain body', call(`${api.url}/check`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'abc' }), 415, 'unsupported_media_type'],
      ['JSON array body', call(`${api.url}/check`, jsonPost('["abc"]')), 400, 'invalid_request'],
      ['multipart without file', call(`${api.url}/check`, { method: 'POST', body: (() => { const f = new FormData(); f.set('lang', 'en'); return f; })() }), 400, 'invalid_request'],
    ];
    for (const [name, pending, status, code] of cases) {
      const reply = await pending;
      expect(reply.status, name).toBe(status);
      if (code) {
        expect(reply.body.error.code, name).toBe(code);
        expect(reply.body.error.message, name).toEqual(expect.any(String));
        expect(JSON.stringify(reply.body), name).not.toMatch(/at .*\.(ts|js):\d+/);
      }
    }
    expect(await store.dump()).toEqual(before);
    // Every refusal was foreseen: nothing reached the "unexpected error" path.
    expect(api.logs).toEqual([]);
  });
});

describe('HTTP plumbing', () => {
  let store: GraphStore;
  const apis: Api[] = [];
  const start = async (...args: Parameters<typeof startApi> extends [unknown, ...infer R] ? R : never) => {
    const api = await startApi(store, ...args);
    apis.push(api);
    return api;
  };
  beforeAll(async () => {
    store = memoryStore();
    await seed(store);
  });
  afterEach(async () => {
    for (const api of apis.splice(0)) await api.close();
  });
  afterAll(async () => store.close());

  it('GET /openapi.json is OpenAPI 3.1 describing every route', async () => {
    const api = await start();
    const reply = await call(`${api.url}/openapi.json`);
    expect(reply.status).toBe(200);
    expect(reply.body.openapi).toBe('3.1.0');
    const expected = Object.entries(routing).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p.replace(/:(\w+)/g, '{$1}')}`));
    const documented = Object.entries(reply.body.paths as Record<string, object>).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m} ${p}`));
    expect(documented.sort()).toEqual(expected.sort());
    expect(reply.body.paths['/instruments/{ref}/status'].post.security).toBeTruthy();
    expect(reply.body.components.schemas.ErrorEnvelope).toBeTruthy();
  });

  it('GET /docs is a self-contained page listing every route', async () => {
    const api = await start();
    const reply = await call(`${api.url}/docs`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/text\/html/);
    for (const p of Object.keys(routing)) expect(reply.text).toContain(p.replace(/:(\w+)/g, '{$1}'));
    expect(reply.text).not.toMatch(/<script|<link|src="http|href="http/i);
  });

  it('unknown routes and methods answer in the envelope; no x-powered-by; no stack', async () => {
    const api = await start();
    const missing = await call(`${api.url}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    expect(missing.headers.get('x-powered-by')).toBeNull();
    const wrongMethod = await call(`${api.url}/health`, { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
  });

  it('messages are Vietnamese by default, English with ?lang=en or Accept-Language: en', async () => {
    const api = await start();
    const url = `${api.url}/instruments/${ref('Kế hoạch 99999/KH-UBND')}`;
    expect((await call(url)).body.error.message).toMatch(/Không tìm thấy/);
    expect((await call(`${url}?lang=en`)).body.error.message).toMatch(/^No instrument/);
    expect((await call(url, { headers: { 'Accept-Language': 'en-US,en;q=0.9' } })).body.error.message).toMatch(/^No instrument/);
    expect((await call(url, { headers: { 'Accept-Language': 'vi-VN,vi;q=0.9,en;q=0.5' } })).body.error.message).toMatch(/Không tìm thấy/);
  });

  it('CORS is off by default and follows CANCU_CORS_ORIGINS', async () => {
    const closed = await start();
    const origin = { headers: { Origin: 'https://portal.example.vn' } };
    expect((await call(`${closed.url}/health`, origin)).headers.get('access-control-allow-origin')).toBeNull();
    const open = await start({ corsOrigins: ['https://portal.example.vn'] });
    expect((await call(`${open.url}/health`, origin)).headers.get('access-control-allow-origin')).toBe('https://portal.example.vn');
    const preflight = await call(`${open.url}/check`, { method: 'OPTIONS', headers: { Origin: 'https://portal.example.vn', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect((await call(`${open.url}/health`, { headers: { Origin: 'https://evil.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('reads can be closed by configuration; health and docs stay open', async () => {
    const api = await start({ readsRequireKey: true });
    const url = `${api.url}/instruments?q=${ref('Chỉ thị 05-CT/TW')}`;
    expect((await call(url)).status).toBe(401);
    expect((await call(url, { headers: auth })).status).toBe(200);
    expect((await call(`${api.url}/health`)).status).toBe(200);
    expect((await call(`${api.url}/docs`)).status).toBe(200);
  });

  it('without configured keys, writes are disabled (403)', async () => {
    const api = await start({ apiKeys: [] });
    const reply = await call(`${api.url}/documents`, multipart('x.txt', 'KẾ HOẠCH', {}, auth));
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('writes_disabled');
  });

  it('the body limit follows CANCU_BODY_LIMIT', async () => {
    const api = await start({ bodyLimit: 1024 });
    const reply = await call(`${api.url}/check`, jsonPost({ text: 'x'.repeat(2048) }));
    expect(reply.status).toBe(413);
    expect(reply.body.error.message).toContain('CANCU_BODY_LIMIT');
    const small = await call(`${api.url}/check`, jsonPost({ text: 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;' }));
    expect(small.status).toBe(200);
  });

  it('POST /check reads .md and .docx uploads', async () => {
    const api = await start();
    const docs = path.resolve(PLANS_DIR, '../documents');
    for (const name of ['plan.md', 'plan.docx']) {
      const reply = await call(`${api.url}/check`, multipart(name, readFileSync(path.join(docs, name))));
      expect(reply.status, name).toBe(200);
      expect(reply.body.data.results[0].file).toBe(name);
    }
  });
});
