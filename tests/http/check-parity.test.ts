// POST /check and `cancu check --format json` are one checking path (src/service/check.ts): on the
// same text they print the same report. Here the real bin (a child process) and a real HTTP
// request to `cancu demo` (what `npm start` runs) are compared on the request `npm start` prints,
// and on the seed plans, with the embedded store the server uses given to the CLI too.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, type ServeHandle } from '../../src/cli/commands/serve.js';
import { call, jsonPost, PLANS_DIR, ROOT, SEED_003, SEED_004 } from './helpers.js';

const bin = path.join(ROOT, 'dist/src/cli/cancu.cjs');

function cli(args: string[], cwd: string, env: Record<string, string>) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NEO4J_URI: '', CANCU_DATA_DIR: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dataDir: string;
let work: string;
let server: ServeHandle;
let printed = '';

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error('dist/src/cli/cancu.cjs is missing: run `npm run build` (npm test does it)');
  dataDir = mkdtempSync(path.join(tmpdir(), 'cancu-parity-data-'));
  work = mkdtempSync(path.join(tmpdir(), 'cancu-parity-'));
  const out = { write: (chunk: string) => (printed += chunk) };
  server = await demo({ port: 0, stdout: out, stderr: { write: () => true }, env: { CANCU_DATA_DIR: dataDir } });
});

afterAll(async () => {
  await server?.close();
  for (const dir of [dataDir, work]) if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The text of the POST /check example `npm start` prints. */
function printedExample(): string {
  const post = /curl -X POST '[^']+' -H 'Content-Type: application\/json' -d '((?:[^']|'\\'')+)'/.exec(printed);
  expect(post, printed).toBeTruthy();
  return JSON.parse(post![1]!.replace(/'\\''/g, "'")).text;
}

async function api(body: Record<string, unknown>) {
  const reply = await call(`${server.url}/check`, jsonPost(body));
  expect(reply.status, reply.text).toBe(200);
  return reply.body.data;
}

describe('POST /check and cancu check answer the same', () => {
  it('on the request npm start prints: Nghị định 30/2020/NĐ-CP is in the registry for both', async () => {
    const text = printedExample();
    expect(text).toContain('30/2020/NĐ-CP');
    writeFileSync(path.join(work, 'draft.txt'), text);
    const fromApi = await api({ text });
    // With the server's store and without any store: the registry decides, the same answer.
    for (const env of [{ CANCU_DATA_DIR: dataDir }, {}]) {
      const r = cli(['check', 'draft.txt', '--format', 'json'], work, env);
      expect(r.code, r.stderr).toBe(0);
      expect(fromApi).toEqual(JSON.parse(r.stdout));
    }
    const unverified = fromApi.results[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'unverified-citation');
    expect(unverified).toEqual([]);
  });

  it('on the seed plans, with a date and in English', async () => {
    for (const seed of [SEED_003, SEED_004]) {
      copyFileSync(path.join(PLANS_DIR, seed), path.join(work, seed));
      const text = readFileSync(path.join(PLANS_DIR, seed), 'utf8');
      for (const [args, body] of [
        [[], {}],
        [['--date', '2026-01-01', '--lang', 'en'], { date: '2026-01-01', lang: 'en' }],
      ] as const) {
        const r = cli(['check', seed, '--format', 'json', ...args], work, { CANCU_DATA_DIR: dataDir });
        expect(r.code, r.stderr).toBe(1);
        const fromCli = JSON.parse(r.stdout);
        expect(fromCli.results[0].messages.length).toBeGreaterThan(5);
        expect(await api({ text, filename: seed, ...body })).toEqual(fromCli);
      }
    }
  });
});

describe('a plan by its file name', () => {
  it('GET /instruments/:ref/basis takes the ingested file name, as cancu query does', async () => {
    for (const name of ['fixtures/plans/003_06262491b62869cd.txt', '003_06262491b62869cd.txt']) {
      const reply = await call(`${server.url}/instruments/${encodeURIComponent(name)}/basis?depth=5`);
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.data.key).toBe('doc:fixtures-plans-003-06262491b62869cd-txt');
      expect(reply.body.data.items.length).toBeGreaterThan(10);
      const r = cli(['query', 'basis', name, '--depth', '5', '--format', 'json'], ROOT, { CANCU_DATA_DIR: dataDir });
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).results.map((hit: { key: string }) => hit.key)).toEqual(reply.body.data.items.map((hit: { key: string }) => hit.key));
    }
    expect((await call(`${server.url}/instruments/${encodeURIComponent('khong-co.txt')}/basis`)).status).toBe(404);
  });
});
