// Is the API able to answer? Asks the store every time: a store that was down and came back is
// reported healthy at once (no cached failure).
import type { GraphStore, StoreHealth } from '../graph/store.js';

export async function checkHealth(store: GraphStore): Promise<StoreHealth> {
  try {
    return await store.health();
  } catch (error) {
    return { store: store.kind, ok: false, detail: error instanceof Error ? error.message : String(error) };
  }
}
