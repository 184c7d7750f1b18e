// The embedded store (see store.ts): `new MemoryGraphStore({ dir })`.
export { MemoryGraphStore, type GraphExportVisitor, type MemoryStoreOptions } from './store.js';
export { LEGACY_LOG_FILE, LOG_FILE } from './log.js';
