// `cancu serve` / `cancu demo`: open the store, ingest, listen, print the URL and two requests
// that work as printed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demo, serve } from '../../src/cli/commands/serve.js';
import { call, SEED_FILES } from './helpers.js';

const dirs: string[] = [];
const dataDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cancu-serve-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function output() {
  let text = '';
  return { stream: { write: (chunk: string) => (text += chunk) }, get text() { return text; } };
}

/** Runs the printed curl examples with fetch. */
async function runExamples(printed: string) {
  const get = /curl '([^']+)'/.exec(printed);
  const post = /curl -X POST '([^']+)' -H 'Content-Type: application\/json' -d '((?:[^']|'\\'')+)'/.exec(printed);
  expect(get, printed).toBeTruthy();
  expect(post, printed).toBeTruthy();
  const implementers = await call(get![1]!);
  expect(implementers.status).toBe(200);
  const body = post![2]!.replace(/'\\''/g, "'");
  const checked = await call(post![1]!, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  expect(checked.status).toBe(200);
  expect(checked.body.data.results).toHaveLength(1);
  return implementers.body.data;
}

describe('serve', () => {
  it('ingests the given paths, listens, and prints the URL and two working requests', async () => {
    const out = output();
    const err = output();
    const handle = await serve({ port: 0, host: '127.0.0.1', stdout: out.stream, stderr: err.stream, ingestPaths: SEED_FILES, env: { CANCU_DATA_DIR: dataDir() } });
    try {
      expect(handle.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out.text).toContain(`đang chạy tại ${handle.url}`);
      expect(out.text).toContain(`${handle.url}/docs`);
      expect((await call(`${handle.url}/health`)).body.data.store).toBe('memory');
      const implementers = await runExamples(out.text);
      expect(implementers.items.length).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
    await expect(fetch(`${handle.url}/health`)).rejects.toThrow();
  });

  it('fails fast on a bad configuration', async () => {
    const out = output();
    await expect(serve({ stdout: out.stream, stderr: out.stream, env: { PORT: 'abc' } })).rejects.toThrow(/PORT/);
  });
});

describe('demo (npm start)', () => {
  it('serves the seed plans from the embedded store even when NEO4J_URI is set', async () => {
    const out = output();
    const handle = await demo({ port: 0, stdout: out.stream, stderr: out.stream, env: { CANCU_DATA_DIR: dataDir(), NEO4J_URI: 'bolt://127.0.0.1:1' } });
    try {
      expect((await call(`${handle.url}/health`)).body.data.store).toBe('memory');
      await runExamples(out.text);
    } finally {
      await handle.close();
    }
  });
});
