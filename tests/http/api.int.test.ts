// The API on a real Neo4j: the same seed suite as the embedded store (tests/http/suite.ts).
import { afterAll, beforeAll, describe } from 'vitest';
import { Neo4jGraphStore } from '../../src/graph/neo4j/store.js';
import { connection, lockNeo4j, requireNeo4j } from './neo4j.js';
import { runApiSuite } from './suite.js';

const available = await requireNeo4j('tests/http/api.int.test.ts');

describe.runIf(available)('on Neo4j', () => {
  let release: (() => void) | null = null;
  beforeAll(async () => {
    release = await lockNeo4j();
  }, 600_000);
  afterAll(() => release?.());

  runApiSuite(
    'neo4j',
    async () => {
      const store = new Neo4jGraphStore(connection);
      await store.init();
      await store.clear();
      return store;
    },
    async (store) => store.close(),
  );
});
