// The graph: which store to open, and how an analysed plan becomes what the store writes.
// `NEO4J_URI` set → Neo4j; otherwise the embedded store under CANCU_DATA_DIR (default .cancu/).
// The adapters are loaded on demand: the embedded store never loads neo4j-driver (~100 ms of
// start-up for `cancu check` and `cancu ingest` on the embedded store).
import { join } from 'node:path';
import type { GraphStore } from './store.js';
import { storeSettingsFromEnv } from '../model/store-config.js';

export { fromAnalyzed, documentKeyForFile, type FromAnalyzedOptions } from './from-analyzed.js';
export { StoreUnavailableError, GraphInputError } from './errors.js';
export { conflictToFinding, INCONSISTENT_CITATION_RULE } from './core/findings.js';
export type { MemoryGraphStore } from './memory/store.js';
export type { Neo4jGraphStore } from './neo4j/store.js';
export type * from './store.js';

/** Default password of the development server started by `npm run db:start`. */
export const DEV_NEO4J_PASSWORD = 'cancu-dev-password';

export interface StoreConfig {
  /** Neo4j connection; null or absent → the embedded store. (src/config.ts `Config` fits.) */
  neo4j?: { uri: string; user?: string; password?: string; database?: string } | null;
  /** Data directory of the embedded store; its graph lives in `<dataDir>/graph`. */
  dataDir?: string;
  /** Overrides `<dataDir>/graph`. */
  graphDir?: string;
}

export interface OpenOptions {
  /** Apply the schema / load the file before returning (default true). */
  init?: boolean;
}

/** The store configured by `config`, or by the environment when `config` is omitted. */
export async function openStore(config?: StoreConfig, options: OpenOptions = {}): Promise<GraphStore> {
  const resolved = config ?? configFromEnv(process.env);
  const store: GraphStore = resolved.neo4j
    ? new (await import('./neo4j/store.js')).Neo4jGraphStore({
        uri: resolved.neo4j.uri,
        user: resolved.neo4j.user ?? 'neo4j',
        password: resolved.neo4j.password ?? DEV_NEO4J_PASSWORD,
        database: resolved.neo4j.database ?? 'neo4j',
      })
    : new (await import('./memory/store.js')).MemoryGraphStore({ dir: resolved.graphDir ?? join(resolved.dataDir ?? '.cancu', 'graph') });
  if (options.init !== false) {
    try {
      await store.init();
    } catch (error) {
      await store.close();
      throw error;
    }
  }
  return store;
}

/** The store the environment configures (src/model/store-config.ts reads it). */
export function configFromEnv(env: NodeJS.ProcessEnv): StoreConfig {
  return storeSettingsFromEnv(env);
}
