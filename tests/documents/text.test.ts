import { describe, expect, it } from 'vitest';
import { fromString, textFromBytes } from '../../src/documents/index.js';
import { naivePosition } from './helpers.js';

describe('txt adapter', () => {
  it('is the identity: text === source, sourceOffset === textOffset', async () => {
    const st = await fromString('Căn cứ\nLuật số 01/2020/QH14\n', 'a.txt');
    expect(st.format).toBe('txt');
    expect(st.text).toBe(st.source);
    const i = st.text.indexOf('01/2020');
    expect(st.locate(i)).toEqual({ line: 2, column: 9, sourceOffset: i });
  });

  it('counts lines at \\n, \\r\\n and lone \\r, columns in UTF-16 units', async () => {
    const text = 'a\r\nbb\rccc\n😀x\n\nlast';
    const st = await fromString(text, 'b.txt');
    expect(st.locate(0)).toMatchObject({ line: 1, column: 1 });
    expect(st.locate(1)).toMatchObject({ line: 1, column: 2 }); // the \r
    expect(st.locate(2)).toMatchObject({ line: 1, column: 3 }); // the \n of \r\n
    expect(st.locate(3)).toMatchObject({ line: 2, column: 1 });
    expect(st.locate(text.indexOf('ccc'))).toMatchObject({ line: 3, column: 1 });
    expect(st.locate(text.indexOf('x'))).toMatchObject({ line: 4, column: 3 }); // 😀 is 2 units
    expect(st.locate(text.indexOf('last'))).toMatchObject({ line: 6, column: 1 });
    expect(st.locate(text.length)).toMatchObject({ line: 6, column: 5, sourceOffset: text.length });
    for (let i = 0; i <= text.length; i++) expect(st.locate(i)).toEqual({ ...naivePosition(text, i), sourceOffset: i });
  });

  it('throws RangeError outside [0, text.length]', async () => {
    const st = await fromString('abc', 'c.txt');
    expect(() => st.locate(-1)).toThrow(RangeError);
    expect(() => st.locate(4)).toThrow(RangeError);
    expect(() => st.locate(1.5)).toThrow(RangeError);
    expect(st.locate(3)).toEqual({ line: 1, column: 4, sourceOffset: 3 });
  });

  it('locate is a plain closure (can be passed around)', async () => {
    const { locate } = textFromBytes(Buffer.from('x\ny'), 'd.txt');
    expect(locate(2)).toEqual({ line: 2, column: 1, sourceOffset: 2 });
  });

  it('fromString keeps a leading U+FEFF (nothing stripped from strings)', async () => {
    expect((await fromString('\uFEFFabc', 'e.txt')).text).toBe('\uFEFFabc');
  });
});
