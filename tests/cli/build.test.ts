// `npm start` and `npm test` begin with `npm run build`: it compiles only when a source changed
// (tsc --build keeps dist/tsconfig.tsbuildinfo), so a second build right after the first writes
// nothing — nor does scripts/build-cli.mjs rewrite the command's bundle and code cache (dist/cli)
// when none of their inputs changed. The real npm script, run twice.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const built = join(root, 'dist/src/cli/bin.js');
const bundle = join(root, 'dist/cli/cancu.bundle.cjs');
const cache = join(root, 'dist/cli/cancu.bundle.cache');

function build(): string {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
  return r.stdout + r.stderr;
}

describe('npm run build', () => {
  it('makes the file the package bin names: the launcher of the bundle, with its code cache', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin.cancu).toBe('dist/src/cli/cancu.cjs');
    expect(readFileSync(join(root, pkg.bin.cancu), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
    const text = readFileSync(bundle, 'utf8');
    const id = /\/\/# cancu-build=([0-9a-f]{32})\n$/.exec(text)?.[1];
    expect(id).toBeDefined();
    // The cache names the build and the Node it was made for.
    expect(readFileSync(cache).subarray(0, 100).toString('latin1').split('\n')[0]).toBe(`${id} ${process.version}`);
  });

  it('is incremental and the README commands go through it', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.build).toMatch(/^tsc (-b|--build)\b/);
    expect(scripts.start).toMatch(/^npm run build && /);
    expect(scripts.test).toMatch(/^npm run build && /);
    build(); // brings dist/ up to date if a source changed since the last build
    const before = [built, bundle, cache].map((f) => statSync(f).mtimeMs);
    const second = build();
    expect([built, bundle, cache].map((f) => statSync(f).mtimeMs), second).toEqual(before);
  }, 180_000);
});
