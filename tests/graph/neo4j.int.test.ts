// The shared GraphStore contract against a REAL Neo4j (npm run db:start). Without a server the
// suite fails under CI and is skipped, with the reason printed, on a developer's machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Neo4jGraphStore } from '../../src/graph/neo4j/index.js';
import { StoreUnavailableError } from '../../src/graph/errors.js';
import { runContract } from './contract.js';
import { lockNeo4j, neo4jUnavailable, NEO4J_TEST } from './neo4j-server.js';

const unavailable = await neo4jUnavailable();
if (unavailable && process.env.CI) {
  describe('Neo4j integration', () => {
    it('needs a reachable Neo4j server', () => {
      throw new Error(`Neo4j is not reachable at ${NEO4J_TEST.uri} (${unavailable}). Start it with "npm run db:start" or set NEO4J_TEST_URI.`);
    });
  });
} else if (unavailable) {
  console.warn(`[neo4j.int.test] skipped: Neo4j not reachable at ${NEO4J_TEST.uri} — ${unavailable}. Run "npm run db:start".`);
}

describe.runIf(!unavailable)('Neo4j integration', () => {
  let release: (() => void) | null = null;
  beforeAll(async () => {
    release = await lockNeo4j();
  });
  afterAll(() => release?.());

  runContract('neo4j', async () => new Neo4jGraphStore(NEO4J_TEST));

  it('reports an unreachable server as StoreUnavailableError naming the URI, in Vietnamese and English', async () => {
    const store = new Neo4jGraphStore({ ...NEO4J_TEST, uri: 'bolt://127.0.0.1:1' });
    try {
      const error = await store.init().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).message).toMatch(/Không kết nối được Neo4j tại bolt:\/\/127\.0\.0\.1:1/);
      expect((error as StoreUnavailableError).messageEn).toMatch(/Cannot connect to Neo4j at bolt:\/\/127\.0\.0\.1:1/);
      expect(await store.health()).toMatchObject({ store: 'neo4j', ok: false });
      // Reads too, and at once: the read driver does not retry a server it cannot reach.
      const read = await store.implementers('vn:tw:ct-tw:2016:05', { depth: 2, limit: 10 }).catch((e: unknown) => e);
      expect(read).toBeInstanceOf(StoreUnavailableError);
      expect((read as StoreUnavailableError).reason).toBe('unreachable');
    } finally {
      await store.close();
    }
  });

  it('reports wrong credentials as StoreUnavailableError', async () => {
    const store = new Neo4jGraphStore({ ...NEO4J_TEST, password: 'definitely-wrong-password' });
    try {
      const error = await store.init().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreUnavailableError);
      expect((error as StoreUnavailableError).reason).toBe('unauthorized');
    } finally {
      await store.close();
    }
  });
});
