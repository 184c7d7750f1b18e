// A Neo4j that does not answer: the real Neo4j adapter pointed at a closed loopback port. Health and
// data endpoints answer 503 in the envelope with a message naming the store; nothing crashes.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jGraphStore } from '../../src/graph/neo4j/store.js';
import { call, jsonPost, ref, startApi, type Api } from './helpers.js';

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('store unavailable', () => {
  let api: Api;
  let store: Neo4jGraphStore;
  beforeAll(async () => {
    store = new Neo4jGraphStore({ uri: `bolt://127.0.0.1:${await closedPort()}`, user: 'neo4j', password: 'x', database: 'neo4j' });
    api = await startApi(store);
  });
  afterAll(async () => {
    await api.close();
    await store.close();
  });

  it('GET /health answers 503 naming Neo4j', async () => {
    const reply = await call(`${api.url}/health`);
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe('store_unavailable');
    expect(reply.body.error.message).toMatch(/Neo4j/);
    expect(reply.headers.get('retry-after')).toBe('5');
  });

  // The driver retries for its retry budget before giving up, so the requests run side by side.
  it('data endpoints answer 503 with a clear message, in either language', async () => {
    const urls = [
      `${api.url}/instruments/${ref('Chỉ thị 05-CT/TW')}`,
      `${api.url}/instruments/${ref('vn:tw:ct-tw:2016:05')}/implementers`,
      `${api.url}/instruments?q=${ref('dân vận')}`,
      `${api.url}/documents/${ref('vn:tw:ct-tw:2016:05')}/citations`,
    ];
    const [en, ...replies] = await Promise.all([call(`${api.url}/instruments/${ref('vn:tw:ct-tw:2016:05')}?lang=en`), ...urls.map((url) => call(url))]);
    replies.forEach((reply, index) => {
      expect(reply.status, urls[index]).toBe(503);
      expect(reply.body.error.code).toBe('store_unavailable');
      expect(reply.body.error.message).toMatch(/Không kết nối được Neo4j tại bolt:\/\/127\.0\.0\.1/);
      expect(reply.body.error.hint).toMatch(/db:status/);
    });
    expect(en!.status).toBe(503);
    expect(en!.body.error.message).toMatch(/^Cannot connect to Neo4j/);
  }, 120_000);

  it('POST /check with a store configured answers 503 rather than checking with less knowledge', async () => {
    const reply = await call(`${api.url}/check`, jsonPost({ text: 'Căn cứ Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị;' }));
    expect(reply.status).toBe(503);
  });
});
