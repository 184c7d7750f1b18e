// Docs are tests: every rule has fixtures/lint/<rule-id>/ok.md (no finding of that rule) and
// not-ok.md (at least one). Read through the real markdown adapter, linted with every rule on
// (strict preset) and the bundled registry, judged at each fixture's own date.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/documents/index.js';
import { analyze } from '../../src/citations/analyze.js';
import { lint, RULES } from '../../src/lint/index.js';
import { loadBundledResolver } from '../../src/cli/commands/check.js';

const dir = join(import.meta.dirname, '../../fixtures/lint');

async function run(file: string) {
  const src = await readDocument(file);
  const doc = analyze(src.text, { file, locate: src.locate.bind(src) });
  return lint(doc, { preset: 'strict', resolver: await loadBundledResolver() });
}

describe('every rule has its fixtures', () => {
  it.each(RULES.map((r) => r.id))('%s', (id) => {
    expect(existsSync(join(dir, id, 'ok.md')), `${id}/ok.md`).toBe(true);
    expect(existsSync(join(dir, id, 'not-ok.md')), `${id}/not-ok.md`).toBe(true);
  });
});

describe.each(readdirSync(dir).sort())('rule %s', (id) => {
  it('reports not-ok.md', async () => {
    const found = await run(join(dir, id, 'not-ok.md'));
    expect(found.filter((f) => f.ruleId === id).length, JSON.stringify(found.map((f) => f.ruleId))).toBeGreaterThan(0);
    for (const f of found.filter((x) => x.ruleId === id)) {
      expect(f.message.length).toBeGreaterThan(20);
      expect(f.line).toBeGreaterThan(0);
    }
  });

  it('stays quiet on ok.md', async () => {
    const found = await run(join(dir, id, 'ok.md'));
    expect(found.filter((f) => f.ruleId === id).map((f) => `${f.line}: ${f.message}`)).toEqual([]);
  });
});
