// .docx → SourceText via mammoth. mammoth reads the document into its element tree (we capture it
// with the public `transformDocument` hook of convertToHtml) and we walk it ourselves, because
// extractRawText drops manual line breaks (<w:br/>) and would glue the words on either side.
//
// `source` = the paragraphs' raw text joined by "\n": one line per paragraph (table cells and
// text boxes included, in document order; empty paragraphs kept as empty lines). A manual line
// break or page/column break inside a paragraph is written "\n" too, so it starts a new line:
// line = paragraph number exactly when the document has no such breaks. Tabs are "\t".
// Footnotes, endnotes, comments, deleted text and images are not included. `text` === `source`.

import mammoth from 'mammoth';
import { sniffBinaryFormat, isZip } from './decode.js';
import { unreadableError } from './errors.js';
import { identitySourceText } from './text.js';
import type { SourceText } from './types.js';

/** The parts of a mammoth document element this adapter reads. */
interface DocxElement {
  type: string;
  value?: string;
  children?: DocxElement[];
}

/** Paragraph texts of a mammoth document tree, in document order. */
export function paragraphsOf(document: DocxElement): string[] {
  const lines: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    lines.push(cur.join(''));
    cur = [];
  };
  const visit = (el: DocxElement): void => {
    switch (el.type) {
      case 'paragraph':
        // A paragraph nested in a paragraph (text box): end the outer line, continue on a new one.
        if (cur.length > 0) flush();
        for (const child of el.children ?? []) visit(child);
        flush();
        return;
      case 'text':
        cur.push(el.value ?? '');
        return;
      case 'tab':
        cur.push('\t');
        return;
      case 'break':
        cur.push('\n');
        return;
      default:
        for (const child of el.children ?? []) visit(child);
    }
  };
  for (const child of document.children ?? []) visit(child);
  if (cur.length > 0) flush();
  return lines;
}

/** Read a .docx file's bytes. Throws DocumentError 'unreadable' for anything mammoth cannot open. */
export async function docxFromBuffer(buffer: Uint8Array, file: string): Promise<SourceText> {
  if (buffer.length === 0) return identitySourceText('', file, 'docx');
  if (!isZip(buffer)) {
    const kind = sniffBinaryFormat(buffer);
    const legacy = kind?.startsWith('OLE2');
    throw unreadableError(file, {
      vi: legacy
        ? 'đây là tệp Word 97-2003 (.doc), không phải .docx; hãy mở bằng Word và lưu lại dưới dạng .docx.'
        : `tệp không phải .docx hợp lệ (không phải tệp nén ZIP${kind ? `; có vẻ là ${kind}` : ''}).`,
      en: legacy
        ? 'this is a Word 97-2003 (.doc) file, not .docx; open it in Word and save it as .docx.'
        : `not a valid .docx file (not a ZIP archive${kind ? `; looks like ${kind}` : ''}).`,
    });
  }
  let tree: DocxElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) },
      {
        transformDocument: (doc: DocxElement) => {
          tree = doc;
          return doc;
        },
      },
    );
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw unreadableError(
      file,
      {
        vi: `tệp .docx bị hỏng hoặc không hợp lệ (${detail}).`,
        en: `the .docx file is corrupt or invalid (${detail}).`,
      },
      err,
    );
  }
  if (!tree) {
    throw unreadableError(file, { vi: 'không đọc được nội dung tệp .docx.', en: 'could not read the .docx content.' });
  }
  return identitySourceText(paragraphsOf(tree).join('\n'), file, 'docx');
}
