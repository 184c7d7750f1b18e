// The layout's plain form of a line (markdown's heading marks and emphasis dropped, spaces
// trimmed), which every layout test reads: the quick path for lines without markup must give
// what the rule, written as regexes here, gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitLines } from '../../src/citations/sections.js';

const reference = (s: string) =>
  s
    .replace(/\r$/, '')
    .replace(/^[ \t]*#{1,6}[ \t]*/, '')
    .replace(/[*_]{2,}/g, '')
    .replace(/^[ \t]*\*[ \t]+/, '')
    .trim()
    .replace(/^[*_](?=\S)/, '')
    .replace(/(?<=\S)[*_]$/, '');

describe('plain form of a line', () => {
  it.each([
    ['**PHỤ LỤC**', 'PHỤ LỤC'],
    ['*Nơi nhận:*', 'Nơi nhận:'],
    ['## Văn bản liên quan', 'Văn bản liên quan'],
    ['* Căn cứ Luật', 'Căn cứ Luật'],
    ['  Căn cứ Luật Tổ chức chính quyền địa phương;\r', 'Căn cứ Luật Tổ chức chính quyền địa phương;'],
    ['Số: 12/KH-UBND', 'Số: 12/KH-UBND'],
  ])('%j → %j', (line, plain) => {
    expect(splitLines(line)[0]!.plain).toBe(plain);
  });

  it('agrees with the rule on random lines', () => {
    const alphabet = ['a', 'Đ', ' ', '\t', '*', '_', '#', '\r', ':', '1', '/'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }), (chars) => {
        const line = chars.join('').replace(/\r(?!$)/g, '');
        expect(splitLines(line)[0]!.plain).toBe(reference(line));
      }),
      { numRuns: 3000 },
    );
  });
});
