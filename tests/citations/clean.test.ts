// The cleaning stage: what it changes, and that every offset maps back to the source.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clean } from '../../src/citations/clean.js';

describe('clean', () => {
  it.each([
    ['composed text is returned as is', 'Quyết định số 12/QĐ-UBND', 'Quyết định số 12/QĐ-UBND', true],
    ['decomposed (NFD) letters are composed', 'Quyê\u0301t đi\u0323nh', 'Quyết định', false],
    ['dash variants become "-"', 'QĐ\u2013UBND, QĐ\u2014UBND, QĐ\u2212UBND, QĐ\u2011UBND', 'QĐ-UBND, QĐ-UBND, QĐ-UBND, QĐ-UBND', false],
    ['the Icelandic Eth becomes Đ / đ', '\u00d0T, \u00f0ịnh', 'ĐT, định', false],
    ['odd spaces become " "', 'số\u00a012,\u2009số\u202f13\u3000x', 'số 12, số 13 x', false],
    ['zero-width characters and soft hyphens go', 'Quy\u200bết đ\u00adịnh\ufeff', 'Quyết định', false],
    ['Cyrillic capitals that look like Latin ones become those', 'TT-B\u0422\u0421', 'TT-BTC', false],
    ['a literal "\\r\\n" escape is one line break', 'a;\\r\\nb;\\nc;\\rd', 'a;\nb;\nc;\nd', false],
    ['markdown emphasis inside a symbol goes', 'số 44**/**2025**/**TT-BYT, **Điều 1.** a*b', 'số 44/2025/TT-BYT, **Điều 1.** a*b', false],
    ['markdown emphasis elsewhere stays', '**Điều 1.** Căn cứ *Quyết định* số 12', '**Điều 1.** Căn cứ *Quyết định* số 12', true],
    ['a backslash before anything else stays', 'C:\\x \\\\ \\', 'C:\\x \\\\ \\', true],
  ])('%s', (_name, source, text, identity) => {
    const out = clean(source);
    expect(out.text).toBe(text);
    expect(out.identity).toBe(identity);
  });

  it('maps offsets after a shortened or dropped unit back to the source', () => {
    const source = 'Quyê\u0301t \\r\\nđi\u0323nh số\u200b 12';
    const out = clean(source);
    expect(out.text).toBe('Quyết \nđịnh số 12');
    for (const word of ['Quyết', 'định', 'số', '12']) {
      const at = out.text.indexOf(word);
      // The source at the mapped offset starts with the word's first letter (composed or not).
      expect(source.slice(out.toSource(at)).normalize('NFC').startsWith(word[0]!), word).toBe(true);
    }
    expect(out.toSource(out.text.length)).toBe(source.length);
  });

  it('agrees with the rule written as a regular expression, on random text', () => {
    // The stage's rule, as the spec of it: each unit replaced, in text order.
    // A special character is a unit of its own; combining marks take the character before them
    // unless that one was a unit already.
    const unit = /(?<=[0-9A-ZĐ])\*+(?=[/-])|(?<=[/-])\*+(?=[0-9A-ZĐ])|\\r\\n|\\[rn]|[\u2010-\u2015\u2212\u00d0\u00f0\u00a0\u2000-\u200d\u202f\u205f\u3000\u2060\ufeff\u00ad\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425]|.[\u0300-\u036f]+|[\u0300-\u036f]+/gsu;
    const cyr: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X' };
    const reference = (s: string) =>
      s.replace(unit, (u) => {
        if (u[0] === '\\') return '\n';
        if (u[0] === '*') return '';
        if (/[\u0300-\u036f]$/u.test(u)) return u.normalize('NFC');
        if (/[\u2010-\u2015\u2212]/u.test(u)) return '-';
        if (u === '\u00d0') return 'Đ';
        if (u === '\u00f0') return 'đ';
        if (/[\u200b-\u200d\u2060\ufeff\u00ad]/u.test(u)) return '';
        if (/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/u.test(u)) return ' ';
        return cyr[u] ?? u.normalize('NFC');
      });
    const alphabet = ['a', 'ê', 'Q', ' ', '\n', '\\', 'r', 'n', '\u0301', '\u0323', '\u2013', '\u00a0', '\u200b', '\u00d0', '\u0422', '/', '1', '*', '-', 'Đ'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const source = chars.join('');
        const out = clean(source);
        expect(out.text).toBe(reference(source));
        // Every offset maps into the source, in order.
        let prev = 0;
        for (let o = 0; o <= out.text.length; o++) {
          const s = out.toSource(o);
          expect(s).toBeGreaterThanOrEqual(prev);
          expect(s).toBeLessThanOrEqual(source.length);
          prev = s;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
