// The same comparison as check-parity.test.ts on a real Neo4j: `cancu serve` with NEO4J_URI and
// `cancu check` with NEO4J_URI read one graph (the seed plans ingested through the pipeline) and
// print the same report for the same text.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHECK_EXAMPLE as EXAMPLE, serve, type ServeHandle } from '../../src/cli/commands/serve.js';
import { Neo4jGraphStore } from '../../src/graph/neo4j/store.js';
import { call, jsonPost, PLANS_DIR, ROOT, SEED_003, seed } from './helpers.js';
import { connection, lockNeo4j, requireNeo4j } from './neo4j.js';

const available = await requireNeo4j('tests/http/check-parity.int.test.ts');
const bin = path.join(ROOT, 'dist/src/cli/cancu.cjs');
const env = { NEO4J_URI: connection.uri, NEO4J_USER: connection.user, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: connection.database };

describe.runIf(available)('POST /check and cancu check on Neo4j', () => {
  let release: (() => void) | null = null;
  let store: Neo4jGraphStore;
  let server: ServeHandle;
  let work: string;
  beforeAll(async () => {
    if (!existsSync(bin)) throw new Error('dist/src/cli/cancu.cjs is missing: run `npm run build` (npm test does it)');
    release = await lockNeo4j();
    store = new Neo4jGraphStore(connection);
    await store.init();
    await store.clear();
    await seed(store);
    server = await serve({ port: 0, host: '127.0.0.1', stdout: { write: () => true }, stderr: { write: () => true }, env });
    work = mkdtempSync(path.join(tmpdir(), 'cancu-parity-neo4j-'));
  }, 600_000);
  afterAll(async () => {
    await server?.close();
    await store?.clear();
    await store?.close();
    release?.();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('answer the same on npm start’s example and on seed 003', async () => {
    writeFileSync(path.join(work, 'draft.txt'), EXAMPLE);
    copyFileSync(path.join(PLANS_DIR, SEED_003), path.join(work, SEED_003));
    for (const [file, text] of [
      ['draft.txt', EXAMPLE],
      [SEED_003, readFileSync(path.join(PLANS_DIR, SEED_003), 'utf8')],
    ] as const) {
      const r = spawnSync(process.execPath, [bin, 'check', file, '--format', 'json'], { cwd: work, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', CANCU_DATA_DIR: '', ...env } });
      expect(r.stderr).toBe('');
      const reply = await call(`${server.url}/check`, jsonPost({ text, filename: file }));
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.data).toEqual(JSON.parse(r.stdout));
      if (file === 'draft.txt') expect(reply.body.data.results[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'unverified-citation')).toEqual([]);
    }
  });
});
