// docs/rules.md is generated from the rules and their fixtures; it must not drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { renderRulesDoc } from '../../scripts/rules-doc.js';

it('docs/rules.md is up to date (node dist/scripts/rules-doc.js regenerates it)', () => {
  const root = join(import.meta.dirname, '../..');
  expect(readFileSync(join(root, 'docs/rules.md'), 'utf8')).toBe(renderRulesDoc(root));
});
