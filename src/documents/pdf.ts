// .pdf → SourceText via pdfjs-dist (Mozilla's PDF.js, its Node "legacy" build; no canvas, no
// worker thread: text extraction only). See docs/documents.md ("pdf").
//
// `source` = the text layer, line by line, in the order the PDF draws it (the order Word and
// LibreOffice write it, which is reading order for one-column documents). A line ends where
// PDF.js reports the end of a line (hasEOL) or where the baseline moves; each visual line of the
// page is one line of the text, so soft wraps stay line breaks (the citations' reflow stage
// decides which breaks are soft). A vertical gap clearly larger than the page's usual line pitch
// (a paragraph gap, an empty paragraph) is written as one empty line. Each page starts on a new
// line; a page never runs into the next one. `text` === `source`; `locate` adds the page.
//
// A PDF with pages but no text at all (a scan, a photo) is refused with a message saying so:
// cancu does not read text from images (no OCR).

import { sniffBinaryFormat } from './decode.js';
import { unreadableError } from './errors.js';
import { identitySourceText } from './text.js';
import type { SourceLocation, SourceText } from './types.js';

/** The parts of a PDF.js text item this adapter reads. */
interface TextItem {
  str: string;
  hasEOL: boolean;
  /** [a, b, c, d, e, f]: e = x, f = y of the baseline, in page units (y grows upwards). */
  transform: number[];
  width: number;
  height: number;
}

interface Line {
  text: string;
  /** Baseline y of the line's first item. */
  y: number;
  /** Font height of the line's first item. */
  size: number;
}

/** A gap between baselines larger than this many usual line pitches is a paragraph gap. */
const PARAGRAPH_GAP = 1.5;

/** One page's items → its visual lines. */
export function linesOfItems(items: readonly TextItem[]): Line[] {
  const lines: Line[] = [];
  let cur: { parts: string[]; y: number; size: number; endX: number } | null = null;
  const flush = () => {
    if (cur) lines.push({ text: cur.parts.join('').trimEnd(), y: cur.y, size: cur.size });
    cur = null;
  };
  for (const item of items) {
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = Math.abs(item.height) || Math.abs(item.transform[3] ?? 0) || 1;
    if (cur !== null && item.str !== '') {
      const c: { parts: string[]; y: number; size: number; endX: number } = cur;
      // The baseline moved by more than half a line: a new line even without hasEOL.
      if (Math.abs(y - c.y) > Math.max(c.size, size) * 0.5) flush();
    }
    if (cur === null) {
      if (item.str === '' && item.hasEOL) {
        // An empty line item: PDF.js's way of saying "the line ended here" with nothing on it.
        continue;
      }
      cur = { parts: [], y, size, endX: x };
    }
    const c: { parts: string[]; y: number; size: number; endX: number } = cur;
    if (item.str !== '') {
      const prev = c.parts.length > 0 ? c.parts[c.parts.length - 1]! : '';
      // Words drawn as separate items with a visible gap and no space between them.
      if (prev !== '' && !/\s$/.test(prev) && !/^\s/.test(item.str) && x - c.endX > size * 0.2) c.parts.push(' ');
      c.parts.push(item.str);
      c.endX = x + item.width;
    }
    if (item.hasEOL) flush();
  }
  flush();
  return lines;
}

/** Lines of one page, with an empty line where the vertical gap is a paragraph gap. */
export function pageText(lines: readonly Line[]): string[] {
  const pitches: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const d = lines[i - 1]!.y - lines[i]!.y;
    if (d > 0) pitches.push(d);
  }
  pitches.sort((a, b) => a - b);
  const usual = pitches.length > 0 ? pitches[Math.floor(pitches.length / 2)]! : 0;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && usual > 0) {
      const d = lines[i - 1]!.y - lines[i]!.y;
      if (d > usual * PARAGRAPH_GAP && out[out.length - 1] !== '') out.push('');
    }
    out.push(lines[i]!.text);
  }
  return out;
}

function isPdf(buffer: Uint8Array): boolean {
  // "%PDF-" within the first 1024 bytes (the specification allows leading junk).
  const head = buffer.subarray(0, 1024);
  for (let i = 0; i + 4 < head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Read a .pdf file's bytes. Throws DocumentError 'unreadable' for a broken, locked or text-less PDF. */
export async function pdfFromBuffer(buffer: Uint8Array, file: string): Promise<SourceText> {
  if (!isPdf(buffer)) {
    const kind = sniffBinaryFormat(buffer);
    throw unreadableError(file, {
      vi: `tệp không phải PDF hợp lệ (không có dấu hiệu "%PDF-" ở đầu tệp${kind ? `; có vẻ là ${kind}` : ''}).`,
      en: `not a valid PDF file (no "%PDF-" header${kind ? `; looks like ${kind}` : ''}).`,
    });
  }
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // PDF.js may transfer (detach) the buffer it is given: hand it a copy.
  const data = new Uint8Array(buffer);
  const task = pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false, verbosity: 0 });
  let pages: string[][];
  try {
    const doc = await task.promise;
    pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item) => ('str' in item ? [item as TextItem] : []));
      pages.push(pageText(linesOfItems(items)));
      page.cleanup();
    }
    await doc.destroy();
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string } | null)?.name;
    if (name === 'PasswordException') {
      throw unreadableError(
        file,
        {
          vi: 'tệp PDF có mật khẩu; hãy mở khoá (bỏ mật khẩu) rồi gửi lại, hoặc gửi tệp .docx.',
          en: 'the PDF is password-protected; remove the password and send it again, or send the .docx.',
        },
        err,
      );
    }
    throw unreadableError(
      file,
      {
        vi: `tệp PDF bị hỏng hoặc không đọc được (${String((err as Error)?.message ?? err)}); hãy xuất lại PDF từ Word/LibreOffice hoặc gửi tệp .docx.`,
        en: `the PDF is damaged or cannot be read (${String((err as Error)?.message ?? err)}); export it again from Word/LibreOffice or send the .docx.`,
      },
      err,
    );
  }
  if (pages.length > 0 && pages.every((lines) => lines.every((line) => line.trim() === ''))) {
    throw unreadableError(file, {
      vi: `tệp PDF không có lớp chữ (${pages.length} trang, không trang nào có chữ): có vẻ là bản quét hoặc ảnh chụp. cancu không đọc chữ trong ảnh; hãy gửi tệp gốc (.docx) hoặc bản PDF xuất từ Word/LibreOffice, hoặc nhận dạng chữ (OCR) trước rồi gửi lại.`,
      en: `the PDF has no text layer (${pages.length} page(s), none with text): it looks like a scan or a photo. cancu does not read text in images; send the original (.docx) or a PDF exported from Word/LibreOffice, or run OCR first.`,
    });
  }
  // Line number (1-based, in `text`) where each page starts.
  const pageStarts: number[] = [];
  const all: string[] = [];
  for (const lines of pages) {
    pageStarts.push(all.length + 1);
    all.push(...lines);
  }
  const st = identitySourceText(all.join('\n'), file, 'pdf');
  const base = st.locate;
  const locate = (textOffset: number): SourceLocation => {
    const at = base(textOffset);
    let lo = 0;
    let hi = pageStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (pageStarts[mid]! <= at.line) lo = mid;
      else hi = mid - 1;
    }
    return pageStarts.length > 0 ? { ...at, page: lo + 1, pageLine: at.line - pageStarts[lo]! + 1 } : at;
  };
  return { ...st, locate };
}
