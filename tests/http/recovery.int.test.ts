// Neo4j stopped while the API runs: /health and data endpoints answer 503 with a clear message;
// once Neo4j is back the same running API answers 200 again, without a restart. Slow (stops and
// starts the real server), so it lives in its own file.
//
// It stops the server that `node scripts/neo4j.mjs` manages; CANCU_NEO4J_SCRIPT may point at a
// copy of that script managing a separate server (then set NEO4J_TEST_URI to its Bolt address).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jGraphStore } from '../../src/graph/neo4j/store.js';
import { call, ref, ROOT, seed, startApi, type Api } from './helpers.js';
import { connection, lockNeo4j, neo4jUnavailable, requireNeo4j } from './neo4j.js';

const script = process.env['CANCU_NEO4J_SCRIPT'] || path.join(ROOT, 'scripts', 'neo4j.mjs');
const neo4jScript = async (command: 'start' | 'stop') => {
  await promisify(execFile)(process.execPath, [script, command], { cwd: path.dirname(path.dirname(script)), timeout: 240_000 });
};

const available = await requireNeo4j('tests/http/recovery.int.test.ts');

describe.runIf(available)('Neo4j goes away and comes back', () => {
  let api: Api;
  let store: Neo4jGraphStore;
  let release: (() => void) | null = null;
  beforeAll(async () => {
    // Holds the shared test lock: no other integration file uses the server while it is stopped.
    release = await lockNeo4j(600_000);
    store = new Neo4jGraphStore(connection);
    await store.init();
    await store.clear();
    await seed(store);
    api = await startApi(store);
  }, 900_000);
  afterAll(async () => {
    try {
      // Leave the server running for whoever comes next, whatever happened above.
      if ((await neo4jUnavailable()) !== null) await neo4jScript('start');
      await api?.close();
      await store?.close();
    } finally {
      release?.();
    }
  }, 300_000);

  it('answers 503 while Neo4j is down and 200 once it is back, without restarting the API', async () => {
    const data = `${api.url}/instruments/${ref('Đề án 15-ĐA/TU')}/implementers?depth=2`;
    expect((await call(`${api.url}/health`)).status).toBe(200);
    const before = await call(data);
    expect(before.status).toBe(200);

    await neo4jScript('stop');
    const health = await call(`${api.url}/health`);
    expect(health.status).toBe(503);
    expect(health.body.error.code).toBe('store_unavailable');
    expect(health.body.error.message).toMatch(/Neo4j/);
    // Reads are not retried when the server cannot be reached (src/graph/neo4j/driver.ts): a down
    // server is reported at once (a few ms). The bound is loose on purpose (a loaded machine), yet
    // below what one driver retry costs (~1 s pause): with a 1.5 s read retry budget the same
    // request took ~3.3 s, with the write budget 12–15 s.
    const asked = performance.now();
    const down = await call(data);
    const waited = performance.now() - asked;
    expect(down.status).toBe(503);
    expect(down.body.error.message).toMatch(/Neo4j/);
    expect(waited).toBeLessThan(1_000);
    console.log(`[recovery] 503 for a read after ${Math.round(waited)} ms`);

    await neo4jScript('start');
    // The driver reconnects by itself; allow it a few seconds to notice.
    let back = await call(`${api.url}/health`);
    for (let attempt = 0; back.status !== 200 && attempt < 30; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      back = await call(`${api.url}/health`);
    }
    expect(back.status).toBe(200);
    const after = await call(data);
    expect(after.status).toBe(200);
    expect(after.body.data).toEqual(before.body.data);
  }, 480_000);
});
