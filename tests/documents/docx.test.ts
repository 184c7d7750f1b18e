import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docxFromBuffer, fromBuffer, readDocument } from '../../src/documents/index.js';
// @ts-expect-error -- plain .mjs fixture generator, no type declarations
import { buildDocx } from '../../fixtures/documents/make-fixtures.mjs';
import { documentError, fixture, tempDir } from './helpers.js';

const tmp = tempDir();
const EXPECTED_LINES = [
  'ỦY BAN NHÂN DÂN HUYỆN LẠC THỦY',
  'KẾ HOẠCH',
  'Căn cứ Nghị định số 15/2023/NĐ-CP ngày 01/02/2023 của Chính phủ;',
  '',
  'Căn cứ Kế hoạch số 61/KH-SGDĐT ngày 12/01/2023;',
  'Nơi nhận:', // a manual line break (<w:br/>) inside this paragraph…
  '- Như trên;', // …starts a new line
  'TT\tNội dung',
  'Ô 1',
  'Ô 2',
  'Quyết định số 12/QĐ-UBND',
];

describe('docx adapter: plan.docx fixture', async () => {
  const st = await readDocument(fixture('plan.docx'));

  it('gives one line per paragraph (runs joined, empty paragraphs kept, tables and hyperlinks included)', () => {
    expect(st.format).toBe('docx');
    expect(st.source.split('\n')).toEqual(EXPECTED_LINES);
    expect(st.text).toBe(st.source);
    expect(st.text).not.toContain('example.vn');
  });

  it('locate gives the paragraph line and the column within it', () => {
    const t = st.text.indexOf('15/2023/NĐ-CP');
    expect(st.locate(t)).toEqual({ line: 3, column: 'Căn cứ Nghị định số '.length + 1, sourceOffset: t });
    expect(st.locate(st.text.indexOf('61/KH-SGDĐT'))).toMatchObject({ line: 5, column: 20 });
    expect(st.locate(st.text.indexOf('Như trên'))).toMatchObject({ line: 7, column: 3 });
    expect(st.locate(st.text.indexOf('Ô 2'))).toMatchObject({ line: 10, column: 1 });
    expect(st.locate(st.text.indexOf('12/QĐ'))).toMatchObject({ line: 11, column: 15 });
  });
});

describe('docx adapter: built documents', () => {
  const p = (t: string) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;

  it('keeps NFD text as is (no normalisation)', async () => {
    const nfd = 'Quyết định số 12/QĐ-UBND'.normalize('NFD');
    const st = await docxFromBuffer(await buildDocx(p(nfd)), 'nfd.docx');
    expect(st.text).toBe(nfd);
    expect(st.text).not.toBe(nfd.normalize('NFC'));
  });

  it('reads text boxes and page breaks without gluing words', async () => {
    const body =
      '<w:p><w:r><w:t>Trước</w:t></w:r><w:r><w:br w:type="page"/></w:r><w:r><w:t>Sau</w:t></w:r></w:p>' +
      '<w:p><w:r><w:t xml:space="preserve">Ngoài </w:t></w:r><w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox><w:txbxContent><w:p><w:r><w:t>Trong hộp</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r><w:r><w:t>tiếp</w:t></w:r></w:p>';
    const st = await docxFromBuffer(await buildDocx(body), 'tb.docx');
    expect(st.text).toContain('Trước\nSau');
    expect(st.text).toContain('Trong hộp');
    expect(st.text).not.toContain('NgoàiTrong');
  });

  it('fromBuffer picks the docx adapter by extension (case-insensitive)', async () => {
    const st = await fromBuffer(await buildDocx(p('Căn cứ Luật số 01/2020/QH14')), 'upload.DOCX');
    expect(st).toMatchObject({ format: 'docx', text: 'Căn cứ Luật số 01/2020/QH14', file: 'upload.DOCX' });
  });
});

describe('docx adapter: unreadable files', () => {
  it('a truncated .docx → unreadable, with a clear message naming the file', async () => {
    const bytes = readFileSync(fixture('plan.docx'));
    const path = tmp.write('broken.docx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const err = await documentError(() => readDocument(path));
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain(`Không đọc được tệp "${path}": tệp .docx bị hỏng hoặc không hợp lệ`);
    expect(err.messageEn).toContain(`Cannot read file "${path}": the .docx file is corrupt or invalid`);
  });

  it('a ZIP without word/document.xml → unreadable', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'xin chào');
    const err = await documentError(async () => docxFromBuffer(await zip.generateAsync({ type: 'nodebuffer' }), 'nodoc.docx'));
    expect(err.code).toBe('unreadable');
    expect(err.file).toBe('nodoc.docx');
  });

  it('a legacy Word 97-2003 file renamed .docx → unreadable with a hint', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const err = await documentError(() => docxFromBuffer(ole, 'cu.docx'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('Word 97-2003 (.doc)');
    expect(err.messageEn).toContain('save it as .docx');
  });

  it('a text file renamed .docx → unreadable', async () => {
    const err = await documentError(() => docxFromBuffer(Buffer.from('Căn cứ Luật'), 'text.docx'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toContain('không phải .docx hợp lệ');
  });
});
