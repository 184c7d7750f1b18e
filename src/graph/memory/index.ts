// The embedded store (see store.ts): `new MemoryGraphStore({ dir })`.
export { MemoryGraphStore, type GraphExportVisitor, type MemoryStoreOptions } from './store.js';
export { LOG_FILE } from './log.js';
