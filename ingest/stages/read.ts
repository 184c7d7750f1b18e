// Stage 1 — read: turn the paths a user gives (files, folders searched recursively for .md .txt
// .docx, glob patterns) into a sorted list of files, and read each file's bytes and sha256.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DEFAULT_MAX_BYTES, DOCUMENT_EXTENSIONS } from '../../src/documents/index.js';

/** What src/documents reads (one list: a format added there is ingested too). */
export const INGEST_EXTENSIONS: readonly string[] = DOCUMENT_EXTENSIONS.map((extension) => extension.slice(1));
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/.cancu/**', '**/.neo4j/**'];

export interface InputFile {
  /** Absolute path. */
  path: string;
  /** As recorded in the graph: relative to the ingest root, "/" separators. */
  file: string;
}

export interface Failure {
  file: string;
  reason: string;
}

export function recordedName(path: string, root: string): string {
  const rel = relative(root, path);
  const name = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
  return name.split(sep).join('/');
}

/** Files named by `inputs`, deduplicated and sorted by recorded name (the order they are written in). */
export async function expandInputs(inputs: string[], opts: { cwd: string; root: string }): Promise<{ files: InputFile[]; failures: Failure[] }> {
  const found = new Map<string, InputFile>();
  const failures: Failure[] = [];
  const add = (path: string) => {
    if (!found.has(path)) found.set(path, { path, file: recordedName(path, opts.root) });
  };
  const pattern = `**/*.{${INGEST_EXTENSIONS.join(',')}}`;
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { cwd: opts.cwd, absolute: true, onlyFiles: true, ignore: IGNORED, caseSensitiveMatch: false });
      if (matches.length === 0) failures.push({ file: input, reason: `Không có tệp nào khớp mẫu "${input}" (no file matches the pattern).` });
      for (const match of matches) add(resolve(match));
      continue;
    }
    const path = resolve(opts.cwd, input);
    let info;
    try {
      info = await stat(path);
    } catch {
      failures.push({ file: input, reason: `Không tìm thấy tệp hoặc thư mục "${input}" (file or folder not found).` });
      continue;
    }
    if (info.isDirectory()) {
      const matches = await glob(pattern, { cwd: path, absolute: true, onlyFiles: true, ignore: IGNORED, caseSensitiveMatch: false });
      for (const match of matches) add(resolve(match));
    } else {
      add(path);
    }
  }
  const files = [...found.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, failures };
}

export interface ReadFile extends InputFile {
  bytes: Buffer;
  /** sha256 of the bytes, hex. */
  contentHash: string;
}

/** The file's bytes and hash; too large or unreadable files throw with a message naming the file. */
export async function readInput(input: InputFile, maxBytes = DEFAULT_MAX_BYTES): Promise<ReadFile> {
  const info = await stat(input.path);
  if (info.size > maxBytes) {
    throw new Error(`Tệp ${input.file} quá lớn (${info.size} byte, tối đa ${maxBytes}) (file too large).`);
  }
  const bytes = await readFile(input.path);
  return { ...input, bytes, contentHash: createHash('sha256').update(bytes).digest('hex') };
}
