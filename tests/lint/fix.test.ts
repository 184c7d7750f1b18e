// The mechanical fixes shared by `cancu check --fix` and the web page's "sửa tất cả".
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { loadBundledRegistry } from '../../src/knowledge/bundled.js';
import { createRegistryResolver } from '../../src/knowledge/resolver.js';
import { applyFixes, correctedLineOf, isMechanicalFix, MECHANICAL_RULES } from '../../src/lint/fix.js';
import { lint, RULES } from '../../src/lint/index.js';

const root = join(import.meta.dirname, '../..');
const resolver = createRegistryResolver(loadBundledRegistry());
const check = (text: string) => lint(analyze(text, { file: 'draft.md' }), { resolver });
const tmp = mkdtempSync(join(tmpdir(), 'cancu-fix-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('applyFixes', () => {
  it('names only rules that exist', () => {
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const id of MECHANICAL_RULES) expect(ids.has(id), id).toBe(true);
  });

  for (const id of MECHANICAL_RULES) {
    const notOk = join(root, 'fixtures/lint', id, 'not-ok.md');
    if (!existsSync(notOk)) continue;
    const text = readFileSync(notOk, 'utf8');
    const found = check(text).filter((m) => m.ruleId === id);
    if (found.length === 0) continue; // the fixture needs a date or knowledge this check does not give
    it(`${id}: fixing its not-ok fixture leaves no such finding, and a second pass changes nothing`, () => {
      const once = applyFixes(text, check(text));
      expect(once.applied.length).toBeGreaterThan(0);
      expect(once.text).not.toBe(text);
      let fixed = once.text;
      for (let i = 0; i < 3; i++) fixed = applyFixes(fixed, check(fixed)).text;
      expect(check(fixed).filter((m) => m.ruleId === id)).toEqual([]);
      expect(applyFixes(fixed, check(fixed)).applied.filter((m) => m.ruleId === id)).toEqual([]);
    });
  }

  it('leaves knowledge-based suggestions alone (an outdated instrument is for a person to replace)', () => {
    const text = readFileSync(join(root, 'fixtures/lint/outdated-citation/not-ok.md'), 'utf8');
    const found = check(text);
    expect(found.some((m) => m.ruleId === 'outdated-citation' && m.expected)).toBe(true);
    expect(applyFixes(text, found).applied.some((m) => m.ruleId === 'outdated-citation')).toBe(false);
  });

  it('skips a finding whose evidence is no longer at its offset, and defers overlapping fixes', () => {
    const src = 'Căn cứ kế hoạch số 05 /KH-UBND ngày 02/3/2023;';
    const a = { ruleId: 'type-word-lowercase', offset: 7, length: 8, evidence: 'kế hoạch', expected: 'Kế hoạch' };
    const b = { ruleId: 'symbol-space-inside', offset: 19, length: 11, evidence: '05 /KH-UBND', expected: '05/KH-UBND' };
    const overlap = { ruleId: 'type-word-lowercase', offset: 7, length: 23, evidence: 'kế hoạch số 05 /KH-UBND', expected: 'Kế hoạch số 05 /KH-UBND' };
    const stale = { ruleId: 'symbol-space-inside', offset: 0, length: 3, evidence: 'xyz', expected: 'x' };
    expect(isMechanicalFix(stale, src)).toBe(false);
    const r = applyFixes(src, [b, a, overlap, stale]);
    expect(r.text).toBe('Căn cứ Kế hoạch số 05/KH-UBND ngày 02/3/2023;');
    expect(r.applied).toEqual([a, b]);
    expect(r.overlapping).toEqual([overlap]);
  });
});

describe('cancu check --fix', () => {
  const bin = join(root, 'dist/src/cli/cancu.cjs');
  it('rewrites a .txt draft, reports what it fixed, and prints only what is left', () => {
    const file = join(tmp, 'plan.txt');
    copyFileSync(join(root, 'fixtures/plans/001_0c8db8813ae77d4b.txt'), file);
    const before = readFileSync(file, 'utf8');
    const run = spawnSync(process.execPath, [bin, 'check', '--fix', '--format', 'json', file], { encoding: 'utf8' });
    expect(run.stderr).toContain('đã sửa 1 chỗ');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(before.replace('kế hoạch số 210/KH-UBND', 'Kế hoạch số 210/KH-UBND'));
    const left = JSON.parse(run.stdout).results[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(left).not.toContain('type-word-lowercase');
    expect(left).toContain('stale-year-reference');
  });

  it('does not edit a .docx, and says so', () => {
    const file = join(tmp, 'plan.docx');
    copyFileSync(join(root, 'fixtures/documents/seed-plan.docx'), file);
    const bytes = readFileSync(file);
    const run = spawnSync(process.execPath, [bin, 'check', '--fix', file], { encoding: 'utf8' });
    expect(run.stderr).toContain('chưa sửa 1 chỗ');
    expect(readFileSync(file)).toEqual(bytes);
  });

  it('keeps a byte-order mark', () => {
    const file = join(tmp, 'bom.txt');
    writeFileSync(file, '\uFEFFCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05 /3/2020 của Chính phủ;\n');
    spawnSync(process.execPath, [bin, 'check', '--fix', file], { encoding: 'utf8' });
    expect(readFileSync(file, 'utf8')).toBe('\uFEFFCăn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ;\n');
  });
});

describe('correctedLineOf', () => {
  const src = 'Căn cứ Kế hoạch số 139/KH-UBND ngày 26/7/2019;\nThực hiện kế hoạch số 05/KH-UBND;';
  it('replaces the span for a mechanical fix and for a replacing suggestion', () => {
    const m = { ruleId: 'type-word-lowercase', offset: src.indexOf('kế hoạch'), length: 8, evidence: 'kế hoạch', expected: 'Kế hoạch' };
    expect(correctedLineOf(src, m)).toBe('Thực hiện Kế hoạch số 05/KH-UBND;');
    const o = { ruleId: 'outdated-citation', offset: 7, length: 38, evidence: src.slice(7, 45), expected: 'Kế hoạch số 200/KH-UBND' };
    expect(correctedLineOf(src, o)).toBe('Căn cứ Kế hoạch số 200/KH-UBND;');
  });
  it('writes a missing issuer after the citation, and gives no line for a partial or instruction suggestion', () => {
    const i = { ruleId: 'citation-missing-issuer', offset: 7, length: 38, evidence: src.slice(7, 45), expected: 'của UBND tỉnh Hòa Bình' };
    expect(correctedLineOf(src, i)).toBe('Căn cứ Kế hoạch số 139/KH-UBND ngày 26/7/2019 của UBND tỉnh Hòa Bình;');
    const y = { ruleId: 'stale-year-reference', offset: 36, length: 9, evidence: src.slice(36, 45), expected: 'năm 2023' };
    expect(correctedLineOf(src, y)).toBeNull();
  });
});
