// The bundled registry (fixtures/registry) loaded without the validator: the files ship with the
// product and are validated line by line by loadRegistry() in the tests (tests/knowledge/
// registry.test.ts asserts both loaders give the same registry), so the CLI need not load zod
// on every start. Any other directory goes through loadRegistry(), which validates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkReferences, defaultRegistryDir, REGISTRY_FILES, type Registry } from './registry-files.js';

let cached: Registry | null = null;

function readJsonl<T>(dir: string, name: string): T[] {
  const path = join(dir, name);
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${path}:${i + 1}: not JSON (${(e as Error).message})`);
      }
    });
}

export function loadBundledRegistry(): Registry {
  if (cached) return cached;
  const dir = defaultRegistryDir();
  const registry: Registry = {
    dir,
    instruments: readJsonl(dir, REGISTRY_FILES.instruments),
    adminUnits: readJsonl(dir, REGISTRY_FILES.adminUnits),
    issuers: readJsonl(dir, REGISTRY_FILES.issuers),
    series: readJsonl(dir, REGISTRY_FILES.series),
  };
  checkReferences(registry);
  cached = registry;
  return registry;
}
