import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8, readDocument } from '../../src/documents/index.js';
import { documentError, fixture, tempDir } from './helpers.js';

const SAMPLE = 'Căn cứ Nghị định số 15/2023/NĐ-CP ngày 01/02/2023;\nKế hoạch số 61/KH-SGDĐT 😀\n';
const tmp = tempDir();

describe('decodeText: encodings', () => {
  it('strips a UTF-8 BOM; offsets are relative to the text after it', async () => {
    const bytes = readFileSync(fixture('utf8-bom.txt'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const st = await readDocument(fixture('utf8-bom.txt'));
    expect(st.text).toBe(SAMPLE);
    expect(st.text.charCodeAt(0)).not.toBe(0xfeff);
    expect(st.encoding).toBe('utf-8-bom');
    expect(st.locate(0)).toEqual({ line: 1, column: 1, sourceOffset: 0 });
    const k = st.text.indexOf('Kế hoạch');
    expect(st.locate(k)).toEqual({ line: 2, column: 1, sourceOffset: k });
  });

  it('keeps a second U+FEFF inside the text (only the leading BOM is a BOM)', () => {
    const bytes = Buffer.from('\uFEFF\uFEFFabc', 'utf8');
    expect(decodeText(bytes, 'x.txt')).toEqual({ text: '\uFEFFabc', encoding: 'utf-8-bom', bomLength: 3 });
  });

  it('decodes UTF-16LE with BOM', async () => {
    const st = await readDocument(fixture('utf16le-bom.txt'));
    expect(st.text).toBe(SAMPLE);
    expect(st.encoding).toBe('utf-16le');
  });

  it('decodes UTF-16BE with BOM', async () => {
    const st = await readDocument(fixture('utf16be-bom.txt'));
    expect(st.text).toBe(SAMPLE);
    expect(st.encoding).toBe('utf-16be');
  });

  it('does not normalise: NFD text comes out NFD', async () => {
    const st = await readDocument(fixture('nfd.txt'));
    const nfd = 'Căn cứ Quyết định số 12/QĐ-UBND\n'.normalize('NFD');
    expect(st.text).toBe(nfd);
    expect(st.text).not.toBe(st.text.normalize('NFC'));
  });

  it('keeps CRLF as is', () => {
    expect(decodeText(Buffer.from('a\r\nb'), 'x.txt').text).toBe('a\r\nb');
  });

  it('gives empty text for an empty file (not an error)', async () => {
    const p = tmp.write('empty.txt', '');
    const st = await readDocument(p);
    expect(st.text).toBe('');
    expect(st.source).toBe('');
    expect(st.locate(0)).toEqual({ line: 1, column: 1, sourceOffset: 0 });
    expect((await readDocument(tmp.write('empty.md', ''))).text).toBe('');
    expect((await readDocument(tmp.write('empty.docx', ''))).text).toBe('');
    expect((await readDocument(tmp.write('bom-only.txt', Buffer.from([0xef, 0xbb, 0xbf])))).text).toBe('');
  });

  it('refuses UTF-32 with a clear error', async () => {
    const err = await documentError(() => decodeText(Buffer.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]), 'u32.txt'));
    expect(err.code).toBe('unsupported-encoding');
    expect(err.message).toContain('UTF-32LE');
  });
});

describe('decodeText: invalid UTF-8', () => {
  it('names the file and the exact byte offset (and line) of the first bad byte', async () => {
    const file = fixture('invalid-utf8.txt');
    const bytes = readFileSync(file);
    expect(bytes[19]).toBe(0xf2); // fixture: "Dòng một\nKế ho" is 19 bytes, then 0xF2
    const err = await documentError(() => readDocument(file));
    expect(err.code).toBe('invalid-utf8');
    expect(err.file).toBe(file);
    expect(err.byteOffset).toBe(19);
    expect(err.line).toBe(2);
    expect(err.message).toContain(`Tệp "${file}" không phải UTF-8 hợp lệ: byte không hợp lệ tại vị trí 19`);
    expect(err.messageEn).toContain(`File "${file}" is not valid UTF-8: invalid byte at offset 19`);
    expect(err.message).toContain('0xF2');
  });

  it('counts the BOM in the byte offset (absolute file offset)', async () => {
    const err = await documentError(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x62, 0xc3]), 'b.txt'));
    expect(err.byteOffset).toBe(5);
  });

  it('reports a bad byte far into a large file', async () => {
    const bytes = Buffer.alloc(3_000_000, 0x61);
    bytes[2_999_990] = 0xff;
    const err = await documentError(() => decodeText(bytes, 'big.txt'));
    expect(err.byteOffset).toBe(2_999_990);
    expect(err.line).toBe(1);
  });

  it('firstInvalidUtf8 follows Unicode Table 3-7', () => {
    const cases: Array<[number[], number]> = [
      [[0x61, 0x62], -1],
      [[0xc3, 0xa0], -1], // à
      [[0xf0, 0x9f, 0x98, 0x80], -1], // 😀
      [[0xef, 0xbf, 0xbf], -1],
      [[0x61, 0x80], 1], // stray continuation
      [[0xc0, 0x80], 0], // overlong NUL
      [[0xc1, 0xbf], 0], // overlong
      [[0xe0, 0x80, 0x80], 0], // overlong 3-byte
      [[0xed, 0xa0, 0x80], 0], // surrogate
      [[0xf4, 0x90, 0x80, 0x80], 0], // > U+10FFFF
      [[0xf5, 0x80, 0x80, 0x80], 0],
      [[0x61, 0x62, 0xe1, 0x80], 2], // truncated at end
      [[0x61, 0xe1, 0x80, 0x41], 1], // truncated before ASCII
      [[0xc3, 0xa0, 0xe0, 0x20], 2], // Windows-1258 "à" then space
    ];
    for (const [bytes, expected] of cases) expect([bytes, firstInvalidUtf8(new Uint8Array(bytes))]).toEqual([bytes, expected]);
  });

  it('firstInvalidUtf8 agrees with the native fatal decoder on random input', () => {
    let seed = 12345;
    const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >>> 0) / 0x7fffffff;
    const pool = [0x41, 0x80, 0xbf, 0xc2, 0xc3, 0xdf, 0xe0, 0xe1, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xa0, 0x9f, 0x90, 0x8f];
    const fatal = new TextDecoder('utf-8', { fatal: true });
    for (let n = 0; n < 3000; n++) {
      const bytes = new Uint8Array(1 + Math.floor(rand() * 8)).map(() => pool[Math.floor(rand() * pool.length)]);
      const bad = firstInvalidUtf8(bytes);
      let valid = true;
      try {
        fatal.decode(bytes);
      } catch {
        valid = false;
      }
      expect(bad === -1).toBe(valid);
      if (bad >= 0) {
        expect(() => fatal.decode(bytes.subarray(0, bad))).not.toThrow(); // everything before is valid
        expect(() => fatal.decode(bytes.subarray(0, bad + 4))).toThrow(); // and the error starts there
      }
    }
  });

  it('invalid UTF-16 (odd length) is reported with a byte offset', async () => {
    const err = await documentError(() => decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]), 'odd.txt'));
    expect(err.code).toBe('invalid-utf16');
    expect(err.byteOffset).toBe(4);
    expect(err.message).toContain('odd.txt');
  });

  it('invalid UTF-16 (lone surrogate) is reported at the surrogate', async () => {
    const err = await documentError(() => decodeText(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xdc, 0x42, 0x00]), 's.txt'));
    expect(err.byteOffset).toBe(4);
  });
});

describe('decodeText: binary files', () => {
  const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d];

  it('refuses a PNG header', async () => {
    const p = tmp.write('image.txt', Buffer.from(PNG));
    const err = await documentError(() => readDocument(p));
    expect(err.code).toBe('binary');
    expect(err.message).toBe(`Tệp "${p}" là tệp nhị phân (PNG), không phải văn bản.`);
    expect(err.messageEn).toBe(`File "${p}" is a binary file (PNG), not text.`);
  });

  it.each([
    ['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1')],
    ['ZIP', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])],
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0])],
    ['GIF', Buffer.from('GIF89a....')],
    ['ELF', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02])],
    ['OLE2', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ])('refuses %s by its magic number', async (kind, bytes) => {
    const err = await documentError(() => decodeText(bytes, 'x.md'));
    expect(err.code).toBe('binary');
    expect(err.message).toContain(kind);
  });

  it('refuses a NUL byte in the first 8 KB and reports where', async () => {
    const bytes = Buffer.from('Căn cứ\u0000 Luật', 'utf8');
    const p = tmp.write('nul.txt', bytes);
    const err = await documentError(() => readDocument(p));
    expect(err.code).toBe('binary');
    expect(err.byteOffset).toBe(Buffer.byteLength('Căn cứ'));
    expect(err.message).toContain('là tệp nhị phân');
    expect(err.message).toContain(p);
  });

  it('only looks for NUL in the first 8 KB (a later NUL is kept as text)', () => {
    const bytes = Buffer.concat([Buffer.alloc(9000, 0x61), Buffer.from([0])]);
    expect(decodeText(bytes, 'late-nul.txt').text.endsWith('\u0000')).toBe(true);
  });

  it('text that merely starts like "PK" or "MZ" is text', () => {
    expect(decodeText(Buffer.from('PK 123/KH'), 'x.txt').text).toBe('PK 123/KH');
    expect(decodeText(Buffer.from('MZ'), 'x.txt').text).toBe('MZ');
  });
});

describe('decodeText: size', () => {
  it('decodes a 50 MB file', async () => {
    const line = 'Căn cứ Nghị định số 15/2023/NĐ-CP ngày 01/02/2023 của Chính phủ về việc ban hành 😀\n';
    const lineBytes = Buffer.byteLength(line);
    const count = Math.ceil((50 * 1024 * 1024) / lineBytes);
    const big = Buffer.from(line.repeat(count), 'utf8');
    expect(big.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const p = tmp.write('big.txt', big);
    const st = await readDocument(p);
    expect(st.text.length).toBe(line.length * count);
    const lastLine = st.text.lastIndexOf('Căn cứ');
    expect(st.locate(lastLine)).toEqual({ line: count, column: 1, sourceOffset: lastLine });
    expect(st.locate(lastLine + 7)).toEqual({ line: count, column: 8, sourceOffset: lastLine + 7 });
  });
});
