// `npm start` and `npm test` begin with `npm run build`: it compiles only when a source changed
// (tsc --build keeps dist/tsconfig.tsbuildinfo), so a second build right after the first writes
// nothing. The real npm script, run twice.
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const built = join(root, 'dist/src/cli/bin.js');

function build() {
  const r = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, encoding: 'utf8' });
  expect(r.status, r.stdout + r.stderr).toBe(0);
}

describe('npm run build', () => {
  it('is incremental and the README commands go through it', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<string, string>;
    expect(scripts.build).toMatch(/^tsc (-b|--build)\b/);
    expect(scripts.start).toMatch(/^npm run build && /);
    expect(scripts.test).toMatch(/^npm run build && /);
    build(); // brings dist/ up to date if a source changed since the last build
    const before = statSync(built).mtimeMs;
    build();
    expect(statSync(built).mtimeMs).toBe(before);
  }, 180_000);
});
