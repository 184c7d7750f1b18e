// `cancu ingest` and `cancu query` as a user runs them, on the embedded store in a temporary
// data folder (CANCU_DATA_DIR): the seed facts of the graph issue, the JSON contract of query,
// and idempotent re-ingest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'dist/src/cli/cancu.cjs');
let env: NodeJS.ProcessEnv;

function cancu(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Hit {
  key: string;
  type: string | null;
  number: string | null;
  date: string | null;
  issuer: string | null;
  depth: number;
  path: string[];
}

beforeAll(() => {
  env = { ...process.env, NEO4J_URI: '', CANCU_DATA_DIR: mkdtempSync(join(tmpdir(), 'cancu-graph-')), NO_COLOR: '1' };
  const r = cancu(['ingest', 'fixtures/plans', '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const summary = JSON.parse(r.stdout);
  expect(summary.failures).toEqual([]);
});

describe('cancu ingest + query on the embedded store', () => {
  it('answers implementers of Đề án 15-ĐA/TU with seed 003 and Kế hoạch 144/KH-UBND, in the JSON contract', () => {
    const r = cancu(['query', 'implementers', 'Đề án 15-ĐA/TU', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { key: string; results: Hit[] };
    expect(Object.keys(out)).toEqual(['key', 'results']);
    expect(out.key).toBe('vn:hoa-binh:da-tu:2022:15');
    for (const h of out.results) expect(Object.keys(h).sort()).toEqual(['date', 'depth', 'issuer', 'key', 'number', 'path', 'type']);
    const keys = out.results.map((h) => h.key);
    expect(keys).toContain('vn:hoa-binh.lac-thuy:kh-ubnd:2023:144');
    expect(keys.some((k) => k.includes('003-06262491b62869cd'))).toBe(true);
    const kh144 = out.results.find((h) => h.key === 'vn:hoa-binh.lac-thuy:kh-ubnd:2023:144')!;
    expect(kh144).toMatchObject({ number: '144/KH-UBND', date: '2023-09-15', depth: 1 });
    expect(kh144.path).toEqual(['vn:hoa-binh:da-tu:2022:15', 'vn:hoa-binh.lac-thuy:kh-ubnd:2023:144']);
  });

  it('answers the basis of seed 004 up to Kế hoạch 163/KH-GD&ĐT and Chỉ thị 05-CT/TW', () => {
    const docs = JSON.parse(cancu(['query', 'implementers', 'Kế hoạch 163/KH-GD&ĐT', '--format', 'json']).stdout) as { results: Hit[] };
    const seed4 = docs.results.find((h) => h.key.includes('004-723b0c46fb5dfa44'))!;
    expect(seed4).toBeDefined();
    const r = cancu(['query', 'basis', seed4.key, '--format', 'json', '--depth', '3']);
    expect(r.code, r.stderr).toBe(0);
    const numbers = (JSON.parse(r.stdout) as { results: Hit[] }).results.map((h) => h.number);
    expect(numbers).toContain('163/KH-GDĐT');
    expect(numbers).toContain('05-CT/TW');
  });

  it('stores Chỉ thị 05-CT/TW once although seeds 003 and 004 both cite it, and Kết luận 01-KL/TW continues it', () => {
    const r = cancu(['query', 'implementers', 'Chỉ thị 05-CT/TW', '--format', 'json']);
    const out = JSON.parse(r.stdout) as { key: string; results: Hit[] };
    expect(out.key).toBe('vn:tw:ct-tw:2016:05');
    expect(out.results.map((h) => h.key)).toContain('vn:tw:kl-tw:2021:01');
  });

  it('re-ingests unchanged files without writing', () => {
    const r = cancu(['ingest', 'fixtures/plans', '--format', 'json']);
    const summary = JSON.parse(r.stdout);
    expect(summary.unchanged).toBe(5);
    expect(summary.documents).toBe(0);
  });

  it('says what became of an issuer: UBND huyện Lạc Thủy, succeeded by UBND tỉnh Phú Thọ on 1/7/2025', () => {
    const json = cancu(['query', 'issuer', 'hoa-binh.lac-thuy:ubnd', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    const detail = JSON.parse(json.stdout);
    expect(detail.issuer).toMatchObject({ key: 'hoa-binh.lac-thuy:ubnd', validTo: '2025-07-01' });
    expect(detail.successors.map((edge: { to: string; date: string }) => [edge.to, edge.date])).toEqual([['phu-tho:ubnd', '2025-07-01']]);
    // By name, as people write it.
    const text = cancu(['query', 'issuer', 'UBND huyện Lạc Thủy']);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Ủy ban nhân dân huyện Lạc Thủy (hoa-binh.lac-thuy:ubnd)');
    expect(text.stdout).toContain('Không còn tồn tại từ ngày 01/07/2025');
    expect(text.stdout).toContain('từ 01/07/2025: Ủy ban nhân dân tỉnh Phú Thọ (phu-tho:ubnd), theo 72/2025/QH15; 203/2025/QH15');
    // A place alone names several bodies: they are listed, nothing is guessed.
    const several = cancu(['query', 'issuer', 'Lạc Thủy']);
    expect(several.code).toBe(1);
    expect(several.stderr).toContain('hoa-binh.lac-thuy:ubnd');
    expect(several.stderr).toContain('hoa-binh.lac-thuy:pgddt');
    const so = cancu(['query', 'issuer', 'Sở GD&ĐT Hòa Bình', '--format', 'json']);
    expect(so.code, so.stderr).toBe(0);
    expect(JSON.parse(so.stdout).successors.map((edge: { to: string }) => edge.to)).toEqual(['phu-tho:sgddt']);
    const unknown = cancu(['query', 'issuer', 'khong-co:ubnd']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Không tìm thấy cơ quan ban hành');
    expect(unknown.stderr).toContain('hoa-binh.lac-thuy:ubnd');
  });

  it('says so when a reference is unknown', () => {
    const r = cancu(['query', 'implementers', 'Nghị định 999/2099/NĐ-CP']);
    expect(r.code).toBe(1);
    expect(r.stderr.length + r.stdout.length).toBeGreaterThan(0);
  });
});

describe('facts learnt from ingested documents', () => {
  it('flags a later draft citing an instrument an ingested decision replaces', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cancu-learn-'));
    const decision = join(dir, 'qd-moi.txt');
    const draft = join(dir, 'draft.txt');
    writeFileSync(
      decision,
      'Số: 20/2024/QĐ-UBND\n\nHòa Bình, ngày 01 tháng 3 năm 2024\n\nQUYẾT ĐỊNH\n\nBan hành Quy định về nếp sống văn minh\n\nĐiều 2. Quyết định này có hiệu lực kể từ ngày 15 tháng 3 năm 2024 và thay thế Quyết định số 45/2019/QĐ-UBND ngày 04/11/2019 của Ủy ban nhân dân tỉnh Hòa Bình.\n',
    );
    writeFileSync(draft, 'Số: 30/KH-UBND\n\nLạc Thủy, ngày 01 tháng 6 năm 2024\n\nKẾ HOẠCH\n\nNếp sống văn minh năm 2024\n\nCăn cứ Quyết định số 45/2019/QĐ-UBND ngày 04/11/2019 của Ủy ban nhân dân tỉnh Hòa Bình về nếp sống văn minh;\n');
    const local = { ...env, CANCU_DATA_DIR: join(dir, 'data') };
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: local });
    // Offline, the registry does not know this provincial decision.
    const offline = spawnSync(process.execPath, [bin, 'check', draft, '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...env, CANCU_DATA_DIR: '' } });
    expect(JSON.parse(offline.stdout).results[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'outdated-citation')).toHaveLength(0);
    expect(run(['ingest', decision]).status).toBe(0);
    const out = JSON.parse(run(['check', draft, '--format', 'json']).stdout);
    const outdated = out.results[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'outdated-citation');
    expect(outdated).toHaveLength(1);
    expect(outdated[0].message).toContain('20/2024/QĐ-UBND');
    expect(outdated[0].severity).toBe('error'); // in the căn cứ
  });
});

describe('yearly series held by the graph', () => {
  it("flags a yearly plan cited after the same body's plan for the next year was ingested, and only from that date", () => {
    const dir = mkdtempSync(join(tmpdir(), 'cancu-series-'));
    const plan = (number: string, date: [number, number, number], year: number) =>
      `ỦY BAN NHÂN DÂN\nHUYỆN LẠC THỦY\n\nSố: ${number}\n\nLạc Thủy, ngày ${date[0]} tháng ${date[1]} năm ${date[2]}\n\nKẾ HOẠCH\n\nThực hiện công tác cải cách hành chính năm ${year}\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n`;
    writeFileSync(join(dir, 'kh-2023.txt'), plan('15/KH-UBND', [10, 1, 2023], 2023));
    writeFileSync(join(dir, 'kh-2024.txt'), plan('09/KH-UBND', [12, 1, 2024], 2024));
    const draft = (date: string) =>
      `ỦY BAN NHÂN DÂN\nHUYỆN LẠC THỦY\n\nSố: 50/KH-UBND\n\nLạc Thủy, ngày ${date}\n\nKẾ HOẠCH\n\nTuyên truyền cải cách hành chính\n\n` +
      'Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2023 của UBND huyện Lạc Thủy về thực hiện công tác cải cách hành chính năm 2023;\n';
    writeFileSync(join(dir, 'draft-2024.txt'), draft('01 tháng 3 năm 2024'));
    writeFileSync(join(dir, 'draft-2023.txt'), draft('01 tháng 6 năm 2023'));
    const local = { ...env, CANCU_DATA_DIR: join(dir, 'data') };
    const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: local });
    const staleIn = (file: string) => {
      const out = run(['check', join(dir, file), '--format', 'json']);
      return JSON.parse(out.stdout).results[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'stale-series');
    };
    expect(run(['ingest', join(dir, 'kh-2023.txt'), join(dir, 'kh-2024.txt')]).status).toBe(0);
    const stale = staleIn('draft-2024.txt');
    expect(stale).toHaveLength(1);
    expect(stale[0].message).toContain('09/KH-UBND về thực hiện công tác cải cách hành chính năm 2024');
    expect(stale[0].message).toContain('Ủy ban nhân dân huyện Lạc Thủy');
    expect(stale[0].expected).toContain('09/KH-UBND');
    // On 1/6/2023 the 2024 plan did not exist yet.
    expect(staleIn('draft-2023.txt')).toEqual([]);
    // Offline, nothing is known about this series.
    const offline = spawnSync(process.execPath, [bin, 'check', join(dir, 'draft-2024.txt'), '--format', 'json'], { cwd: root, encoding: 'utf8', env: { ...env, CANCU_DATA_DIR: '' } });
    expect(JSON.parse(offline.stdout).results[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'stale-series')).toEqual([]);
  });
});
