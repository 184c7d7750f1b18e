// The installed command (package.json "bin": dist/src/cli/cancu.cjs) runs the one-file bundle
// dist/cli/cancu.bundle.cjs with its code cache (scripts/build-cli.mjs). Here: it answers exactly
// as the unbundled dist/src/cli/bin.js does — the same bytes on stdout and stderr, the same exit
// code — including the commands that load left-out packages on demand (tinyglobby for a glob,
// pdfjs-dist for a .pdf, mammoth for a .docx), the bundled zod (a configuration file, --date, the
// API's schemas and OpenAPI document) and the bundled markdown parser; the code cache is taken; a damaged or foreign cache, or a missing
// bundle, changes nothing but the speed; `ingest --jobs 2` from the bundle does start its workers.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../../scripts/generate-corpus.js';

const root = join(import.meta.dirname, '../..');
const fast = join(root, 'dist/src/cli/cancu.cjs');
const plain = join(root, 'dist/src/cli/bin.js');
const tmp = mkdtempSync(join(tmpdir(), 'cancu-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(bin: string, args: string[], env: NodeJS.ProcessEnv = {}, execArgv: string[] = []) {
  const r = spawnSync(process.execPath, [...execArgv, bin, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', NEO4J_URI: '', CANCU_DATA_DIR: '', NODE_DEBUG: '', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  for (const f of [fast, plain, join(root, 'dist/cli/cancu.bundle.cjs'), join(root, 'dist/cli/cancu.bundle.cache')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` (npm test does it)`);
  }
  writeFileSync(join(tmp, 'bad.json'), '{"rules": {"citation-missing-sooo": "off"}}');
  writeFileSync(join(tmp, 'good.json'), '{"preset": "strict", "rules": {"symbol-missing-hyphen": "warning"}}');
});

const seed3 = 'fixtures/plans/003_06262491b62869cd.txt';

/** Each case, with a word of what the right answer holds, so that two equal wrong answers fail too. */
const CASES: { args: () => string[]; code: number; holds: string }[] = [
  { args: () => ['--help'], code: 0, holds: 'Cách dùng:' },
  { args: () => ['check', '--help'], code: 0, holds: '--max-warnings' },
  { args: () => ['--version'], code: 0, holds: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version },
  { args: () => ['check', seed3], code: 1, holds: 'nên viết: 693/QĐ-SGDĐT' },
  { args: () => ['check', seed3, '--format', 'json', '--lang', 'en'], code: 1, holds: '"ruleId": "symbol-missing-hyphen"' },
  { args: () => ['check', 'fixtures/plans', '--format', 'sarif'], code: 1, holds: '"version": "2.1.0"' },
  { args: () => ['check', 'fixtures/plans/00[12]_*.txt'], code: 1, holds: '001_0c8db8813ae77d4b.txt' },
  { args: () => ['check', seed3, '--date', '2024-02-30'], code: 2, holds: 'không phải một ngày có thật' },
  { args: () => ['check', seed3, '--date', '2024-08-01', '--format', 'json'], code: 1, holds: '"results"' },
  { args: () => ['check', seed3, '--config', join(tmp, 'bad.json')], code: 2, holds: 'citation-missing-so' },
  { args: () => ['check', seed3, '--config', join(tmp, 'good.json'), '--format', 'json'], code: 1, holds: '"severity": "warning"' },
  { args: () => ['extract', 'fixtures/documents/plan.md'], code: 0, holds: 'fixtures/documents/plan.md' },
  { args: () => ['extract', 'fixtures/documents/seed-plan.pdf', '--format', 'json'], code: 0, holds: '"citations"' },
  { args: () => ['check', 'fixtures/documents/scanned-page.pdf'], code: 2, holds: 'không có lớp chữ' },
  { args: () => ['extract', 'fixtures/documents/plan.docx'], code: 0, holds: 'fixtures/documents/plan.docx' },
  { args: () => ['chek', seed3], code: 2, holds: 'có phải check?' },
  { args: () => ['check', 'khong-co-tep.txt'], code: 2, holds: 'Không tìm thấy tệp nào khớp với "khong-co-tep.txt"' },
];

describe('the bundled command', () => {
  it.each(CASES.map((c) => [c.args().join(' '), c] as const))('answers `cancu %s` as the unbundled one', (_name, c) => {
    const bundled = run(fast, c.args());
    const unbundled = run(plain, c.args());
    expect(bundled.code, bundled.stderr).toBe(c.code);
    expect(bundled.stdout + bundled.stderr).toContain(c.holds);
    expect(bundled).toEqual(unbundled);
  });

  it('takes its code cache (NODE_DEBUG=cancu says so)', () => {
    const r = run(fast, ['--version'], { NODE_DEBUG: 'cancu' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/CANCU \d+: bundle .*cancu\.bundle\.cjs; code cache used/);
  });

  it('starts the ingest workers from the bundle (one CPU profile per thread)', async () => {
    // 40 generated plans: the pool starts from 32 files.
    await writeCorpus({ count: 40, seed: 3, out: join(tmp, 'corpus') });
    const profiles = join(tmp, 'profiles');
    const r = run(fast, ['ingest', join(tmp, 'corpus/p000'), '--jobs', '2', '--format', 'json'], { CANCU_DATA_DIR: join(tmp, 'store') }, ['--cpu-prof', '--cpu-prof-dir', profiles]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).documents).toBe(40);
    expect(readdirSync(profiles).filter((f) => f.endsWith('.cpuprofile'))).toHaveLength(3);
  });
});

/** `cancu serve --port 0` on an empty embedded store; its URL once it listens, and a way to stop it. */
async function serve(bin: string, data: string) {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, NEO4J_URI: '', CANCU_DATA_DIR: data, HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`cancu serve exited with ${code}: ${out}`)));
  });
  return { url, stop: () => new Promise((resolve) => (child.once('exit', resolve), child.kill('SIGTERM'))) };
}

describe('the bundled server', () => {
  it('serves the OpenAPI document and POST /check as the unbundled one (zod and zod-to-openapi come with the bundle)', async () => {
    const answers = [];
    for (const bin of [fast, plain]) {
      const server = await serve(bin, join(tmp, `serve-${answers.length}`));
      try {
        const openapi = await (await fetch(`${server.url}/openapi.json`)).json();
        const body = { text: 'Căn cứ Nghị định số 04/2015/NQ-CP ngày 14/01/2015 của Chính phủ;', filename: 'a.txt' };
        const res = await fetch(`${server.url}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
        const bad = await fetch(`${server.url}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 5 }) });
        answers.push({ openapi, status: res.status, check: await res.json(), badStatus: bad.status, bad: await bad.json() });
      } finally {
        await server.stop();
      }
    }
    const [bundled, unbundled] = answers;
    expect(bundled.status).toBe(200);
    expect(JSON.stringify(bundled.check)).toContain('type-word-code-mismatch');
    expect(bundled.badStatus).toBe(400);
    expect(Object.keys(bundled.openapi.paths)).toContain('/check');
    expect(bundled).toEqual(unbundled);
  }, 60_000);
});

describe('a copy of the package', () => {
  /** dist/src and dist/cli copied, the rest linked: what an installed package holds. */
  function copyPackage(name: string): string {
    const pkg = join(tmp, name);
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    cpSync(join(root, 'dist/src'), join(pkg, 'dist/src'), { recursive: true });
    cpSync(join(root, 'dist/cli'), join(pkg, 'dist/cli'), { recursive: true });
    copyFileSync(join(root, 'package.json'), join(pkg, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(pkg, 'node_modules'));
    symlinkSync(join(root, 'fixtures'), join(pkg, 'fixtures'));
    return pkg;
  }
  const expected = () => run(plain, ['check', seed3, '--format', 'json']);

  it('runs without the code cache when V8 refuses it', () => {
    const pkg = copyPackage('damaged');
    const cache = join(pkg, 'dist/cli/cancu.bundle.cache');
    const data = readFileSync(cache);
    const header = data.subarray(0, data.indexOf(10) + 1);
    writeFileSync(cache, Buffer.concat([header, Buffer.alloc(data.length - header.length, 0x5a)]));
    const r = run(join(pkg, 'dist/src/cli/cancu.cjs'), ['check', seed3, '--format', 'json'], { NODE_DEBUG: 'cancu' });
    expect(r.stderr).toContain('code cache rejected by V8');
    expect(r.stdout).toBe(expected().stdout);
    expect(r.code).toBe(1);
  });

  it('ignores a code cache made from another build of the bundle', () => {
    const pkg = copyPackage('rebuilt');
    const bundle = join(pkg, 'dist/cli/cancu.bundle.cjs');
    // Same length, another build id: a cache is only taken with the id it was made for.
    const text = readFileSync(bundle, 'utf8').replace(/cancu-build=([0-9a-f])/, (_m, d: string) => `cancu-build=${d === '0' ? '1' : '0'}`);
    writeFileSync(bundle, text);
    const r = run(join(pkg, 'dist/src/cli/cancu.cjs'), ['check', seed3, '--format', 'json'], { NODE_DEBUG: 'cancu' });
    expect(r.stderr).toContain('code cache none for this build');
    expect(r.stdout).toBe(expected().stdout);
  });

  it('falls back to the unbundled bin.js when there is no bundle', () => {
    const pkg = copyPackage('tsc-only');
    rmSync(join(pkg, 'dist/cli'), { recursive: true });
    const r = run(join(pkg, 'dist/src/cli/cancu.cjs'), ['check', seed3, '--format', 'json'], { NODE_DEBUG: 'cancu' });
    expect(r.stderr).toContain('no bundle at');
    expect(r.stdout).toBe(expected().stdout);
    expect(r.code).toBe(1);
  });

  it('with node --enable-source-maps, requires the bundle and answers the same', () => {
    const r = run(fast, ['check', seed3, '--format', 'json'], { NODE_DEBUG: 'cancu' }, ['--enable-source-maps']);
    expect(r.stderr).toContain('required (source maps on)');
    expect(r.stdout).toBe(expected().stdout);
  });
});
