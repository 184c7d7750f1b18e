// The bundled registry: validity facts about instruments, the 2025 administrative reorganisation,
// issuing bodies and yearly series, read from fixtures/registry/*.jsonl. Loading is synchronous
// (the CLI lints offline from it) and cached per directory; every line is zod-checked and a bad
// line stops the load with its file and line, so a registry that loads is a registry that is valid.
import { resolve } from 'node:path';
import type { z } from 'zod';
import { adminUnitSchema, instrumentSchema, issuerSchema, seriesSchema } from './schema.js';
import { defaultRegistryDir, readRegistry, REGISTRY_FILES, type Registry } from './registry-files.js';

export { defaultRegistryDir, REGISTRY_FILES, type Registry } from './registry-files.js';

const cache = new Map<string, Registry>();

const SCHEMAS: Record<keyof typeof REGISTRY_FILES, z.ZodType<unknown>> = {
  instruments: instrumentSchema,
  adminUnits: adminUnitSchema,
  issuers: issuerSchema,
  series: seriesSchema,
};

function validated(kind: keyof typeof REGISTRY_FILES, json: unknown, where: string): unknown {
  const r = SCHEMAS[kind].safeParse(json);
  if (r.success) return r.data;
  throw new Error(`${where}: ${r.error.issues.map((x) => `${x.path.join('.') || '(line)'}: ${x.message}`).join('; ')}`);
}

/** Loads (once per directory) and validates the registry. Throws on the first invalid line. */
export function loadRegistry(dir?: string): Registry {
  const abs = resolve(dir ?? defaultRegistryDir());
  const hit = cache.get(abs);
  if (hit) return hit;
  const registry = readRegistry(abs, validated);
  cache.set(abs, registry);
  return registry;
}
