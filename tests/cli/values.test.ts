// Option values of the real bin, parsed with the zod schemas of src/service/values.ts (the API's
// own for the depth and the date): a bad value is one Vietnamese line and the help pointer, exit 2,
// before any file is read or any store opened.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { depthValue, parseValue } from '../../src/service/values.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/cancu.cjs');
const seed3 = join(root, 'fixtures/plans/003_06262491b62869cd.txt');
const data = mkdtempSync(join(tmpdir(), 'cancu-values-'));
afterAll(() => rmSync(data, { recursive: true, force: true }));

function cancu(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NEO4J_URI: '', CANCU_DATA_DIR: data } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI option values', () => {
  const cases: [string[], string, string][] = [
    [['query', 'basis', 'vn:tw:ct-tw:2016:05', '--depth', '11'], 'lỗi: giá trị "11" của tùy chọn --depth <n> không hợp lệ; độ sâu phải từ 1 đến 10.', 'query'],
    [['query', 'basis', 'vn:tw:ct-tw:2016:05', '--depth', '2.5'], 'lỗi: giá trị "2.5" của tùy chọn --depth <n> không hợp lệ; độ sâu phải từ 1 đến 10.', 'query'],
    [['ingest', seed3, '--jobs', '0'], 'lỗi: giá trị "0" của tùy chọn -j, --jobs <n> không hợp lệ; phải là số nguyên từ 1 đến 64.', 'ingest'],
    [['ingest', seed3, '--batch-size', '-1'], 'lỗi: giá trị "-1" của tùy chọn --batch-size <n> không hợp lệ; phải là số nguyên không âm.', 'ingest'],
    [['check', seed3, '--max-warnings', '1e3'], 'lỗi: giá trị "1e3" của tùy chọn --max-warnings <n> không hợp lệ; phải là số nguyên không âm.', 'check'],
    [['serve', '--port', '70000'], 'lỗi: giá trị "70000" của tùy chọn -p, --port <port> không hợp lệ; cổng phải là số từ 0 đến 65535 (0: một cổng trống bất kỳ).', 'serve'],
    [['demo', '--port', 'http'], 'lỗi: giá trị "http" của tùy chọn -p, --port <port> không hợp lệ; cổng phải là số từ 0 đến 65535 (0: một cổng trống bất kỳ).', 'demo'],
  ];
  for (const [args, line, command] of cases) {
    it(`refuses ${args.slice(-2).join(' ')} (${command})`, () => {
      const r = cancu(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`${line}\nXem cách dùng: cancu ${command} --help\n`);
      expect(r.stdout).toBe('');
    });
  }

  it('says it in English with --lang en', () => {
    const r = cancu(['ingest', seed3, '--jobs', '65', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: option '-j, --jobs <n>' argument '65' is invalid. must be a whole number from 1 to 64.\nRun "cancu ingest --help" for its usage.\n`);
  });

  it('takes the values the schemas accept, as numbers', () => {
    // A draft with warnings and no error: over --max-warnings exit 1 (a number compared), not 2.
    const draft = join(data, 'warn.txt');
    writeFileSync(draft, 'Căn cứ Đề án số 15- ĐA/TU ngày 15/12/2022 của Ban Thường vụ Tỉnh ủy Hòa Bình;\n');
    const strict = cancu(['check', draft, '--max-warnings', '0', '--format', 'json']);
    const report = JSON.parse(strict.stdout) as { warningCount: number; errorCount: number };
    expect(report.errorCount).toBe(0);
    expect(report.warningCount).toBeGreaterThan(0);
    expect(strict.code).toBe(1);
    const loose = cancu(['check', draft, '--max-warnings', String(report.warningCount), '--format', 'json']);
    expect(loose.code).toBe(0);
    // The depth is the API's own schema: the CLI refuses what GET /instruments/{ref}/basis?depth= refuses.
    for (const depth of ['0', '11', 'x', '10', '1']) {
      const r = cancu(['query', 'basis', 'vn:tw:ct-tw:2016:05', '--depth', depth]);
      expect(r.code === 2 && r.stderr.startsWith('lỗi: giá trị'), depth).toBe(parseValue(depthValue, depth) === null);
    }
  });
});
