import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MAX_BYTES,
  DocumentError,
  emptyDocumentError,
  formatOf,
  fromBuffer,
  fromString,
  locateSpan,
  readDocument,
} from '../../src/documents/index.js';
import { documentError, fixture, tempDir } from './helpers.js';

const tmp = tempDir();

describe('readDocument / fromBuffer / fromString', () => {
  it('chooses the adapter by extension', async () => {
    expect((await readDocument(fixture('plan.md'))).format).toBe('md');
    expect((await readDocument(fixture('plan.docx'))).format).toBe('docx');
    expect((await readDocument(fixture('nfd.txt'))).format).toBe('txt');
    const md = tmp.write('Plan.MARKDOWN', '# Tiêu đề\n\n**Căn cứ**');
    expect(await readDocument(md)).toMatchObject({ format: 'md', text: 'Tiêu đề\n\nCăn cứ', file: md });
  });

  it('refuses an unsupported extension, listing the supported ones', async () => {
    const p = tmp.write('plan.odt', 'PK');
    const err = await documentError(() => readDocument(p));
    expect(err.code).toBe('unsupported-format');
    expect(err.message).toBe(
      `Định dạng của tệp "${p}" không được hỗ trợ (phần mở rộng ".odt"). Các định dạng được hỗ trợ: .txt, .md, .markdown, .docx, .pdf.`,
    );
    expect(err.messageEn).toContain('Supported formats: .txt, .md, .markdown, .docx, .pdf.');
    expect((await documentError(() => fromBuffer(Buffer.from('x'), 'noext'))).message).toContain('không có phần mở rộng');
    expect(() => formatOf('a.doc')).toThrow(DocumentError);
  });

  it('refuses files above maxBytes (default 200 MB)', async () => {
    expect(DEFAULT_MAX_BYTES).toBe(200 * 1024 * 1024);
    const p = tmp.write('big.txt', 'x'.repeat(2048));
    const err = await documentError(() => readDocument(p, { maxBytes: 1024 }));
    expect(err.code).toBe('too-large');
    expect(err.message).toBe(`Tệp "${p}" quá lớn (2.0 KB); giới hạn là 1.0 KB.`);
    expect((await readDocument(p, { maxBytes: 2048 })).text.length).toBe(2048);
    expect((await documentError(() => fromBuffer(Buffer.alloc(11, 0x61), 'u.txt', { maxBytes: 10 }))).code).toBe('too-large');
  });

  it('a missing file or a directory → unreadable', async () => {
    const missing = tmp.path('khong-co.txt');
    const err = await documentError(() => readDocument(missing));
    expect(err.code).toBe('unreadable');
    expect(err.message).toBe(`Không đọc được tệp "${missing}": tệp không tồn tại.`);
    expect(err.messageEn).toBe(`Cannot read file "${missing}": the file does not exist.`);
    const dir = tmp.path('folder.txt');
    mkdirSync(dir);
    expect((await documentError(() => readDocument(dir))).message).toContain('thư mục');
  });

  it('fromBuffer decodes uploads like files', async () => {
    const st = await fromBuffer(Buffer.from([0xef, 0xbb, 0xbf, 0x41]), 'upload.txt');
    expect(st).toMatchObject({ format: 'txt', text: 'A', encoding: 'utf-8-bom' });
    expect((await documentError(() => fromBuffer(Buffer.from([0x41, 0xff]), 'upload.md'))).byteOffset).toBe(1);
  });

  it('fromString: txt by default, md and docx on request', async () => {
    expect(await fromString('a **b**', 'body')).toMatchObject({ format: 'txt', text: 'a **b**' });
    expect(await fromString('a **b**', 'body', 'md')).toMatchObject({ format: 'md', text: 'a b', source: 'a **b**' });
    const d = await fromString('đoạn 1\nđoạn 2', 'body', 'docx');
    expect(d.locate(d.text.indexOf('đoạn 2'))).toEqual({ line: 2, column: 1, sourceOffset: 7 });
  });

  it('locateSpan gives an inclusive start and an exclusive end just after the last character', async () => {
    const st = await fromString('[Luật số 1](http://x) nữa', 'l.md', 'md');
    expect(st.text).toBe('Luật số 1 nữa');
    const span = locateSpan(st, 0, 'Luật số 1'.length);
    expect(span.start).toEqual({ line: 1, column: 2, sourceOffset: 1 });
    expect(span.end).toEqual({ line: 1, column: 11, sourceOffset: 10 });
    expect(locateSpan(st, 3, 0)).toEqual({ start: st.locate(3), end: st.locate(3) });
  });

  it('DocumentError is bilingual and serialisable', async () => {
    const err = emptyDocumentError('rỗng.txt');
    expect(err).toBeInstanceOf(DocumentError);
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('DocumentError');
    expect(JSON.parse(JSON.stringify(err))).toEqual({
      name: 'DocumentError',
      code: 'empty',
      file: 'rỗng.txt',
      message: 'Tệp "rỗng.txt" không có nội dung.',
      messageEn: 'File "rỗng.txt" is empty.',
    });
  });
});
