// The bundled registry (fixtures/registry) read without the validator: the files ship with the
// product and are validated line by line by loadRegistry() in the tests (tests/knowledge/
// registry.test.ts asserts both give the same registry), so the CLI need not load zod on every
// start. Any other directory goes through loadRegistry(), which validates. Both read through
// readRegistry (registry-files.ts).
import { defaultRegistryDir, readRegistry, type Registry } from './registry-files.js';

let cached: Registry | null = null;

export function loadBundledRegistry(): Registry {
  cached ??= readRegistry(defaultRegistryDir(), null);
  return cached;
}
