// Expands the paths a user gives — files, folders (recursively) and globs — into files to read:
// the one expander, used by `cancu check`, `cancu extract` and ingest alike (same ignore rules:
// hidden entries and node_modules; same order: names sorted in each folder).
// The formats read are those src/documents reads (its format registry, formats.ts); a file of
// another format inside a folder or matched by a glob is skipped and reported with its reason, and
// a folder with nothing to read is named, so no input disappears without a word.
import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { DOCUMENT_EXTENSIONS, isDocumentName } from '../documents/formats.js';
import type { Lang } from '../model/schemas.js';

export { DOCUMENT_EXTENSIONS };

const isDocument = isDocumentName;

export interface Skipped {
  file: string;
  /** Found in a folder given, or matched by a glob. */
  via: 'folder' | 'glob';
  /** The extension as written ('' when the name has none). */
  extension: string;
}

export interface Expanded {
  files: string[];
  /** Inputs that matched nothing. */
  missing: string[];
  /** Files found in folders or by globs that are not read, in the order met. */
  skipped: Skipped[];
  /** Folders (as given) in which no file could be read. */
  emptyFolders: string[];
}

function walk(dir: string, out: string[], skipped: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out, skipped);
    else if (isDocument(entry.name)) out.push(p);
    else if (entry.isFile()) skipped.push(p);
  }
}

export async function expandPaths(inputs: string[], cwd: string): Promise<Expanded> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped: Skipped[] = [];
  const emptyFolders: string[] = [];
  const skip = (file: string, via: Skipped['via']) => skipped.push({ file, via, extension: extname(file) });
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
      const others: string[] = [];
      walk(abs, found, others);
      files.push(...found.map((f) => relative(cwd, f) || f));
      for (const f of others) skip(relative(cwd, f) || f, 'folder');
      if (!found.length) emptyFolders.push(input);
      continue;
    }
    if (st?.isFile()) {
      files.push(input);
      continue;
    }
    if (/[*?[\]{}]/.test(input)) {
      // Loaded only for globs: plain paths should not pay for the matcher at start-up.
      const { glob } = await import('tinyglobby');
      const matched = (await glob(input, { cwd, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] })).sort();
      const docs = matched.filter(isDocument);
      for (const f of matched) if (!isDocument(f)) skip(f, 'glob');
      if (docs.length) files.push(...docs);
      else if (!matched.length) missing.push(input);
      continue;
    }
    missing.push(input);
  }
  return { files: [...new Set(files)], missing, skipped, emptyFolders };
}

/** Most skipped files named one by one; the rest are counted. */
export const SKIPPED_SHOWN = 10;

/** The lines that tell what was skipped and why, and which folders had nothing to read. */
export function describeSkipped(ex: Expanded, lang: Lang, shown = SKIPPED_SHOWN): string[] {
  const readable = DOCUMENT_EXTENSIONS.join(', ');
  const lines: string[] = [];
  for (const s of ex.skipped.slice(0, shown)) {
    const what = s.extension
      ? lang === 'en'
        ? `format ${s.extension} is not supported`
        : `định dạng ${s.extension} không được hỗ trợ`
      : lang === 'en'
        ? 'no extension'
        : 'tên tệp không có phần mở rộng';
    lines.push(lang === 'en' ? `skipped: ${s.file} (${what}; read: ${readable})` : `bỏ qua: ${s.file} (${what}; đọc được: ${readable})`);
  }
  const more = ex.skipped.length - shown;
  if (more > 0) lines.push(lang === 'en' ? `skipped: ${more} more file(s) in formats that are not supported` : `bỏ qua: ${more} tệp khác có định dạng không được hỗ trợ`);
  for (const folder of ex.emptyFolders) {
    lines.push(
      lang === 'en'
        ? `Folder "${folder}" has no file to read (${readable}).`
        : `Thư mục "${folder}" không có tệp nào đọc được (${readable}).`,
    );
  }
  return lines;
}
