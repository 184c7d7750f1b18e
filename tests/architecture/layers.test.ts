import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED, checkImports, layerOf, readImports } from './layers.js';

const root = join(import.meta.dirname, '../..');

describe('layers (docs/architecture.md)', () => {
  const imports = readImports(root, ['src', 'ingest']);

  it('reads the imports of the tree (static, re-exports, dynamic, type-only)', () => {
    const of = (from: string) => imports.filter((i) => i.from === from).map((i) => i.to);
    // A dynamic import() and a type-only import, each known to be there.
    expect(of('src/cli/commands/check.ts')).toContain('src/service/check.ts');
    expect(of('src/knowledge/resolver.ts')).toContain('src/model/knowledge.ts');
    // A re-export (export … from).
    expect(of('src/graph/store.ts')).toContain('src/model/schemas.ts');
    expect(imports.length).toBeGreaterThan(300);
  });

  it('has every folder of src/ in the table', () => {
    const layers = new Set(imports.flatMap((i) => [layerOf(i.from), layerOf(i.to)]).filter((l): l is string => l !== null));
    expect([...layers].filter((l) => !(l in ALLOWED))).toEqual([]);
  });

  it('no layer imports upward', () => {
    expect(checkImports(imports)).toEqual([]);
  });

  it('the table has no cycle', () => {
    const seen = new Set<string>();
    const visit = (layer: string, path: string[]): void => {
      expect(path, `cycle ${[...path, layer].join(' → ')}`).not.toContain(layer);
      if (seen.has(layer)) return;
      for (const below of ALLOWED[layer]!) visit(below, [...path, layer]);
      seen.add(layer);
    };
    for (const layer of Object.keys(ALLOWED)) visit(layer, []);
  });

  it('rejects an upward import, a web page importing Node code, and an unknown layer', () => {
    const bad = checkImports([
      { from: 'src/knowledge/resolver.ts', to: 'src/lint/define-rule.ts' },
      { from: 'src/model/schemas.ts', to: 'src/citations/model.ts' },
      { from: 'src/service/check.ts', to: 'ingest/pipeline.ts' },
      { from: 'src/web/check.ts', to: 'src/documents/index.ts' },
      { from: 'src/plugins/x.ts', to: 'src/model/values.ts' },
      // allowed ones, for contrast
      { from: 'src/web/check.ts', to: 'src/documents/formats.ts' },
      { from: 'src/cli/commands/ingest.ts', to: 'ingest/pipeline.ts' },
      { from: 'ingest/stages/parse.ts', to: 'src/service/pipeline.ts' },
      { from: 'src/lint/rules/util.ts', to: 'src/lint/define-rule.ts' },
    ]);
    expect(bad.map((v) => `${v.from} → ${v.to}: ${v.reason}`)).toEqual([
      'src/knowledge/resolver.ts → src/lint/define-rule.ts: knowledge may not import lint',
      'src/model/schemas.ts → src/citations/model.ts: model may not import citations',
      'src/service/check.ts → ingest/pipeline.ts: service may not import ingest',
      'src/web/check.ts → src/documents/index.ts: web may not import documents',
      'src/plugins/x.ts → src/model/values.ts: layer "plugins" is not in the table',
    ]);
  });
});
