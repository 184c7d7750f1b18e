// The graph code's shape, as issue 15 set it: no file of src/graph over 600 lines, and the embedded
// store's packed layout (strides, field offsets, the relation entry's bit packing) known to
// memory/tables.ts alone — the merge, the queries and the log go through its named accessors.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const GRAPH = join(ROOT, 'src', 'graph');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/graph layout', () => {
  it('has no file over 600 lines', () => {
    const long = sources(GRAPH)
      .map((path) => ({ file: relative(ROOT, path), lines: readFileSync(path, 'utf8').split('\n').length }))
      .filter((entry) => entry.lines > 600);
    expect(long).toEqual([]);
  });

  it('keeps the packed layout of the embedded store in memory/tables.ts alone', () => {
    // Names of the layout's constants, and (in the embedded store) indexing into the packed arrays.
    const layout = /\b(STRIDE|F_STRIDE|R_STRIDE|C_[A-Z_]+|F_(RULE|SEVERITY|MESSAGE|LINE|COLUMN|EVIDENCE|EXPECTED))\b|>>> 4|& 15\b/;
    const packed = /\.(cites|rels|findings)\[/;
    const offenders = sources(GRAPH)
      .filter((path) => !path.endsWith(join('memory', 'tables.ts')))
      .flatMap((path) =>
        readFileSync(path, 'utf8')
          .split('\n')
          .map((line, index) => ({ at: `${relative(ROOT, path)}:${index + 1}`, line: line.replace(/\/\/.*$/, '') }))
          .filter(({ line }) => layout.test(line) || (path.includes(`${join('graph', 'memory')}`) && packed.test(line))),
      );
    expect(offenders).toEqual([]);
  });
});
