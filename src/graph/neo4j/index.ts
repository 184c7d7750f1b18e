// The Neo4j adapter (see store.ts): `new Neo4jGraphStore({ uri, user, password, database })`.
export { Neo4jGraphStore } from './store.js';
export type { Neo4jConnection } from './driver.js';
