import { describe, expect, it } from 'vitest';
import { detach, memo } from '../../src/citations/memo.js';

describe('memo', () => {
  it('computes each distinct input once and answers equal values', () => {
    const calls: string[] = [];
    const upper = memo((text) => {
      calls.push(text);
      return text.toUpperCase();
    });
    const plan = 'Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;';
    const slice = plan.slice(7, 33);
    expect(upper(slice)).toBe('NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP');
    expect(upper('Nghị định số 30/2020/NĐ-CP')).toBe('NGHỊ ĐỊNH SỐ 30/2020/NĐ-CP');
    expect(calls).toEqual(['Nghị định số 30/2020/NĐ-CP']);
  });

  it('starts afresh when full instead of growing', () => {
    let computed = 0;
    const same = memo((text) => {
      computed++;
      return text;
    }, 2);
    for (const text of ['a', 'b', 'c', 'a']) same(text);
    expect(computed).toBe(4); // 'c' found the memo full and cleared it, so 'a' was computed again
    same('c');
    expect(computed).toBe(4);
  });

  it('detach copies the text exactly', () => {
    for (const text of ['', 'x', 'Ủy ban nhân dân tỉnh Hòa Bình', 'a\u0301'.repeat(40)]) expect(detach(text)).toBe(text);
  });
});
