// Stage 1 — read: turn the paths a user gives (files, folders searched recursively for .md .txt
// .docx, glob patterns) into a sorted list of files, and read each file's bytes and sha256.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { expandPaths } from '../../src/service/paths.js';
import { DEFAULT_MAX_BYTES, DOCUMENT_EXTENSIONS } from '../../src/documents/index.js';


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

/**
 * Files named by `inputs` (src/service/paths.ts, the expander `cancu check` uses), deduplicated
 * and sorted by recorded name (the order they are written in). An input that names nothing, and a
 * file a glob matched in a format cancu does not read, is a failure; other formats met in a folder
 * are passed over, as `cancu check` passes over them.
 */
export async function expandInputs(inputs: string[], opts: { cwd: string; root: string }): Promise<{ files: InputFile[]; failures: Failure[] }> {
  const ex = await expandPaths(inputs, opts.cwd);
  const found = new Map<string, InputFile>();
  for (const f of ex.files) {
    const path = resolve(opts.cwd, f);
    if (!found.has(path)) found.set(path, { path, file: recordedName(path, opts.root) });
  }
  const failures: Failure[] = ex.missing.map((input) => ({
    file: input,
    reason: isDynamicPattern(input)
      ? `Không có tệp nào khớp mẫu "${input}" (no file matches the pattern).`
      : `Không tìm thấy tệp hoặc thư mục "${input}" (file or folder not found).`,
  }));
  for (const s of ex.skipped) {
    if (s.via !== 'glob') continue;
    failures.push({ file: s.file, reason: `Định dạng ${s.extension || '(không có phần mở rộng)'} không được hỗ trợ; đọc được: ${DOCUMENT_EXTENSIONS.join(', ')} (format not supported).` });
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
