// Where the registry lives and what a loaded registry must satisfy across its files. Free of
// zod, so that the bundled registry can be loaded without the validator (src/knowledge/bundled.ts).
import { existsSync } from 'node:fs';
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
