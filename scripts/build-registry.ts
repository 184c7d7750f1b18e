// Rebuilds fixtures/registry/status-facts.jsonl and admin-units-2025.jsonl from the researched raw
// facts (fixtures/registry/source by default, a copy of the steering repo's shared/registry). The conversion (src/knowledge/convert.ts) restructures and
// never edits meaning; issuers.jsonl and series.jsonl are curated by hand and left alone.
//
//   npx vite-node scripts/build-registry.ts [raw-dir] [out-dir]
//   (or, after npm run build: node dist/scripts/build-registry.js [raw-dir] [out-dir])
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildRegistryFiles } from '../src/knowledge/convert.js';
import { defaultRegistryDir, REGISTRY_FILES } from '../src/knowledge/registry.js';

/** fixtures/registry/source: the raw facts as gathered (refresh it from shared/registry when that changes). */
function defaultRawDir(): string {
  return resolve(defaultRegistryDir(), 'source');
}

function main(args: string[]): number {
  const rawDir = resolve(args[0] ?? defaultRawDir());
  const outDir = resolve(args[1] ?? defaultRegistryDir());
  const built = buildRegistryFiles(rawDir);
  writeFileSync(join(outDir, REGISTRY_FILES.instruments), built.instruments);
  writeFileSync(join(outDir, REGISTRY_FILES.adminUnits), built.adminUnits);
  const count = (s: string) => s.split('\n').filter(Boolean).length;
  process.stdout.write(
    `${REGISTRY_FILES.instruments}: ${count(built.instruments)} instruments\n` +
      `${REGISTRY_FILES.adminUnits}: ${count(built.adminUnits)} units\n` +
      `from ${rawDir} into ${outDir}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
