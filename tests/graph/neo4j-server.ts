// The real Neo4j the integration tests run against (NEO4J_TEST_URI, default the local server of
// `npm run db:start`), and a cross-process lock: community edition has one user database, so test
// files that clear it must not run at the same time (vitest runs files in parallel).
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Neo4jGraphStore } from '../../src/graph/neo4j/index.js';

export const NEO4J_TEST = {
  uri: process.env.NEO4J_TEST_URI ?? 'bolt://127.0.0.1:7687',
  user: process.env.NEO4J_USER ?? 'neo4j',
  password: process.env.NEO4J_PASSWORD ?? 'cancu-dev-password',
  database: process.env.NEO4J_DATABASE ?? 'neo4j',
};

/** null when the server answers, else why not. */
export async function neo4jUnavailable(): Promise<string | null> {
  const store = new Neo4jGraphStore(NEO4J_TEST);
  try {
    const health = await store.health();
    return health.ok ? null : health.detail;
  } finally {
    await store.close();
  }
}

const LOCK = join(tmpdir(), 'cancu-neo4j-tests.lock');

function lockHolderAlive(): boolean {
  try {
    const pid = Number(readFileSync(LOCK, 'utf8'));
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until this process holds the test database (at most `timeoutMs`), returns the release. */
export async function lockNeo4j(timeoutMs = 300_000): Promise<() => void> {
  mkdirSync(tmpdir(), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(LOCK, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!lockHolderAlive()) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`Neo4j test database still locked by another test process (${LOCK})`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
