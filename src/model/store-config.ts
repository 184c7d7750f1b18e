// Which store to open, as the environment says: the one reader of NEO4J_* and CANCU_DATA_DIR.
// Free of zod, so that `cancu check` and `cancu ingest` read it without loading the validator;
// src/config.ts validates the same variables at the server's boot and then takes its values from
// here, so the CLI and the server never read them differently.

export interface StoreSettings {
  /** Set when NEO4J_URI is set: the store is Neo4j; otherwise the embedded store. */
  neo4j: { uri: string; user: string; password: string | undefined; database: string } | null;
  /** Where the embedded store persists (and other local state). */
  dataDir: string;
}

/** NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE and CANCU_DATA_DIR; blank counts as unset. */
export function storeSettingsFromEnv(env: NodeJS.ProcessEnv): StoreSettings {
  const value = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const uri = value('NEO4J_URI');
  return {
    neo4j: uri ? { uri, user: value('NEO4J_USER') ?? 'neo4j', password: env.NEO4J_PASSWORD || undefined, database: value('NEO4J_DATABASE') ?? 'neo4j' } : null,
    dataDir: value('CANCU_DATA_DIR') ?? '.cancu',
  };
}
