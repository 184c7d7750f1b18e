// What a new user meets first, with the real bin on real files: skipped files are named, a closed
// pipe ends quietly, usage errors are short and in the user's language, --help has examples and
// exit codes, --date must be a real day, and the configuration file switches rules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/rules/index.js';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/cancu.cjs');
const seed3 = join(root, 'fixtures/plans/003_06262491b62869cd.txt');
const seed0 = join(root, 'fixtures/plans/000_62be2637e8442795.txt');

function cancu(args: string[], cwd = root) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NEO4J_URI: '', CANCU_DATA_DIR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let tmp: string;
beforeAll(() => {
  if (!existsSync(bin)) throw new Error('dist/src/cli/cancu.cjs is missing: run `npm run build` (npm test does it)');
  tmp = mkdtempSync(join(tmpdir(), 'cancu-usability-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const dir = (name: string) => {
  const d = join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
};
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { results: { file: string; messages: { ruleId: string; severity: string }[] }[] };

describe('files that are not read are named, with the reason', () => {
  it('an empty folder exits 2 and says so', () => {
    dir('empty');
    const r = cancu(['check', 'empty'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Thư mục "empty" không có tệp nào đọc được (.txt, .md, .markdown, .docx, .pdf).');
  });

  it('a folder of unsupported files exits 2 and names each one', () => {
    const d = dir('scans');
    writeFileSync(join(d, 'ke-hoach.odt'), 'PK\u0003\u0004');
    writeFileSync(join(d, 'README'), 'no extension');
    const r = cancu(['check', 'scans', '--lang', 'en'], tmp);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('skipped: scans/ke-hoach.odt (format .odt is not supported; read: .txt, .md, .markdown, .docx, .pdf)');
    expect(r.stderr).toContain('skipped: scans/README (no extension;');
    expect(r.stderr).toContain('Folder "scans" has no file to read');
  });

  it('in a mixed folder the readable files are checked and the others named', () => {
    const d = dir('mixed');
    copyFileSync(seed0, join(d, 'a.txt'));
    writeFileSync(join(d, 'b.odt'), 'PK\u0003\u0004');
    const r = cancu(['check', 'mixed', '--format', 'json'], tmp);
    expect(r.code).toBe(0);
    expect(json(r).results.map((x) => x.file)).toEqual(['mixed/a.txt']);
    expect(r.stderr).toBe('bỏ qua: mixed/b.odt (định dạng .odt không được hỗ trợ; đọc được: .txt, .md, .markdown, .docx, .pdf)\n');
  });

  it('many skipped files: the first ten named, the rest counted', () => {
    const d = dir('many');
    copyFileSync(seed0, join(d, 'a.txt'));
    for (let i = 0; i < 13; i++) writeFileSync(join(d, `scan-${String(i).padStart(2, '0')}.odt`), 'PK');
    const r = cancu(['check', 'many'], tmp);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('bỏ qua: many/'))).toHaveLength(10);
    expect(r.stderr).toContain('bỏ qua: 3 tệp khác có định dạng không được hỗ trợ');
  });
});

describe('a closed pipe', () => {
  it('`cancu extract … | head` ends quietly, without EPIPE', () => {
    // JSON of the five plans (~95 KB) is larger than a pipe's buffer: the write outlives `head`.
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', `"${process.execPath}" "${bin}" extract fixtures/plans --format json | head -c 100 >/dev/null`], { cwd: root, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});

describe('usage errors and help', () => {
  it('say what is wrong in Vietnamese, in one line and a pointer, not the whole help', () => {
    const cases: [string[], string][] = [
      [['check'], 'lỗi: thiếu đường dẫn.'],
      [['check', seed3, '--format', 'xml'], 'lỗi: giá trị "xml" của tùy chọn -f, --format <format> không hợp lệ; chỉ nhận: stylish, json, sarif.'],
      [['chek', 'x'], 'lỗi: không có lệnh "chek" (có phải check?).'],
      [['check', seed3, '--formt', 'json'], 'lỗi: không có tùy chọn --formt (có phải --format?).'],
      [['serve', 'extra'], 'lỗi: thừa đối số cho lệnh serve: lệnh nhận 0 đối số, nhưng được 1.'],
      [['check', seed3, '--max-warnings', 'abc'], 'lỗi: giá trị "abc" của tùy chọn --max-warnings <n> không hợp lệ; phải là số nguyên không âm.'],
    ];
    for (const [args, first] of cases) {
      const r = cancu(args);
      expect(r.code, args.join(' ')).toBe(2);
      const lines = r.stderr.trimEnd().split('\n');
      expect(lines[0]).toBe(first);
      expect(lines).toHaveLength(2);
      expect(lines[1]).toMatch(/^Xem (cách dùng|các lệnh): cancu( \w+)? --help$/);
      expect(r.stderr).not.toMatch(/Usage|Options|error:|display help/);
    }
  });

  it('speak English with --lang en', () => {
    const r = cancu(['check', seed3, '--lang', 'en', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif.\nRun "cancu check --help" for its usage.\n`);
  });

  it('--help is Vietnamese and has examples and exit codes', () => {
    for (const args of [['--help'], ['check', '--help'], ['ingest', '--help'], ['query', '--help'], ['extract', '--help'], ['serve', '--help']]) {
      const r = cancu(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Cách dùng: cancu');
      expect(r.stdout).toContain('Ví dụ:');
      expect(r.stdout).toContain('Mã thoát:');
      expect(r.stdout).not.toMatch(/Usage:|Options:|display help|\(default:|choices:/);
    }
  });

  it('English summaries count in singular and plural', () => {
    const f = join(tmp, 'one-info.txt');
    writeFileSync(f, 'Căn cứ Đề án 15-ĐA/TU ngày 15/12/2022 của Ban Thường vụ Tỉnh ủy Hòa Bình;\n');
    const r = cancu(['check', f, '--lang', 'en']);
    expect(r.stdout).toMatch(/✖ 1 problem \(0 errors, 0 warnings, 1 info\)/);
  });
});

describe('--date', () => {
  it('refuses a day that does not exist, as POST /check does, and takes a real one', () => {
    for (const bad of ['2023-02-30', '2023-02-29', '2024-13-01', '2024-6-1', 'hôm nay']) {
      const r = cancu(['check', seed0, '--date', bad]);
      expect(r.code, bad).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`--date "${bad}" không phải một ngày có thật; viết theo dạng YYYY-MM-DD`);
    }
    expect(cancu(['check', seed0, '--date', '2024-02-29']).code).toBe(0);
  });
});

describe('configuration file', () => {
  const RULE = 'citation-missing-so';
  const draft = 'Căn cứ Chỉ thị 05-CT/TW ngày 15/5/2016 của Bộ Chính trị;\n';
  const ruleIds = (r: ReturnType<typeof cancu>) => json(r).results.flatMap((x) => x.messages.map((m) => `${m.ruleId}:${m.severity}`));

  it('the nearest .cancurc.json or cancu.config.json above the file sets rule severities', () => {
    const project = dir('project');
    mkdirSync(join(project, 'drafts', 'nested'), { recursive: true });
    writeFileSync(join(project, 'drafts', 'nested', 'a.txt'), draft);
    expect(ruleIds(cancu(['check', 'drafts', '--format', 'json'], project))).toContain(`${RULE}:info`);

    writeFileSync(join(project, 'cancu.config.json'), JSON.stringify({ rules: { [RULE]: 'error' } }));
    const raised = cancu(['check', 'drafts', '--format', 'json'], project);
    expect(ruleIds(raised)).toContain(`${RULE}:error`);
    expect(raised.code).toBe(1);

    // A nearer file wins (no merging): here the rule is off.
    writeFileSync(join(project, 'drafts', '.cancurc.json'), JSON.stringify({ rules: { [RULE]: 'off' } }));
    const off = cancu(['check', 'drafts', '--format', 'json'], project);
    expect(ruleIds(off).filter((id) => id.startsWith(RULE))).toEqual([]);
    expect(off.code).toBe(0);

    // --config names one file for all and stops the search.
    const explicit = cancu(['check', 'drafts', '--format', 'json', '--config', 'cancu.config.json'], project);
    expect(ruleIds(explicit)).toContain(`${RULE}:error`);
  });

  it('a preset in the file; --preset on the command line wins', () => {
    const d = dir('preset');
    writeFileSync(join(d, 'a.txt'), 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 của Chính phủ về công tác văn thư;\n');
    expect(ruleIds(cancu(['check', 'a.txt', '--format', 'json'], d))).not.toContain('date-missing-leading-zero:warning');
    writeFileSync(join(d, '.cancurc.json'), JSON.stringify({ preset: 'strict' }));
    const strict = ruleIds(cancu(['check', 'a.txt', '--format', 'json'], d));
    expect(strict.some((id) => id.startsWith('date-missing-leading-zero:'))).toBe(true);
    const cli = ruleIds(cancu(['check', 'a.txt', '--format', 'json', '--preset', 'recommended'], d));
    expect(cli.some((id) => id.startsWith('date-missing-leading-zero:'))).toBe(false);
  });

  it('a wrong file stops the run with exit 2 and says what to fix', () => {
    const cases: [unknown, string][] = [
      [{ rules: { 'citation-missing-sO': 'off' } }, 'không có quy tắc "citation-missing-sO"; có phải "citation-missing-so"?'],
      [{ rules: { [RULE]: 'warn' } }, `mức của quy tắc ${RULE} phải là "off", "info", "warning" hoặc "error"`],
      [{ rule: {} }, 'khóa không được nhận: rule; chỉ dùng "preset" và "rules"'],
      [{ preset: 'all' }, 'preset phải là "recommended" hoặc "strict"'],
      ['{ "rules": ', 'không phải JSON hợp lệ'],
    ];
    for (const [content, message] of cases) {
      const d = dir(`bad-${Math.random().toString(36).slice(2)}`);
      writeFileSync(join(d, 'a.txt'), draft);
      writeFileSync(join(d, '.cancurc.json'), typeof content === 'string' ? content : JSON.stringify(content));
      const r = cancu(['check', 'a.txt'], d);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(join(d, '.cancurc.json'));
      expect(r.stderr).toContain(message);
    }
    const both = dir('both');
    writeFileSync(join(both, 'a.txt'), draft);
    writeFileSync(join(both, '.cancurc.json'), '{}');
    writeFileSync(join(both, 'cancu.config.json'), '{}');
    const r = cancu(['check', 'a.txt'], both);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('chỉ giữ một tệp cấu hình');
    expect(cancu(['check', 'a.txt', '--config', 'khong-co.json'], both).stderr).toContain('khong-co.json');
  });

  it('every rule id may be configured', () => {
    const d = dir('all-rules');
    writeFileSync(join(d, 'a.txt'), draft);
    writeFileSync(join(d, 'cancu.config.json'), JSON.stringify({ rules: Object.fromEntries(RULES.map((rule) => [rule.id, 'off'])) }));
    const r = cancu(['check', 'a.txt', '--format', 'json'], d);
    expect(r.code).toBe(0);
    expect(ruleIds(r)).toEqual([]);
  });
});

describe('a busy port', () => {
  it('names the port and how to choose another (cancu serve and npm start)', async () => {
    const { createServer } = await import('node:net');
    const holder = createServer();
    await new Promise<void>((done) => holder.listen(0, '127.0.0.1', done));
    const port = (holder.address() as { port: number }).port;
    try {
      const data = dir('port-data');
      for (const [args, env] of [
        [['serve', '--port', String(port)], {}],
        [['demo'], { PORT: String(port) }],
      ] as const) {
        const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NEO4J_URI: '', CANCU_DATA_DIR: data, HOST: '127.0.0.1', ...env } });
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toContain(`Cổng ${port} trên 127.0.0.1 đang được một chương trình khác dùng. Chọn cổng khác: cancu serve --port ${port + 1}, hoặc PORT=${port + 1} npm start`);
        expect(r.stderr).not.toMatch(/EADDRINUSE|at .*\.js:\d+/);
      }
    } finally {
      await new Promise((done) => holder.close(done));
    }
  });
});

describe('cancu ingest summary', () => {
  const copies = () => {
    const d = dir(`copies-${Math.random().toString(36).slice(2)}`);
    // Eight copies of one plan (same number): the first is written, the other seven refused.
    for (let i = 1; i <= 8; i++) writeFileSync(join(d, `copy-${i}.txt`), `${readFileSync(seed0, 'utf8')}\ndòng ${i}\n`);
    writeFileSync(join(d, 'scan.odt'), 'PK');
    return d;
  };
  const ingest = (args: string[], data: string) =>
    spawnSync(process.execPath, [bin, 'ingest', ...args], { cwd: tmp, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NEO4J_URI: '', CANCU_DATA_DIR: data } });

  it('is a table, "lỗi" only counts error findings, and the first five refused files are listed', () => {
    const d = copies();
    const r = ingest([d], dir(`data-${Math.random().toString(36).slice(2)}`));
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/^tệp tìm thấy +8$/m);
    expect(r.stdout).toMatch(/^ {2}đã ghi +1$/m);
    expect(r.stdout).toMatch(/^ {2}bị từ chối +7$/m);
    expect(r.stdout).toMatch(/^định dạng khác \(bỏ qua\) +1$/m);
    expect(r.stdout).toMatch(/^phát hiện: lỗi \/ cảnh báo \/ lưu ý +\d+ \/ \d+ \/ \d+$/m);
    expect(r.stdout.match(/lỗi/g)).toHaveLength(1);
    expect(r.stdout).toContain('Tệp bị từ chối (7):');
    expect(r.stdout.match(/^ {2}✗ /gm)).toHaveLength(5);
    expect(r.stdout).toContain('  … và 2 tệp khác (cả danh sách: --verbose, hoặc --failures <tệp> để ghi ra tệp JSON).');
    expect(r.stderr).toContain('bỏ qua: ');
    expect(r.stderr).toContain('scan.odt (định dạng .odt không được hỗ trợ');
  });

  it('--verbose lists all of them, --failures writes them all to a file', () => {
    const d = copies();
    const verbose = ingest([d, '--verbose', '--lang', 'en'], dir(`data-${Math.random().toString(36).slice(2)}`));
    expect(verbose.stdout.match(/^ {2}✗ /gm)).toHaveLength(7);
    expect(verbose.stdout).toContain('Refused files (7):');
    const list = join(tmp, `failures-${Math.random().toString(36).slice(2)}.json`);
    const written = ingest([d, '--failures', list], dir(`data-${Math.random().toString(36).slice(2)}`));
    expect(written.stdout).toContain(`… và 2 tệp khác (cả danh sách trong ${list}).`);
    const failures = JSON.parse(readFileSync(list, 'utf8')) as { file: string; reason: string }[];
    expect(failures).toHaveLength(7);
    expect(failures[0]!.reason).toContain('cùng khóa');
  });

  it('a folder with nothing to ingest exits 2 and says so', () => {
    dir('nothing');
    const r = ingest(['nothing'], dir('data-nothing'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('Thư mục "nothing" không có tệp nào đọc được');
  });
});
