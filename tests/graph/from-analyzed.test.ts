import { describe, expect, it } from 'vitest';
import { nodeText } from '../../src/graph/from-analyzed.js';

// What nodeText must equal for every input (it is remembered, and must stay exact).
const reference = (value: string) => value.normalize('NFC').replace(/\s+/g, ' ').trim() || null;

describe('nodeText', () => {
  it('normalises decomposed text, folds whitespace and trims', () => {
    expect(nodeText('Nghi\u0323 đi\u0323nh  số\u00a030/2020/NĐ-CP\t')).toBe('Nghị định số 30/2020/NĐ-CP');
    expect(nodeText(' Ủy ban nhân dân\ntỉnh Hòa Bình ')).toBe('Ủy ban nhân dân tỉnh Hòa Bình');
    expect(nodeText('   ')).toBeNull();
    expect(nodeText('')).toBeNull();
    expect(nodeText(null)).toBeNull();
    expect(nodeText(undefined)).toBeNull();
  });

  it('returns clean text as it is', () => {
    const clean = 'về tiếp tục đổi mới, nâng cao chất lượng giáo dục phổ thông (giai đoạn 2021–2025)';
    expect(nodeText(clean)).toBe(clean);
  });

  it('equals the reference on characters outside the fast path: singletons, other combining marks, Greek, CJK', () => {
    for (const value of ['x\u00a0y', 'Ω ohm \u2126', 'a\u1dc4b', 'Ά \u1f71', '\uf900 豈', 'x\u0085y', 'q\u2028r', 'Å \u212b', 'e\u0301']) {
      expect(nodeText(value)).toBe(reference(value));
    }
  });

  it('equals the reference on random mixtures of clean and awkward characters', () => {
    const alphabet = ['a', 'Đ', 'ệ', 'ờ', ' ', ' ', '  ', '\t', '\n', '\u00a0', '\u0301', '\u0323', '\u2126', '\u212b', '\u1dc4', '/', '-', '1', 'Ỹ', 'ȷ', '\u2003', '\ufeff'];
    let seed = 42;
    const next = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) >>> 8);
    for (let i = 0; i < 3000; i++) {
      let value = '';
      const length = next() % 12;
      for (let j = 0; j < length; j++) value += alphabet[next() % alphabet.length];
      expect(nodeText(value), JSON.stringify(value)).toBe(reference(value));
    }
  });
});
