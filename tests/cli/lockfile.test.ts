// A fresh clone stays clean after `npm install`, and `npm ci` (.ci/run) takes the lock as it is:
// npm 11 records every optional dependency of every locked package (each platform's native build
// of rollup, esbuild …) and refuses or rewrites a lock that lacks one. Every package with an
// install script has an explicit decision in package.json's "allowScripts" (npm 11 warns about
// the others and leaves them unrun).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, { version?: string; optionalDependencies?: Record<string, string>; hasInstallScript?: boolean }>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };

/** Where npm looks for `name` required from the package at `from` (node_modules/a/node_modules/b …). */
function resolved(from: string, name: string): string | null {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return null;
    const at = dir.lastIndexOf('/node_modules/');
    dir = at < 0 ? '' : dir.slice(0, at);
  }
}

describe('package-lock.json', () => {
  it('is a version 3 lock with every optional dependency of every package recorded', () => {
    expect(lock.lockfileVersion).toBe(3);
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) if (!resolved(path, name)) missing.push(`${path || '(root)'} → ${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('every package with an install script is approved or denied in package.json', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
    const undecided = withScripts.filter((name) => !Object.keys(pkg.allowScripts ?? {}).some((key) => key === name || key.startsWith(`${name}@`)));
    expect(undecided).toEqual([]);
  });
});
