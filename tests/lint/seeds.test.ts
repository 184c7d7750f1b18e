// `cancu check` findings on the five seed plans against the reviewer's list
// (fixtures/gold/expected-findings.jsonl): at least 95 % of the findings that need no outside
// knowledge are reported on their line, and every other message is one a person has checked
// (listed below with the reason it is right).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/citations/analyze.js';
import { lint } from '../../src/lint/index.js';

const root = join(import.meta.dirname, '../../fixtures');
const KNOWLEDGE = new Set(['outdated-citation', 'wrong-instrument-type', 'inconsistent-citation-across-documents']);
interface Expected {
  file: string;
  line: number;
  rule: string;
  severity: string;
  evidence: string;
}
const expected: Expected[] = readFileSync(join(root, 'gold/expected-findings.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .map((e: Expected) => ({ ...e, rule: e.rule.replace(/\s*\(own number\)$/, '') }));
const textOnly = expected.filter((e) => !KNOWLEDGE.has(e.rule));

const files = readdirSync(join(root, 'plans')).filter((f) => /^00\d_.*\.txt$/.test(f)).sort();
const found = files.flatMap((file) => lint(analyze(readFileSync(join(root, 'plans', file), 'utf8'), { file })).map((f) => ({ ...f, file })));

// Messages beyond the reviewer's list, each read and judged right (file, line, rule).
const REVIEWED_EXTRA = new Set<string>([]);

describe('findings on the seed plans', () => {
  it('reports at least 95 % of the text-only expected findings on their line', () => {
    const missed = textOnly.filter((e) => !found.some((f) => f.file === e.file && f.line === e.line && f.ruleId === e.rule));
    const recall = (textOnly.length - missed.length) / textOnly.length;
    expect(missed.map((m) => `${m.file}:${m.line} ${m.rule} ${m.evidence}`)).toEqual([]);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('reports nothing the reviewer did not list, except the messages checked by hand', () => {
    const extra = found.filter((f) => !expected.some((e) => e.file === f.file && e.line === f.line && e.rule === f.ruleId));
    expect(extra.map((f) => `${f.file}:${f.line} ${f.ruleId}`).filter((k) => !REVIEWED_EXTRA.has(k))).toEqual([]);
  });

  it('gives the evidence and the fix the reviewer gives', () => {
    const pairs: [string, number, string, string, string | null][] = [
      ['003_06262491b62869cd.txt', 110, 'symbol-missing-hyphen', '693/QĐSGD&ĐT', '693/QĐ-SGDĐT'],
      ['004_723b0c46fb5dfa44.txt', 53, 'symbol-missing-hyphen', '36/2017/TTBGDĐT', '36/2017/TT-BGDĐT'],
      ['004_723b0c46fb5dfa44.txt', 64, 'symbol-missing-hyphen', '19/KH UBND', '19/KH-UBND'],
      ['003_06262491b62869cd.txt', 88, 'type-word-code-mismatch', 'Nghị định số 04/2015/NQ-CP', 'Nghị định số 04/2015/NĐ-CP'],
      ['002_4a437969179fdfe8.txt', 15, 'type-code-unknown', '18-KHPPH/BDV-PGDĐT', '18-KHPH/BDV-PGDĐT'],
      ['002_4a437969179fdfe8.txt', 15, 'date-spacing', 'ngày 28 /3/2023', 'ngày 28/3/2023'],
      ['003_06262491b62869cd.txt', 100, 'code-missing-diacritic', '54-KH/BCSD', '54-KH/BCSĐ'],
      ['003_06262491b62869cd.txt', 58, 'symbol-space-inside', '01- KL/TW', '01-KL/TW'],
      ['000_62be2637e8442795.txt', 3, 'symbol-space-inside', '07 /KH-PGDĐT', '07/KH-PGDĐT'],
      ['004_723b0c46fb5dfa44.txt', 55, 'citation-missing-so', 'Nghị định 90/2020/NĐ-CP', 'Nghị định số 90/2020/NĐ-CP'],
      ['001_0c8db8813ae77d4b.txt', 6, 'type-word-lowercase', 'kế hoạch số 210/KH-UBND', 'Kế hoạch số 210/KH-UBND'],
      ['003_06262491b62869cd.txt', 3, 'draft-placeholder', 'Số: /KH-GD&ĐT', null],
      ['003_06262491b62869cd.txt', 5, 'draft-placeholder', 'ngày tháng 10 năm 2023', null],
      ['004_723b0c46fb5dfa44.txt', 126, 'plan-issuer-mismatch', 'trường mầm non Thanh Hà', 'Trường Mầm non Đỗ Đình Thiện'],
    ];
    for (const [file, line, rule, evidence, fix] of pairs) {
      const f = found.find((x) => x.file === file && x.line === line && x.ruleId === rule && x.evidence.normalize('NFC') === evidence);
      expect(f, `${file}:${line} ${rule} ${evidence}`).toBeDefined();
      expect(f!.expected ?? null).toBe(fix);
      expect(f!.message).toMatch(/[\u00C0-\u1EF9]/u); // Vietnamese by default
    }
  });

  it('speaks English on request', () => {
    const file = '003_06262491b62869cd.txt';
    const en = lint(analyze(readFileSync(join(root, 'plans', file), 'utf8'), { file }), { lang: 'en' });
    const f = en.find((x) => x.ruleId === 'symbol-missing-hyphen')!;
    expect(f.message).toContain('lacks the hyphen');
  });
});

describe('findings that rest on the bundled registry', () => {
  it('flags exactly the outdated citations the reviewer found, each with its source', async () => {
    const { loadBundledResolver } = await import('../../src/cli/commands/check.js');
    const resolver = await loadBundledResolver();
    const withKnowledge = files.flatMap((file) =>
      lint(analyze(readFileSync(join(root, 'plans', file), 'utf8'), { file }), { resolver }).map((f) => ({ ...f, file })),
    );
    const outdated = withKnowledge.filter((f) => f.ruleId === 'outdated-citation');
    const want = expected.filter((e) => e.rule === 'outdated-citation').map((e) => `${e.file}:${e.line}:${e.evidence.normalize('NFC')}`).sort();
    expect(outdated.map((f) => `${f.file}:${f.line}:${f.evidence.normalize('NFC')}`).sort()).toEqual(want);
    for (const f of outdated) expect(f.url).toMatch(/^https?:\/\//);
    // The Party regulations cited as "Quyết định" (the reviewer's wrong-instrument-type).
    const wrongType = expected.filter((e) => e.rule === 'wrong-instrument-type');
    for (const e of wrongType) {
      expect(withKnowledge.some((f) => f.file === e.file && f.line === e.line && f.ruleId === 'unverified-citation' && f.expected?.startsWith('Quy định số'))).toBe(true);
    }
  });
});
