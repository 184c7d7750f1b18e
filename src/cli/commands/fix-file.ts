// `cancu check --fix` on one file: apply the mechanical fixes (src/lint/fix.ts) to the file's own
// text, write it back, check again; a few rounds, since a fix left out for overlapping another one
// is applied on the next. Only .txt and .md in UTF-8 are rewritten: a .docx or .pdf cannot be
// edited faithfully as text, so their fixes are reported (with the wording to use) and left to
// the author.
import { writeFile } from 'node:fs/promises';
import type { Finding } from '../../citations/model.js';
import type { SourceText } from '../../documents/index.js';
import { applyFixes, isMechanicalFix } from '../../lint/fix.js';
import type { Lang } from '../../model/schemas.js';

const MAX_ROUNDS = 5;

export async function fixFile(
  path: string,
  shown: string,
  src: SourceText,
  messages: Finding[],
  opts: {
    lang: Lang;
    stderr: { write(s: string): unknown };
    readDocument: (path: string) => Promise<SourceText>;
    lint: (src: SourceText) => Promise<Finding[]>;
  },
): Promise<Finding[]> {
  const en = opts.lang === 'en';
  const editable = (src.format === 'txt' || src.format === 'md') && (src.encoding === 'utf-8' || src.encoding === 'utf-8-bom');
  if (!editable) {
    const fixable = messages.filter((m) => isMechanicalFix(m, src.source)).length;
    if (fixable > 0) {
      opts.stderr.write(
        en
          ? `${shown}: ${fixable} fix(es) not applied: only UTF-8 .txt and .md files are edited in place; make them in the document (see "expected").\n`
          : `${shown}: chưa sửa ${fixable} chỗ: cancu chỉ sửa trực tiếp tệp .txt và .md (UTF-8); hãy sửa trong văn bản theo các gợi ý "nên viết".\n`,
      );
    }
    return messages;
  }
  let current = src;
  let found = messages;
  let total = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { text, applied } = applyFixes(current.source, found);
    if (applied.length === 0) break;
    total += applied.length;
    await writeFile(path, (current.encoding === 'utf-8-bom' ? '\uFEFF' : '') + text, 'utf8');
    current = await opts.readDocument(path);
    found = await opts.lint(current);
  }
  if (total > 0) opts.stderr.write(en ? `${shown}: ${total} fix(es) applied.\n` : `${shown}: đã sửa ${total} chỗ.\n`);
  return found;
}
