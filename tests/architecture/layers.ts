// The layer check: every relative import of src/ and ingest/ must point down the table of
// docs/architecture.md (or stay inside its own layer). Imports are read with the TypeScript
// compiler's own pre-processor (static imports, `export … from`, dynamic `import()`), type-only
// imports included: a type is a dependency too.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * Each layer and the layers it may import (besides itself). Lower layers never import higher
 * ones; `web` is the browser bundle and may import only pure modules (listed one by one).
 */
export const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  model: [],
  citations: ['model'],
  documents: ['model'],
  graph: ['model', 'citations'],
  knowledge: ['model', 'citations', 'graph'],
  lint: ['model', 'citations', 'knowledge'],
  config: ['model'],
  service: ['model', 'citations', 'documents', 'graph', 'knowledge', 'lint', 'config'],
  http: ['model', 'citations', 'documents', 'graph', 'knowledge', 'lint', 'config', 'service'],
  // The CLI is the composition root: it starts the HTTP server (serve) and the ingest pipeline.
  cli: ['model', 'citations', 'documents', 'graph', 'knowledge', 'lint', 'config', 'service', 'http', 'ingest'],
  // ingest/ builds on src/ (everything below the entry points); src/ never imports it but the CLI.
  ingest: ['model', 'citations', 'documents', 'graph', 'knowledge', 'lint', 'config', 'service'],
  web: ['model'],
};

/** Pure modules of other layers the browser bundle may take (no Node import, no zod at run time). */
export const WEB_MODULES: readonly string[] = ['src/documents/formats.ts', 'src/lint/fix.ts'];

/** The layer of a file (path relative to the repository, "/" separators), or null when outside src/ and ingest/. */
export function layerOf(file: string): string | null {
  const parts = file.split('/');
  if (parts[0] === 'ingest') return 'ingest';
  if (parts[0] !== 'src' || parts.length < 2) return null;
  if (parts.length === 2) return parts[1]!.replace(/\.ts$/, '');
  return parts[1]!;
}

export interface Import {
  from: string;
  to: string;
}

export interface Violation extends Import {
  reason: string;
}

/** The violations among these imports (files relative to the repository). */
export function checkImports(imports: readonly Import[]): Violation[] {
  const out: Violation[] = [];
  for (const { from, to } of imports) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (a === null || b === null || a === b) continue;
    if (!(a in ALLOWED)) out.push({ from, to, reason: `layer "${a}" is not in the table` });
    else if (!(b in ALLOWED)) out.push({ from, to, reason: `layer "${b}" is not in the table` });
    else if (a === 'web' && WEB_MODULES.includes(to)) continue;
    else if (!ALLOWED[a]!.includes(b)) out.push({ from, to, reason: `${a} may not import ${b}` });
  }
  return out;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of the .ts files under `dirs` of `root`, as repository paths of .ts files. */
export function readImports(root: string, dirs: readonly string[]): Import[] {
  const out: Import[] = [];
  for (const dir of dirs) {
    for (const path of walk(join(root, dir))) {
      const from = relative(root, path).split(sep).join('/');
      for (const ref of ts.preProcessFile(readFileSync(path, 'utf8'), true, true).importedFiles) {
        if (!ref.fileName.startsWith('.')) continue;
        const to = relative(root, resolve(dirname(path), ref.fileName)).split(sep).join('/').replace(/\.js$/, '.ts');
        out.push({ from, to });
      }
    }
  }
  return out;
}
