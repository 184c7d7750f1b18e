// Expands the paths a user gives — files, folders (recursively) and globs — into files to read.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx', '.pdf'];

export interface Expanded {
  files: string[];
  /** Inputs that matched nothing. */
  missing: string[];
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else if (DOCUMENT_EXTENSIONS.some((e) => entry.name.toLowerCase().endsWith(e))) out.push(p);
  }
}

export async function expandPaths(inputs: string[], cwd: string): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    let st: ReturnType<typeof statSync> | undefined;
    try {
      st = statSync(abs);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) {
      const found: string[] = [];
      walk(abs, found);
      files.push(...found.map((f) => relative(cwd, f) || f));
      continue;
    }
    if (st?.isFile()) {
      files.push(input);
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      // Loaded only for globs: plain paths should not pay for the matcher at start-up.
      const { glob } = await import('tinyglobby');
      const matched = (await glob(input, { cwd, onlyFiles: true, dot: false })).sort();
      const docs = matched.filter((f) => DOCUMENT_EXTENSIONS.some((e) => f.toLowerCase().endsWith(e)));
      if (docs.length) files.push(...docs);
      else missing.push(input);
      continue;
    }
    missing.push(input);
  }
  return { files: [...new Set(files)], missing };
}
