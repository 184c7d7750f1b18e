// Loads the named Cypher files of queries/ (schema/, ingest/, lineage/, read/, status/, admin/).
// No Cypher is written in TypeScript: a query is referred to by its file name. The only text ever
// inlined is a `{{name}}` placeholder given a validated integer (a path length, which Cypher cannot
// take as a parameter); every value travels as a parameter.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The queries/ folder: found upwards from this module (works from src/ and from dist/src/). */
export function queriesDir(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'queries');
    if (existsSync(join(candidate, 'schema'))) return (root = candidate);
    dir = dirname(dir);
  }
  throw new Error('queries/ folder not found next to the package (cancu installation incomplete)');
}

const cache = new Map<string, string>();

/** The text of queries/<name>.cypher, e.g. query('lineage/up', { depth: 3 }). */
export function query(name: string, inline: Record<string, number> = {}): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(queriesDir(), `${name}.cypher`), 'utf8');
    cache.set(name, text);
  }
  const filled = text.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = inline[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      throw new Error(`query ${name}: placeholder {{${key}}} needs a validated non-negative integer`);
    }
    return String(value);
  });
  return filled;
}

/** Every statement of queries/schema/*.cypher, files in name order, statements split at a line-final ";". */
export function schemaStatements(): string[] {
  const dir = join(queriesDir(), 'schema');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.cypher'))
    .sort()
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split(/;[ \t]*(?:\r?\n|$)/)
        .map((statement) => statement.replace(/^\s*\/\/.*$/gm, '').trim())
        .filter((statement) => statement.length > 0),
    );
}
