import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromString, locateSpan, readDocument, type SourceText } from '../../src/documents/index.js';
import { fixture, naiveLocator, naivePosition } from './helpers.js';

/** Every character of text either is the source character it maps to, or an inserted "\n". */
function expectFaithful(st: SourceText): void {
  const position = naiveLocator(st.source);
  const problems: unknown[] = [];
  let prev = -1;
  for (let i = 0; i <= st.text.length; i++) {
    const { sourceOffset, line, column } = st.locate(i);
    if (sourceOffset < prev) problems.push({ i, notMonotone: [prev, sourceOffset] });
    prev = sourceOffset;
    if (i < st.text.length && st.text[i] !== '\n' && st.source[sourceOffset] !== st.text[i]) {
      problems.push({ i, text: st.text[i], source: st.source[sourceOffset] });
    }
    const want = position(sourceOffset);
    if (want.line !== line || want.column !== column) problems.push({ i, got: { line, column }, want });
    if (problems.length > 10) break;
  }
  expect(problems).toEqual([]);
}

describe('markdown adapter: plan.md fixture', async () => {
  const st = await readDocument(fixture('plan.md'));
  const source = readFileSync(fixture('plan.md'), 'utf8');

  it('keeps the source and format', async () => {
    expect(st.format).toBe('md');
    expect(st.source).toBe(source);
  });

  it('drops markdown syntax but keeps the words', async () => {
    expect(st.text).toContain('\n\nNơi nhận:\n\n');
    expect(st.text).toContain('\n\nIII. TỔ CHỨC THỰC HIỆN\n\n');
    expect(st.text).toContain('\n\nKẾ HOẠCH\n\n');
    expect(st.text).not.toMatch(/[#]/);
    expect(st.text).not.toContain('**');
    expect(st.text).not.toContain('https://example.vn'); // link URL dropped
    expect(st.text).toContain('Căn cứ Kế hoạch số 61/KH-SGDĐT ngày 12/01/2023'); // link text kept
    expect(st.text).toContain('Phối hợp triển khai Nghị quyết số 25-NQ/TW;'); // list marker and * dropped
    expect(st.text).toContain('Thực hiện Công văn số 123/UBND-VP & các văn bản'); // inline code, entity
    expect(st.text).toContain('Thực hiện *Quy chế* dân chủ'); // escaped asterisks are text
  });

  it('survives broken emphasis ("*** Mục tiêu hằng năm**", "**** Text***")', async () => {
    expect(st.text).toContain('\n\nMục tiêu hằng năm\n\n');
    expect(st.text).toContain('\n\nNâng cao vai trò lãnh đạo, chỉ đạo của cấp ủy.\n\n');
  });

  it('separates blocks by a blank line, keeps soft and hard line breaks', async () => {
    expect(st.text.startsWith('ỦY BAN NHÂN DÂN HUYỆN LẠC THỦY\nPHÒNG GIÁO DỤC VÀ ĐÀO TẠO\n\nSố: 07 /KH-PGDĐT\n\n')).toBe(true);
    expect(st.text).toContain('Huyện ủy;\nCăn cứ Kế hoạch');
    expect(st.text.endsWith('\n\nTRƯỞNG PHÒNG\nTạ Tấn Tuấn')).toBe(true);
  });

  it('locates words at their line/column in the .md source', async () => {
    const cases: Array<[string, number, number]> = [
      ['TỔ CHỨC THỰC HIỆN', 22, 12],
      ['Nơi nhận', 26, 3],
      ['61/KH-SGDĐT', 11, 21],
      ['Mục tiêu hằng năm', 18, 5],
      ['Nghị quyết số 25-NQ/TW', 15, 24],
      ['Như trên', 27, 3],
      ['Tạ Tấn Tuấn', 31, 3],
      ['Công văn số 123', 24, 12],
    ];
    for (const [word, line, column] of cases) {
      const t = st.text.indexOf(word);
      const s = source.indexOf(word);
      expect(t).toBeGreaterThanOrEqual(0);
      expect(st.locate(t)).toEqual({ line, column, sourceOffset: s });
      expect(naivePosition(source, s)).toEqual({ line, column }); // the hand-checked numbers are right
      // the end of the word maps to just after it in the source
      const span = locateSpan(st, t, word.length);
      expect([word, span.end.sourceOffset]).toEqual([word, s + word.length]);
      expect(span.end).toMatchObject({ line, column: column + word.length });
    }
  });

  it('locate(end) maps the character at end: after a link that is past the URL', async () => {
    const t = st.text.indexOf('61/KH-SGDĐT') + '61/KH-SGDĐT'.length;
    expect(st.text[t]).toBe(' ');
    expect(st.locate(t).sourceOffset).toBe(source.indexOf('(https://example.vn/kh61)') + '(https://example.vn/kh61)'.length);
    expect(locateSpan(st, t - 2, 2).end.sourceOffset).toBe(source.indexOf('61/KH-SGDĐT') + '61/KH-SGDĐT'.length);
  });

  it('maps escapes and entities to their source characters', async () => {
    const star = st.text.indexOf('*Quy');
    expect(st.locate(star).sourceOffset).toBe(source.indexOf('\\*Quy') + 1);
    expect(st.locate(st.text.indexOf('&')).sourceOffset).toBe(source.indexOf('&amp;'));
  });

  it('maps every character faithfully', async () => expectFaithful(st));
});

describe('markdown adapter: offset model', () => {
  it('inserted separators map to the end of the previous block, then the next block start', async () => {
    const st = await fromString('# A\n\n\n\nB', 'sep.md', 'md');
    expect(st.text).toBe('A\n\nB');
    expect(st.locate(0).sourceOffset).toBe(2);
    expect(st.locate(1).sourceOffset).toBe(3); // just after "A"
    expect(st.locate(2).sourceOffset).toBe(7); // nearest following source position: "B"
    expect(st.locate(3)).toEqual({ line: 5, column: 1, sourceOffset: 7 });
    expect(st.locate(4)).toEqual({ line: 5, column: 2, sourceOffset: 8 });
    expect(() => st.locate(5)).toThrow(RangeError);
  });

  it('columns count UTF-16 units (astral characters are 2)', async () => {
    const st = await fromString('😀 **Nghị định** số 1', 'astral.md', 'md');
    expect(st.text).toBe('😀 Nghị định số 1');
    expect(st.locate(st.text.indexOf('Nghị'))).toEqual({ line: 1, column: 6, sourceOffset: 5 });
    expect(st.locate(st.text.indexOf('số'))).toEqual({ line: 1, column: 18, sourceOffset: 17 });
  });

  it('keeps CRLF inside paragraphs and locates across them', async () => {
    const src = 'Dòng một\r\nDòng **hai**\r\n\r\n# Ba\r\n';
    const st = await fromString(src, 'crlf.md', 'md');
    expect(st.text).toBe('Dòng một\r\nDòng hai\n\nBa');
    expect(st.locate(st.text.indexOf('hai'))).toEqual({ line: 2, column: 8, sourceOffset: src.indexOf('hai') });
    expect(st.locate(st.text.indexOf('Ba'))).toEqual({ line: 4, column: 3, sourceOffset: src.indexOf('Ba') });
    expectFaithful(st);
  });

  it('skips container prefixes (blockquote, list continuation) in the mapping', async () => {
    const src = '> Căn cứ Luật\n> số 01/2020/QH14\n\n- Kế hoạch\n  số 5/KH-UBND\n';
    const st = await fromString(src, 'q.md', 'md');
    expect(st.text).toBe('Căn cứ Luật\nsố 01/2020/QH14\n\nKế hoạch\nsố 5/KH-UBND');
    expect(st.locate(st.text.indexOf('số 01'))).toEqual({ line: 2, column: 3, sourceOffset: src.indexOf('số 01') });
    expect(st.locate(st.text.indexOf('số 5'))).toEqual({ line: 5, column: 3, sourceOffset: src.indexOf('số 5') });
    expectFaithful(st);
  });

  it('keeps code blocks (indented text often becomes one) and drops fences, html tags, images', async () => {
    const src = '```text\nCăn cứ Luật số 1\n```\n\n    Nghị định số 2\n\n<p>Quyết định <b>số 3</b></p>\n\n![con dấu](dau.png)\n\n---\n\n[ref]: http://x';
    const st = await fromString(src, 'c.md', 'md');
    expect(st.text).toBe('Căn cứ Luật số 1\n\nNghị định số 2\n\nQuyết định số 3');
    expect(st.locate(0).sourceOffset).toBe(src.indexOf('Căn cứ'));
    expect(st.locate(st.text.indexOf('số 3')).sourceOffset).toBe(src.indexOf('số 3'));
    expectFaithful(st);
  });

  it('hard breaks and <br> become line breaks', async () => {
    const st = await fromString('**KT. TRƯỞNG PHÒNG**  \nPHÓ TRƯỞNG PHÒNG\\\nA<br>B', 'br.md', 'md');
    expect(st.text).toBe('KT. TRƯỞNG PHÒNG\nPHÓ TRƯỞNG PHÒNG\nA\nB');
  });

  it('drops a single leftover emphasis marker at a block edge', async () => {
    expect((await fromString('***III. TỔ CHỨC**', 'e.md', 'md')).text).toBe('III. TỔ CHỨC');
    expect((await fromString('**Nơi nhận:***', 'e.md', 'md')).text).toBe('Nơi nhận:');
    expect((await fromString('Ghi chú (*) ở đây', 'e.md', 'md')).text).toBe('Ghi chú (*) ở đây');
  });

  it('real plan fixtures: no markdown syntax leaks and every character maps back', async () => {
    for (const name of ['000_62be2637e8442795.txt', '003_06262491b62869cd.txt']) {
      const src = readFileSync(new URL(`../../fixtures/plans/${name}`, import.meta.url), 'utf8');
      const st = await fromString(src, name, 'md');
      expect(st.text).not.toMatch(/\*\*|^#/m);
      expectFaithful(st);
    }
  });
});
