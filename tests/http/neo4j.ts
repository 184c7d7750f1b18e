// The real Neo4j of the integration tests, shared with tests/graph (NEO4J_TEST_URI, default
// bolt://127.0.0.1:7687; NEO4J_PASSWORD or the dev default; start it with `npm run db:start`),
// and its cross-process lock: files that clear the one database must not run at the same time.
import { lockNeo4j, neo4jUnavailable, NEO4J_TEST } from '../graph/neo4j-server.js';

export { lockNeo4j, neo4jUnavailable };
export const connection = NEO4J_TEST;

/**
 * In CI an unreachable Neo4j fails the file with a clear message; elsewhere the file's tests are
 * skipped with the reason printed. Returns true when the tests should run.
 */
export async function requireNeo4j(file: string): Promise<boolean> {
  const problem = await neo4jUnavailable();
  if (problem === null) return true;
  const message = `${file}: Neo4j is not reachable at ${connection.uri} (${problem}). Start it with "npm run db:start" (node scripts/neo4j.mjs start), or set NEO4J_TEST_URI / NEO4J_PASSWORD.`;
  if (process.env['CI']) throw new Error(message);
  console.warn(`SKIPPED — ${message}`);
  return false;
}
