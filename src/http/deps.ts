// What the HTTP app needs from the outside world, injected by createApp's caller.
import type { Config } from '../config.js';
import type { GraphStore } from '../graph/store.js';
import type { KnowledgeResolver } from '../model/knowledge.js';
import type { IngestFiles } from '../service/documents.js';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  /**
   * Offline knowledge used by POST /check, completed by the store's own facts. Left out: the bundled
   * registry, as `cancu check` uses; null: none.
   */
  resolver?: KnowledgeResolver | null;
  /** The ingest pipeline (ingest/pipeline.ts), injected so src/ does not import ingest/. POST /documents needs it. */
  ingest?: IngestFiles | null;
  /** Where unexpected errors are logged (default: stderr). */
  log?: (line: string) => void;
}
