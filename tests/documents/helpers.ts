import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { DocumentError } from '../../src/documents/index.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/documents');
export const fixture = (name: string): string => join(FIXTURES, name);

/** A temp dir removed after the test file. */
export function tempDir(): { path(name: string): string; write(name: string, data: string | Uint8Array): string } {
  const dir = mkdtempSync(join(tmpdir(), 'cancu-documents-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    write: (name, data) => {
      const p = join(dir, name);
      writeFileSync(p, data);
      return p;
    },
  };
}

/** The DocumentError thrown by fn (sync or async); fails the test if none is thrown. */
export async function documentError(fn: () => unknown): Promise<DocumentError> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof DocumentError) return err;
    throw new Error(`expected a DocumentError, got ${String(err)}`);
  }
  throw new Error('expected a DocumentError, nothing was thrown');
}

/**
 * The oracle for locate: 1-based line/column of source offsets, computed independently of
 * src/model/lines.ts (a regex split into lines). Lines end at \r\n, \r or \n.
 */
export function naiveLocator(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (const m of source.matchAll(/\r\n|\r|\n/g)) starts.push((m.index ?? 0) + m[0].length);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { line: line + 1, column: offset - starts[line] + 1 };
  };
}

export function naivePosition(source: string, offset: number): { line: number; column: number } {
  return naiveLocator(source)(offset);
}
