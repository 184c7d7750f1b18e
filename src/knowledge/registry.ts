// The bundled registry: validity facts about instruments, the 2025 administrative reorganisation,
// issuing bodies and yearly series, read from fixtures/registry/*.jsonl. Loading is synchronous
// (the CLI lints offline from it) and cached per directory; every line is zod-checked and a bad
// line stops the load with its file and line, so a registry that loads is a registry that is valid.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { z } from 'zod';
import { parseJsonl } from './convert.js';
import { adminUnitSchema, instrumentSchema, issuerSchema, seriesSchema } from './schema.js';
import { checkReferences, defaultRegistryDir, REGISTRY_FILES, type Registry } from './registry-files.js';

export { defaultRegistryDir, REGISTRY_FILES, type Registry } from './registry-files.js';

const cache = new Map<string, Registry>();

function readFile<T>(dir: string, name: string, schema: z.ZodType<T>): T[] {
  const path = join(dir, name);
  return parseJsonl(readFileSync(path, 'utf8'), schema, path);
}

/** Loads (once per directory) and validates the registry. Throws on the first invalid line. */
export function loadRegistry(dir?: string): Registry {
  const abs = resolve(dir ?? defaultRegistryDir());
  const hit = cache.get(abs);
  if (hit) return hit;
  const registry: Registry = {
    dir: abs,
    instruments: readFile(abs, REGISTRY_FILES.instruments, instrumentSchema),
    adminUnits: readFile(abs, REGISTRY_FILES.adminUnits, adminUnitSchema),
    issuers: readFile(abs, REGISTRY_FILES.issuers, issuerSchema),
    series: readFile(abs, REGISTRY_FILES.series, seriesSchema),
  };
  checkReferences(registry);
  cache.set(abs, registry);
  return registry;
}

