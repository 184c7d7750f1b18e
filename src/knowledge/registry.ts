// The bundled registry: validity facts about instruments, the 2025 administrative reorganisation,
// issuing bodies and yearly series, read from fixtures/registry/*.jsonl. Loading is synchronous
// (the CLI lints offline from it) and cached per directory; every line is zod-checked and a bad
// line stops the load with its file and line, so a registry that loads is a registry that is valid.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { parseJsonl } from './convert.js';
import {
  adminUnitSchema,
  instrumentSchema,
  issuerSchema,
  seriesSchema,
  type AdminUnitRecord,
  type InstrumentRecord,
  type IssuerRecord,
  type SeriesRecord,
} from './schema.js';

export interface Registry {
  /** Absolute directory the files were read from. */
  dir: string;
  instruments: InstrumentRecord[];
  adminUnits: AdminUnitRecord[];
  issuers: IssuerRecord[];
  series: SeriesRecord[];
}

export const REGISTRY_FILES = {
  instruments: 'status-facts.jsonl',
  adminUnits: 'admin-units-2025.jsonl',
  issuers: 'issuers.jsonl',
  series: 'series.jsonl',
} as const;

/** fixtures/registry of this package, found by walking up from this module (works from src/ and dist/). */
export function defaultRegistryDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'fixtures', 'registry'))) {
      return join(dir, 'fixtures', 'registry');
    }
    const up = dirname(dir);
    if (up === dir) throw new Error('fixtures/registry not found above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

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

/** Cross-file consistency that a line-by-line schema cannot see. */
function checkReferences(r: Registry): void {
  const problems: string[] = [];
  const numbers = new Set<string>();
  for (const i of r.instruments) {
    if (numbers.has(i.number)) problems.push(`${REGISTRY_FILES.instruments}: ${i.number} listed twice`);
    numbers.add(i.number);
  }
  const ids = new Set<string>();
  for (const i of r.issuers) {
    if (ids.has(i.id)) problems.push(`${REGISTRY_FILES.issuers}: id ${i.id} listed twice`);
    ids.add(i.id);
  }
  for (const i of r.issuers) {
    if (i.kind === 'unit' && i.successor !== null && !ids.has(i.successor)) {
      problems.push(`${REGISTRY_FILES.issuers}: ${i.id} names unknown successor ${i.successor}`);
    }
    if (i.jurisdiction !== null && !ids.has(i.jurisdiction)) {
      problems.push(`${REGISTRY_FILES.issuers}: ${i.id} names unknown jurisdiction ${i.jurisdiction}`);
    }
  }
  const members = new Set<string>();
  for (const s of r.series) {
    for (const m of s.members) {
      if (members.has(m.number)) problems.push(`${REGISTRY_FILES.series}: ${m.number} is in two series`);
      members.add(m.number);
    }
  }
  if (problems.length > 0) throw new Error(`registry ${r.dir} is inconsistent:\n  ${problems.join('\n  ')}`);
}
