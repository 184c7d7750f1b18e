// Where the registry lives and what a loaded registry must satisfy across its files. Free of
// zod, so that the bundled registry can be loaded without the validator (src/knowledge/bundled.ts).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminUnitRecord, InstrumentRecord, IssuerRecord, SeriesRecord } from './schema.js';

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

export /** Cross-file consistency that a line-by-line schema cannot see. */
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

/** Turns one registry file's lines into records: trusted JSON, or JSON checked against a schema. */
export type RecordReader = (kind: keyof typeof REGISTRY_FILES, line: unknown, where: string) => unknown;

/**
 * The one loader of a registry directory: every file read line by line ("file:line" in every
 * error), each line handed to `check` (the validator, or nothing for the bundled files), then the
 * cross-file references checked.
 */
export function readRegistry(dir: string, check: RecordReader | null): Registry {
  const read = <T>(kind: keyof typeof REGISTRY_FILES): T[] => {
    const path = join(dir, REGISTRY_FILES[kind]);
    const out: T[] = [];
    const lines = readFileSync(path, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (e) {
        throw new Error(`${path}:${i + 1}: not JSON (${(e as Error).message})`);
      }
      out.push((check ? check(kind, json, `${path}:${i + 1}`) : json) as T);
    }
    return out;
  };
  const registry: Registry = {
    dir,
    instruments: read('instruments'),
    adminUnits: read('adminUnits'),
    issuers: read('issuers'),
    series: read('series'),
  };
  checkReferences(registry);
  return registry;
}
