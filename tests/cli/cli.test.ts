// The real command on real files: `node dist/src/cli/cancu.cjs …` as a user runs it (npm test
// builds first). Exit codes, the three formats, folders and globs, bad input.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/cancu.cjs');
const plans = join(root, 'fixtures/plans');
const seed3 = join(plans, '003_06262491b62869cd.txt');

function cancu(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NEO4J_URI: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/src/cli/cancu.cjs is missing: run `npm run build` (npm test does it)');
  tmp = mkdtempSync(join(tmpdir(), 'cancu-cli-'));
});

describe('cancu check', () => {
  it('reports the malformed citations of seed 003 in Vietnamese and exits 1', () => {
    const r = cancu(['check', seed3]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('693/QĐSGD&ĐT');
    expect(r.stdout).toContain('symbol-missing-hyphen');
    expect(r.stdout).toContain('nên viết: 693/QĐ-SGDĐT');
    expect(r.stdout).toMatch(/✖ \d+ vấn đề \(\d+ lỗi, \d+ cảnh báo, \d+ lưu ý\)/);
  });

  it('prints the JSON contract', () => {
    const r = cancu(['check', 'fixtures/plans', '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.results).toHaveLength(5);
    const messages = out.results.flatMap((x: { messages: unknown[] }) => x.messages);
    for (const m of messages) expect(Object.keys(m)).toEqual(expect.arrayContaining(['ruleId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'evidence', 'expected']));
    const count = (s: string) => messages.filter((m: { severity: string }) => m.severity === s).length;
    expect([out.errorCount, out.warningCount, out.infoCount]).toEqual([count('error'), count('warning'), count('info')]);
    const hyphen = messages.find((m: { ruleId: string; evidence: string }) => m.ruleId === 'symbol-missing-hyphen' && m.evidence === '19/KH UBND');
    expect(hyphen).toMatchObject({ line: 64, expected: '19/KH-UBND' });
  });

  it('prints valid SARIF 2.1.0 with stable rule ids', () => {
    const r = cancu(['check', seed3, '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    const rules = sarif.runs[0].tool.driver.rules.map((x: { id: string }) => x.id);
    expect(new Set(rules).size).toBe(rules.length);
    expect(rules).toContain('symbol-missing-hyphen');
    for (const res of sarif.runs[0].results) {
      expect(rules[res.ruleIndex]).toBe(res.ruleId);
      expect(['error', 'warning', 'note']).toContain(res.level);
      expect(res.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('exits 0 on a clean plan and says so', () => {
    const f = join(tmp, 'clean.txt');
    writeFileSync(f, 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;\n');
    const r = cancu(['check', f]);
    expect(r.stdout).toContain('Không phát hiện vấn đề nào.');
    expect(r.code).toBe(0);
  });

  it('fails on too many warnings with --max-warnings', () => {
    const f = join(tmp, 'warn.txt');
    writeFileSync(f, 'Căn cứ Đề án số 15- ĐA/TU ngày 15/12/2022 của Ban Thường vụ Tỉnh ủy Hòa Bình;\n');
    expect(cancu(['check', f]).code).toBe(0);
    const r = cancu(['check', f, '--max-warnings', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Quá nhiều cảnh báo');
  });

  it('speaks English with --lang en', () => {
    const r = cancu(['check', seed3, '--lang', 'en']);
    expect(r.stdout).toContain('lacks the hyphen');
    expect(r.stdout).toMatch(/problems \(\d+ errors/);
  });

  it('takes folders and globs', () => {
    const sub = join(tmp, 'drafts');
    spawnSync('mkdir', ['-p', join(sub, 'nested')]);
    copyFileSync(seed3, join(sub, 'nested', 'a.txt'));
    copyFileSync(join(plans, '000_62be2637e8442795.txt'), join(sub, 'b.txt'));
    writeFileSync(join(sub, 'ignored.odt'), 'PK');
    const folder = JSON.parse(cancu(['check', sub, '--format', 'json']).stdout);
    expect(folder.results.map((x: { file: string }) => x.file.split('/').pop()).sort()).toEqual(['a.txt', 'b.txt']);
    const glob = JSON.parse(cancu(['check', 'drafts/**/*.txt', '--format', 'json'], tmp).stdout);
    expect(glob.results).toHaveLength(2);
  });

  it('judges validity at --date', () => {
    const f = join(tmp, 'tt36.txt');
    writeFileSync(f, 'Thực hiện Thông tư số 36/2017/TT-BGDĐT ngày 28/12/2017 của Bộ Giáo dục và Đào tạo về công khai.\n');
    const before = JSON.parse(cancu(['check', f, '--format', 'json', '--date', '2024-06-01']).stdout);
    const after = JSON.parse(cancu(['check', f, '--format', 'json', '--date', '2024-08-01']).stdout);
    const outdated = (o: { results: { messages: { ruleId: string }[] }[] }) => o.results[0]!.messages.filter((m) => m.ruleId === 'outdated-citation');
    expect(outdated(before)).toHaveLength(0);
    expect(outdated(after)).toHaveLength(1);
  });
});

describe('bad input', () => {
  it('usage errors exit 2', () => {
    expect(cancu(['check']).code).toBe(2);
    expect(cancu(['check', seed3, '--format', 'xml']).code).toBe(2);
    expect(cancu(['check', seed3, '--date', '2024-13-45']).code).toBe(2);
    expect(cancu(['frobnicate']).code).toBe(2);
  });

  it('a missing file exits 2 and names it', () => {
    const r = cancu(['check', 'khong-co.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('khong-co.txt');
  });

  it('a binary file, invalid UTF-8 and an empty file are reported clearly, and the other files are still checked', () => {
    const bin1 = join(tmp, 'anh.txt');
    writeFileSync(bin1, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const bad = join(tmp, 'cp1258.txt');
    writeFileSync(bad, Buffer.concat([Buffer.from('Căn cứ Quyết định số 12/QĐ-UBND '), Buffer.from([0xc3, 0x28]), Buffer.from(' ngày')]));
    const empty = join(tmp, 'rong.txt');
    writeFileSync(empty, '');
    const r = cancu(['check', bin1, bad, empty, seed3, '--format', 'json']);
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    const byName = (n: string) => out.results.find((x: { file: string }) => x.file.endsWith(n));
    expect(byName('anh.txt').error).toMatch(/nhị phân/);
    expect(byName('cp1258.txt').error).toMatch(new RegExp(`UTF-8.*vị trí ${Buffer.from('Căn cứ Quyết định số 12/QĐ-UBND ').length} \\(`));
    expect(byName('rong.txt').error).toMatch(/rỗng/);
    expect(byName('003_06262491b62869cd.txt').messages.length).toBeGreaterThan(10);
  });
});

describe('cancu extract', () => {
  it('prints the citation contract for seed 003', () => {
    const r = cancu(['extract', seed3, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout).documents[0];
    expect(Object.keys(doc.header)).toEqual(expect.arrayContaining(['number', 'type', 'place', 'date', 'title', 'signer']));
    expect(doc.citations).toHaveLength(41);
    const c = doc.citations.find((x: { canonicalNumber: string }) => x.canonicalNumber === '144/KH-UBND');
    expect(c).toMatchObject({
      type: 'Kế hoạch',
      number: '144/KH-UBND',
      date: '2023-09-15',
      issuer: 'UBND huyện Lạc Thủy',
      section: 'can_cu',
      line: 11,
      key: 'vn:hoa-binh.lac-thuy:kh-ubnd:2023:144',
      relation: { kind: 'implements', target: 'vn:hoa-binh:da-tu:2022:15' },
    });
    for (const x of doc.citations) expect(Object.keys(x)).toEqual(expect.arrayContaining(['type', 'number', 'canonicalNumber', 'date', 'issuer', 'subject', 'section', 'line', 'column', 'offset', 'length', 'surface', 'key', 'relation']));
  });

  it('prints a readable list', () => {
    const r = cancu(['extract', seed3]);
    expect(r.stdout).toContain('41 trích dẫn');
  });
});
